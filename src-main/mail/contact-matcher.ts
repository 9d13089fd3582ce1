import type { Sqlite } from '../db/open';

/**
 * Which contact an address belongs to, through contact_emails (the lower-cased match table
 * the contacts' write path keeps; deleted contacts are not in it).
 */
export function createContactMatcher(sqlite: Sqlite) {
  const byAddress = sqlite.prepare<[string], { contact_id: string }>(
    'SELECT contact_id FROM contact_emails WHERE address = ? ORDER BY contact_id, position LIMIT 1',
  );
  return {
    /** The first address (in the order given: From, To, Cc) that is a contact's. */
    firstContact(addresses: readonly string[]): string | undefined {
      for (const address of addresses) {
        const match = byAddress.get(address);
        if (match) return match.contact_id;
      }
      return undefined;
    },
  };
}

export type ContactMatcher = ReturnType<typeof createContactMatcher>;
