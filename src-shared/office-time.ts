// The office's clock: the time zone its dates are written in (Settings → Office), used by the
// quote year and by exports. Times are stored as UTC epoch ms everywhere; only what is shown to
// people or written for them is in the office's zone.

/** Whether `zone` is an IANA time zone this runtime knows (`Europe/London`). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The setting's zone, or this computer's when the setting is empty. */
export function officeTimeZone(setting: string): string {
  return setting && isKnownTimeZone(setting) ? setting : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function localParts(at: number, zone: string): LocalParts {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value])) as unknown as LocalParts;
  return parts;
}

export function yearInZone(at: number, zone: string): number {
  return Number(localParts(at, zone).year);
}

/**
 * `2026-12-05T17:02:13`: the office's wall-clock time without milliseconds or a zone. LibreOffice
 * reads this form (with the T) as a date and time in every locale; others show it as it is.
 */
export function localDateTime(at: number, zone: string): string {
  const p = localParts(at, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** `2026-12-05`. */
export function localDate(at: number, zone: string): string {
  const p = localParts(at, zone);
  return `${p.year}-${p.month}-${p.day}`;
}
