import type { SequencedChange } from '../../src-shared/sync/protocol';

/**
 * What a laptop whose cursor is `cursor` does with the changes a poke carried (the relay side is
 * src-relay/routes/push.ts): `apply` them as a pull page when they are exactly the changes after
 * the cursor up to `newestSeq`; `none` when it has them all already; otherwise `pull` (a gap, a
 * poke it missed, or a message that is not one push's run of sequences), so that nothing is
 * skipped and the cursor only moves past what was applied.
 */
export function carriedChangesPlan(cursor: number, newestSeq: number, carried: readonly SequencedChange[]): 'apply' | 'pull' | 'none' {
  if (newestSeq <= cursor) return 'none';
  // Nothing relies on the order of the message: sorted here, then checked to be one unbroken run.
  const seqs = carried.map((entry) => entry.seq).sort((left, right) => left - right);
  const unbroken = seqs.every((seq, index) => seq === cursor + 1 + index);
  return unbroken && seqs[seqs.length - 1] === newestSeq ? 'apply' : 'pull';
}
