import { describe, expect, it } from 'vitest';
import { readOnlyOutboxText } from '../../src-renderer/features/sync/status-text';
import { paletteItems } from '../../src-renderer/features/palette/palette-items';

// A member made read-only with changes still waiting is told why they do not go and what becomes
// of them; and the command palette offers only what the member may do.

describe('changes held back by a read-only role', () => {
  it('says how many changes could not be sent, and that they go once an admin restores the role', () => {
    expect(readOnlyOutboxText({ role: 'read_only', pendingChanges: 3 })).toMatch(/^3 changes made on this laptop could not be sent because your role is read-only\. They are kept here/);
    expect(readOnlyOutboxText({ role: 'read_only', pendingChanges: 1 })).toMatch(/^1 change .* It is kept here, and goes to the team/);
  });

  it('says nothing when nothing waits, or when the member may send', () => {
    expect(readOnlyOutboxText({ role: 'read_only', pendingChanges: 0 })).toBeNull();
    expect(readOnlyOutboxText({ role: 'member', pendingChanges: 4 })).toBeNull();
    expect(readOnlyOutboxText({ role: null, pendingChanges: 4 })).toBeNull();
  });
});

describe('the command palette and the role', () => {
  const labels = (canEdit: boolean, isAdmin: boolean, typed = '') => paletteItems(typed, null, { canEdit, isAdmin }).map((item) => item.label);

  it('offers a read-only member no way to create anything, nor the admin’s audit trail', () => {
    const readOnly = labels(false, false);
    for (const creator of ['New contact', 'Log a call', 'New follow-up', 'New deal', 'Triage calls', 'Audit trail']) expect(readOnly).not.toContain(creator);
    expect(readOnly).toContain('Contacts');
    expect(labels(false, false, 'new contact')).not.toContain('New contact');
  });

  it('offers a member the creators but not the audit trail, and an admin both', () => {
    expect(labels(true, false)).toEqual(expect.arrayContaining(['New contact', 'Log a call', 'New deal']));
    expect(labels(true, false)).not.toContain('Audit trail');
    expect(labels(true, true)).toEqual(expect.arrayContaining(['New contact', 'Audit trail']));
  });
});
