// Flags a call carries without anyone setting them: "After hours" (it came in while the office was
// closed, by the phone line's opening hours in the office's time zone) and a keyword emergency
// (its transcript or notes name one of the office's emergency words). Shared by the core, which
// stores and sorts by them, and the relay, which sends closed-hours calls to voicemail.

export interface OpeningHours {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** hh:mm, the office's wall clock. */
  opens: string;
  closes: string;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: number, timeZone: string): { day: number; time: string } | null {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return null;
    }
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { day: weekdays.indexOf(value('weekday')), time: `${value('hour')}:${value('minute')}` };
}

/**
 * True when `at` falls inside the opening hours, read on the office's wall clock (so a DST change
 * moves nothing: 08:30 is 08:30 in summer and winter). No hours at all, or a time zone this
 * runtime does not know, counts as always open — better to ring than to send every call away.
 */
export function isWithinOpeningHours(hours: readonly OpeningHours[], timeZone: string, at: number): boolean {
  if (hours.length === 0) return true;
  const clock = wallClock(at, timeZone);
  if (!clock) return true;
  return hours.some((open) => open.day === clock.day && open.opens <= clock.time && clock.time < open.closes);
}

/** Lower case without accents: "Chaudière" reads as "chaudiere". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first of the office's emergency words that the text contains as whole words ("leaking" does
 * not match "leak": list it as a word of its own), ignoring case, accents and the spacing between
 * the words of a phrase; null when none.
 */
export function emergencyKeywordIn(text: string, keywords: readonly string[]): string | null {
  if (!text) return null;
  const folded = fold(text);
  for (const keyword of keywords) {
    const words = fold(keyword).trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'u');
    if (pattern.test(folded)) return keyword.trim();
  }
  return null;
}
