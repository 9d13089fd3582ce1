import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callRowFields, changedFields, mergeFacts, type CallFacts } from '../../../src-relay/telephony/call-facts';

// Whatever order Twilio's callbacks arrive in, and however often each is repeated, the call row
// comes out the same; and repeating a callback writes nothing.

const callbacks: CallFacts[] = [
  { direction: 'inbound', otherNumber: '+447700900123', officeNumber: '+442079460000', startedAt: 1_000, legStatus: 'ringing' },
  { legStatus: 'in-progress' },
  { answered: true, talkSeconds: 30 },
  { dialStatus: 'completed', answered: true, talkSeconds: 31 },
  { legStatus: 'completed', legDuration: 40 },
  { recordingSha256: 'a'.repeat(64), recordingSeconds: 31 },
  { transcript: 'Thanks, see you Tuesday.' },
];

const missed: CallFacts[] = [
  { direction: 'inbound', otherNumber: '+447700900123', startedAt: 1_000, legStatus: 'ringing' },
  { legStatus: 'in-progress' },
  { dialStatus: 'no-answer', dialEndedWhileCallerOn: true },
  { legStatus: 'completed', legDuration: 55 },
];

const rowOf = (facts: CallFacts[]) => callRowFields('CA0', facts.reduce(mergeFacts, {}), 5);

describe('call facts', () => {
  it('give the same row for any order and any repetition of the callbacks', () => {
    for (const sequence of [callbacks, missed]) {
      const expected = rowOf(sequence);
      fc.assert(
        fc.property(fc.shuffledSubarray(sequence, { minLength: sequence.length, maxLength: sequence.length }), fc.array(fc.nat(sequence.length - 1), { maxLength: 6 }), (order, repeats) => {
          const withRepeats = [...order, ...repeats.map((index) => sequence[index]!)];
          expect(rowOf(withRepeats)).toEqual(expected);
        }),
      );
    }
    expect(rowOf(callbacks)).toMatchObject({ status: 'completed', duration_seconds: 31, transcript: 'Thanks, see you Tuesday.' });
    expect(rowOf(missed)).toMatchObject({ status: 'no-answer', disposition: 'no answer', duration_seconds: 0 });
  });

  it('write nothing when a callback says nothing new', () => {
    const facts = callbacks.reduce(mergeFacts, {});
    const written = callRowFields('CA0', facts, 5);
    for (const repeat of callbacks) expect(changedFields(written, callRowFields('CA0', mergeFacts(facts, repeat), 9))).toEqual({});
  });

  it('never move a finished call back to ringing', () => {
    const finished = mergeFacts({ legStatus: 'completed', answered: true }, { legStatus: 'ringing' });
    expect(callRowFields('CA0', finished, 0).status).toBe('completed');
  });
});
