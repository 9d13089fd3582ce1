import type { Sqlite } from '../db/open';

/**
 * Which contact an address belongs to, through contact_emails (the lower-cased match table
 * the contacts' write path keeps; deleted contacts are not in it).
 */
export function createContactMatcher(sqlite: Sqlite) {
  const byAddress = sqlite.prepare<[string], { contact_id: string }>(
    'SELECT contact_id FROM contact_emails WHERE address = ? ORDER BY contact_id, position LIMIT 1',
  );
  // Newsletters and colleagues recur in thousands of messages: each address is looked up once
  // until a contact is written (the mail service clears this on every contact change).
  const known = new Map<string, string | null>();
  return {
    /** The first address (in the order given: From, To, Cc) that is a contact's. */
    firstContact(addresses: readonly string[]): string | undefined {
      for (const address of addresses) {
        let contactId = known.get(address);
        if (contactId === undefined) {
          contactId = byAddress.get(address)?.contact_id ?? null;
          if (known.size > 50_000) known.clear();
          known.set(address, contactId);
        }
        if (contactId) return contactId;
      }
      return undefined;
    },
    forget(): void {
      known.clear();
    },
  };
}

export type ContactMatcher = ReturnType<typeof createContactMatcher>;
