// Small helpers for the hand-drawn SVG charts: a "nice" axis and month labels. The drawing width is
// measured (ui/use-element-width.ts) so that text in a chart stays at its CSS size.

/** Round tick values from 0 up to at least `max`: 0, 250, 500, 750, 1000. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' });
const longMonthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** "2025-06" as "Jun 25" (short) or "June 2025"; null is a deal with no expected date. */
export function monthLabel(month: string | null, long = false): string {
  if (month === null) return long ? 'No expected date' : 'No date';
  const [year, monthNumber] = month.split('-').map(Number);
  const date = new Date(year ?? 1970, (monthNumber ?? 1) - 1, 1);
  return (long ? longMonthFormat : monthFormat).format(date);
}
