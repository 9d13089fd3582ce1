import { describe, expect, it } from 'vitest';
import { slaCountdownText, slaStanding, spanText } from '../../../src-shared/domain/sla';

const minute = 60_000;
const due = Date.UTC(2026, 11, 6, 12, 0);
const open = { dueAt: due, doneAt: null };

describe('a call-back against its promise', () => {
  it('is on time until the last quarter of a 2-hour promise, due soon within its last 30 minutes, overdue only after the deadline', () => {
    expect(slaStanding(open, 120, due - 120 * minute)).toBe('ok');
    expect(slaStanding(open, 120, due - 31 * minute)).toBe('ok');
    expect(slaStanding(open, 120, due - 30 * minute)).toBe('due_soon');
    expect(slaStanding(open, 120, due - 1)).toBe('due_soon');
    expect(slaStanding(open, 120, due)).toBe('due_soon');
    expect(slaStanding(open, 120, due + 1)).toBe('overdue');
  });

  it('scales "due soon" with the rule: the last 6 hours of a one-day promise, the last hour when the rule is gone', () => {
    expect(slaStanding(open, 24 * 60, due - 6 * 60 * minute - 1)).toBe('ok');
    expect(slaStanding(open, 24 * 60, due - 6 * 60 * minute)).toBe('due_soon');
    expect(slaStanding(open, undefined, due - 61 * minute)).toBe('ok');
    expect(slaStanding(open, undefined, due - 60 * minute)).toBe('due_soon');
  });

  it('counts a call-back made exactly at its deadline as made in time, a millisecond later as late', () => {
    expect(slaStanding({ dueAt: due, doneAt: due }, 120, due + 5 * minute)).toBe('made_in_time');
    expect(slaStanding({ dueAt: due, doneAt: due + 1 }, 120, due + 5 * minute)).toBe('made_late');
  });

  it('counts down in words', () => {
    expect(slaCountdownText(open, due - 80 * minute)).toBe('due in 1 h 20 min');
    expect(slaCountdownText(open, due + 12 * minute + 30_000)).toBe('overdue by 12 min');
    expect(slaCountdownText(open, due - 20_000)).toBe('due in less than a minute');
    expect(slaCountdownText({ dueAt: due, doneAt: due + 5 * minute }, due)).toBe('made 5 min late');
    expect(spanText((2 * 24 * 60 + 3 * 60 + 5) * minute)).toBe('2 d 3 h');
    expect(spanText(2 * 60 * minute)).toBe('2 h');
  });
});
