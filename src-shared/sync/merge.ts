// Compaction of the change log into the latest value of every field, for bootstrapping a new
// device (GET /v1/snapshot). It is not the merge: clients still merge every change they pull.
// The rule is generic, the same for every table, and follows the clients' (the counterpart is
// applyRemoteChange in src-main/sync/mutation-engine.ts): a field takes the incoming value when
// the incoming HLC is greater than the field's stored clock. The causal length `cl` (odd =
// alive, even = deleted) keeps the greatest number whatever the clocks say; its clock and author
// are those of the change that brought it (ties by clock), so the result does not depend on the
// order changes arrive in. Clients ignore the clock of `cl` when merging it.

export type FieldValue = string | number | null;

export interface RowStateValue {
  fields: Record<string, FieldValue>;
  clocks: Record<string, string>;
  authors: Record<string, string>;
}

export interface RowChange {
  hlc: string;
  fields: Record<string, FieldValue>;
  author: string;
}

export const causalLengthField = 'cl';

/** Returns the state with the change folded in; the input is not modified. */
export function foldChange(state: RowStateValue, change: RowChange): RowStateValue {
  const next: RowStateValue = { fields: { ...state.fields }, clocks: { ...state.clocks }, authors: { ...state.authors } };
  for (const [name, value] of Object.entries(change.fields)) {
    const clock = next.clocks[name];
    const newer = clock === undefined || change.hlc > clock;
    if (name === causalLengthField) {
      // Only numbers count, as on the clients; the greatest (number, clock) pair wins.
      if (typeof value !== 'number') continue;
      const stored = next.fields[name];
      if (typeof stored === 'number' && (value < stored || (value === stored && !newer))) continue;
    } else if (!newer) {
      continue;
    }
    next.fields[name] = value;
    next.clocks[name] = change.hlc;
    next.authors[name] = change.author;
  }
  return next;
}

export const emptyRowState = (): RowStateValue => ({ fields: {}, clocks: {}, authors: {} });
