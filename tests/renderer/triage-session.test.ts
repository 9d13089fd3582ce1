import { describe, expect, it } from 'vitest';
import { currentItem, isCleared, markHandled, next, outcomeForKey, previous, progressText, startSession } from '../../src-renderer/features/calls/triage-session';

const item = (id: string, reason: 'no_outcome' | 'call_back_due' = 'no_outcome') => ({ id, reason, emergency: false, startedAt: 0, number: '+442079460000', contactName: null, callBack: null, emergencyKeyword: '', afterHours: false });

describe('a triage sitting', () => {
  it('will not move on from a call without an outcome, and counts down as calls get theirs', () => {
    let session = startSession({ total: 3, items: [item('a'), item('b'), item('c', 'call_back_due')] });
    expect(progressText(session)).toBe('3 of 3 left');
    expect(next(session, '')).toEqual({ ok: false, reason: 'Choose an outcome for this call before moving on.' });
    session = markHandled(session, 'a');
    const moved = next(session, 'booked');
    if (!moved.ok) throw new Error(moved.reason);
    session = moved.session;
    expect(currentItem(session)?.id).toBe('b');
    expect(progressText(session)).toBe('2 of 3 left');
    expect(currentItem(previous(session))?.id).toBe('a');
  });

  it('says the queue is cleared only after Next on the last call, and Previous goes back into it', () => {
    let session = startSession({ total: 1, items: [item('a')] });
    session = markHandled(session, 'a');
    expect(isCleared(session)).toBe(false);
    const moved = next(session, 'booked');
    if (!moved.ok) throw new Error(moved.reason);
    expect(isCleared(moved.session)).toBe(true);
    expect(isCleared(previous(moved.session))).toBe(false);
  });

  it('maps the number keys to the office’s outcomes in order', () => {
    const outcomes = ['booked', 'quote needed', 'call back'];
    expect(outcomeForKey('1', outcomes)).toBe('booked');
    expect(outcomeForKey('3', outcomes)).toBe('call back');
    expect(outcomeForKey('4', outcomes)).toBeUndefined();
    expect(outcomeForKey('0', outcomes)).toBeUndefined();
    expect(outcomeForKey('n', outcomes)).toBeUndefined();
  });
});
