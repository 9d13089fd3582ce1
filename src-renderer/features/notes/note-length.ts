import { noteMaxLength } from '../../../src-shared/domain/note';

/** Counting starts this close to the limit: earlier, a countdown is noise. */
const countFrom = 2_000;

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * What the note box says about its length: nothing while far from the limit, the characters left
 * as it nears it, and by how much it is over once past it (an error: the note cannot be added).
 */
export function noteLength(text: string): { hint?: string; error?: string } {
  const left = noteMaxLength - text.trim().length;
  if (left < 0) return { error: `${count(-left)} ${-left === 1 ? 'character' : 'characters'} too long: a note can be ${count(noteMaxLength)} characters at most. Shorten it, or split it into two notes.` };
  if (left <= countFrom) return { hint: `${count(left)} ${left === 1 ? 'character' : 'characters'} left` };
  return {};
}
