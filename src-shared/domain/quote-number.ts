// Quote numbers: `Q-2026-A-0042`, the year, the series of the laptop that made the quote and
// that series' count within the year. Why (docs/money-and-phone-numbers.md, "Quote numbers"):
// a laptop numbers quotes offline, so each laptop counts in a series of its own, and the relay
// hands each device of a workspace a number of its own when it joins (1 → A, 2 → B, … 27 → AA);
// a laptop used alone counts in a series drawn from its device id. Two laptops therefore never
// make the same number, even two used alone that later join one workspace, and each one's
// quotes count 1, 2, 3….

/** 1 → A, 26 → Z, 27 → AA: bijective base 26, so every positive number has exactly one name. */
export function seriesLetters(deviceNumber: number): string {
  if (!Number.isInteger(deviceNumber) || deviceNumber < 1) throw new RangeError('A device number is a positive integer');
  let rest = deviceNumber;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Letters in a series of a laptop alone: four, so no relay-given series of fewer than 18,279 devices has as many. */
const soloLetters = 4;

/**
 * The series of a laptop in no workspace: four letters drawn from the random end of its device
 * id (`KQZM`). Two laptops used alone, which may later meet in one workspace, thus count in
 * different series (1 in 456,976 that two share one), and the numbers they sent stay unique
 * there without changing. Relay-given series have at most three letters in any office of fewer
 * than 18,279 devices.
 */
export function soloSeries(deviceId: string): string {
  let rest = Number.parseInt(deviceId.replace(/-/g, '').slice(-8), 16) % 26 ** soloLetters;
  if (!Number.isFinite(rest)) rest = 0;
  let letters = '';
  for (let index = 0; index < soloLetters; index += 1) {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  }
  return letters;
}

/**
 * The series a laptop numbers its quotes in. A laptop in no workspace counts in a series of its
 * own (soloSeries); in a workspace, in the one its device number names (the first device, which
 * created the workspace, A). A laptop in a workspace whose relay has not yet told it its number
 * (an older relay, or not online since this version) counts in a series named from its device
 * id: `X` and four hex digits, which no relay-given series of a workspace of fewer than 26⁴
 * devices can be.
 */
export function quoteSeries(device: { inWorkspace: boolean; deviceNumber: number | undefined; deviceId: string }): string {
  if (device.deviceNumber !== undefined) return seriesLetters(device.deviceNumber);
  if (!device.inWorkspace) return soloSeries(device.deviceId);
  return `X${device.deviceId.replace(/-/g, '').slice(-4).toUpperCase()}`;
}

/** What every number of one series in one year starts with. */
export function quoteNumberPrefix(year: number, series: string): string {
  return `Q-${year}-${series}-`;
}

export function formatQuoteNumber(year: number, series: string, count: number): string {
  return `${quoteNumberPrefix(year, series)}${String(count).padStart(4, '0')}`;
}

/** The parts of a number made by formatQuoteNumber; null for the older random ones (`Q-20261205-24BE5B`). */
export function parseQuoteNumber(number: string): { year: number; series: string; count: number } | null {
  const match = /^Q-(\d{4})-([A-Z0-9]+)-(\d{4,})$/.exec(number);
  if (!match) return null;
  return { year: Number(match[1]), series: match[2]!, count: Number(match[3]) };
}
