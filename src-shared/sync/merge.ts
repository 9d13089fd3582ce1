// The merge rule, written once. The laptop merges every change it pulls with it
// (applyRemote in src-main/writes/mutation-engine.ts) and the relay compacts its log into the
// bootstrap snapshot with it (src-relay/routes/push.ts), so both agree on what a row looks like.
//
// Per field, the last writer wins by HLC: a field takes the incoming value when the incoming HLC
// is greater than the field's clock (HLCs embed the device, so two changes never tie). The causal
// length `cl` (odd = alive, even = deleted) is merged by its number instead: the greatest wins
// whatever the clocks say, so a delete beats concurrent edits and only an explicit restore (the
// next odd number) brings a row back. Its clock and author are those of the change that brought
// the greatest number (ties by clock), so the result does not depend on the order changes arrive in.
// Pure: no I/O, no clock of its own.

/** A value a synced field can hold, as SQLite stores it and JSON carries it. */
export type FieldValue = string | number | null;
export type FieldValues = Record<string, FieldValue>;
/** The HLC of the change that set each field. */
export type FieldClocks = Record<string, string>;

export const causalLengthField = 'cl';

export interface MergeableChange {
  hlc: string;
  fields: FieldValues;
}

/** What merging one change does to a row: the values it sets, and the clocks it sets. */
export interface MergeOutcome {
  values: FieldValues;
  /** A superset of `values`' names: a causal length equal to the stored one takes only the clock. */
  clocks: FieldClocks;
}

/**
 * Merges one change into a row known by its field values and clocks. Only `cl` is read from
 * `row.fields`; a row that does not hold it takes any number.
 */
export function mergeChange(row: { fields: FieldValues; clocks: FieldClocks }, change: MergeableChange): MergeOutcome {
  const outcome: MergeOutcome = { values: {}, clocks: {} };
  for (const [name, value] of Object.entries(change.fields)) {
    const clock = row.clocks[name];
    const newer = clock === undefined || change.hlc > clock;
    if (name !== causalLengthField) {
      if (!newer) continue;
      outcome.values[name] = value;
      outcome.clocks[name] = change.hlc;
      continue;
    }
    // Only numbers count; the greatest (number, clock) pair wins.
    if (typeof value !== 'number') continue;
    const stored = row.fields[name];
    if (typeof stored !== 'number' || value > stored) {
      outcome.values[name] = value;
      outcome.clocks[name] = change.hlc;
    } else if (value === stored && newer) {
      outcome.clocks[name] = change.hlc;
    }
  }
  return outcome;
}

/** A row as the relay keeps it for snapshots: latest values, their clocks and who wrote them. */
export interface RowState {
  fields: FieldValues;
  clocks: FieldClocks;
  authors: Record<string, string>;
}

export interface RowChange extends MergeableChange {
  author: string;
}

export const emptyRowState = (): RowState => ({ fields: {}, clocks: {}, authors: {} });

/** Returns the state with the change folded in; the input is not modified. */
export function foldChange(state: RowState, change: RowChange): RowState {
  const { values, clocks } = mergeChange(state, change);
  const authors = { ...state.authors };
  for (const name of Object.keys(clocks)) authors[name] = change.author;
  return { fields: { ...state.fields, ...values }, clocks: { ...state.clocks, ...clocks }, authors };
}
