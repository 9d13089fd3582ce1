import type { ChangeRecord } from '../../../src-main/writes/change-log';

/**
 * A pure model of the merge rules, written independently of the engine: every field takes the
 * value of the change with the greatest clock (ties cannot happen: clocks embed the device),
 * except the causal length `cl`, which takes the greatest number. The state is a function of
 * the set of changes alone, whatever their order or repetition.
 */
export function modelState(changes: readonly ChangeRecord[]): Map<string, Record<string, string | number | null>> {
  const clocks = new Map<string, Record<string, string>>();
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const change of changes) {
    const key = `${change.tableName}/${change.rowId}`;
    const row = rows.get(key) ?? {};
    const rowClocks = clocks.get(key) ?? {};
    for (const [field, value] of Object.entries(change.fields)) {
      if (field === 'cl') {
        if (typeof value === 'number' && value > Number(row.cl ?? 0)) row.cl = value;
        continue;
      }
      const seen = rowClocks[field];
      if (seen === undefined || change.hlc > seen) {
        row[field] = value;
        rowClocks[field] = change.hlc;
      }
    }
    rows.set(key, row);
    clocks.set(key, rowClocks);
  }
  return rows;
}
