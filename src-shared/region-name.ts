// Region names without the phone metadata: screens that only name a country (the website form's
// settings) import this, not phone.ts, so the first screen's chunk stays free of libphonenumber.

/** "United States", "United Kingdom": the English name of a region code. */
export function regionName(region: string): string {
  try {
    return englishRegionNames.of(region) ?? region;
  } catch {
    return region;
  }
}

const englishRegionNames = new Intl.DisplayNames(['en'], { type: 'region' });
