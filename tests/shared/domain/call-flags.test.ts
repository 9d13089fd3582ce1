import { describe, expect, it } from 'vitest';
import { emergencyKeywordIn, isWithinOpeningHours } from '../../../src-shared/domain/call-flags';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '17:30' }));
const london = 'Europe/London';

describe('opening hours', () => {
  it('reads the office wall clock: open at 08:00, closed at 17:30 and overnight until the next morning', () => {
    // Thursday 3 December 2026, winter: London is UTC.
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 3, 7, 59))).toBe(false);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 3, 8, 0))).toBe(true);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 3, 17, 29))).toBe(true);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 3, 17, 30))).toBe(false);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 3, 22, 0))).toBe(false);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 4, 2, 30))).toBe(false);
  });

  it('is closed all day on a day off', () => {
    // Saturday 5 and Sunday 6 December 2026 at noon.
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 5, 12, 0))).toBe(false);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 11, 6, 12, 0))).toBe(false);
  });

  it('keeps 08:00 as 08:00 across the change to summer time', () => {
    // Monday 30 March 2026, the day after the clocks went forward: 08:00 in London is 07:00 UTC.
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 2, 30, 7, 0))).toBe(true);
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 2, 30, 6, 59))).toBe(false);
    // Friday 27 March, still winter: 07:00 UTC is 07:00 in London, closed.
    expect(isWithinOpeningHours(weekdays, london, Date.UTC(2026, 2, 27, 7, 0))).toBe(false);
    // Another zone: 22:00 in New York on a Tuesday is 03:00 UTC on Wednesday.
    expect(isWithinOpeningHours(weekdays, 'America/New_York', Date.UTC(2026, 11, 2, 3, 0))).toBe(false);
    expect(isWithinOpeningHours(weekdays, 'America/New_York', Date.UTC(2026, 11, 2, 15, 0))).toBe(true);
  });

  it('counts as always open with no hours, or with a time zone nobody knows', () => {
    expect(isWithinOpeningHours([], london, Date.UTC(2026, 11, 5, 3, 0))).toBe(true);
    expect(isWithinOpeningHours(weekdays, 'Mars/Olympus', Date.UTC(2026, 11, 5, 3, 0))).toBe(true);
  });
});

describe('emergency words', () => {
  const words = ['leak', 'flood', 'no heating', 'burst pipe'];
  it('finds a word or phrase whole, in any case, accent or spacing', () => {
    expect(emergencyKeywordIn('Hi, there is a LEAK under the sink', words)).toBe('leak');
    expect(emergencyKeywordIn('We have no\nheating since Monday', words)).toBe('no heating');
    expect(emergencyKeywordIn('Burst pipe in the loft!', words)).toBe('burst pipe');
    expect(emergencyKeywordIn('Flööd in the cellar', words)).toBe('flood');
    expect(emergencyKeywordIn('fuite', ['Fuité'])).toBe('Fuité');
  });

  it('does not match inside another word, nor when nothing is said', () => {
    expect(emergencyKeywordIn('the tap is leaking slowly', words)).toBeNull();
    expect(emergencyKeywordIn('Floodlights need fitting', words)).toBeNull();
    expect(emergencyKeywordIn('', words)).toBeNull();
    expect(emergencyKeywordIn('a leak', [])).toBeNull();
  });
});
