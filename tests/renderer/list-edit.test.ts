import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listWith } from '../../src-renderer/features/contacts/list-edit';

// Editing one number on a contact's page must leave every other number where it was: the core
// matches an entry by its place to know which item was edited.

describe('one entry of a contact list changed in place', () => {
  it('replaces only the entry at its place, keeping the others and their order', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1 }), fc.nat(), fc.string(), (list, at, entry) => {
        const index = at % list.length;
        const changed = listWith(list, index, entry);
        expect(changed).toHaveLength(list.length);
        expect(changed[index]).toBe(entry);
        changed.forEach((item, position) => {
          if (position !== index) expect(item).toBe(list[position]);
        });
      }),
    );
  });

  it('removes only the emptied entry, and adds a new one at the end', () => {
    expect(listWith(['a', 'b', 'c'], 1, null)).toEqual(['a', 'c']);
    expect(listWith(['a', 'b'], 2, 'c')).toEqual(['a', 'b', 'c']);
    expect(listWith([], 0, 'a')).toEqual(['a']);
  });
});
