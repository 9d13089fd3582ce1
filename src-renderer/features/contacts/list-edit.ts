// One entry of a contact's phones or e-mails changed in place, the rest left as they are: sent as
// the whole list, the core reads an entry changed at its place as an edit of that item.

/** The list with the entry at `index` replaced by `entry` (removed when null, added at the end when past it). */
export function listWith<T>(list: readonly T[], index: number, entry: T | null): T[] {
  if (entry === null) return list.filter((_, at) => at !== index);
  return index >= list.length ? [...list, entry] : list.map((item, at) => (at === index ? entry : item));
}
