import { normaliseEmail } from '../../src-shared/phone';
import type { Sqlite } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';
import { parseAddressList } from './rows';

/**
 * Keeps the derived tables of kept mail in step with mail_messages, inside the write's
 * transaction: mail_message_addresses (which contacts a message concerns, by joining
 * contact_emails) and mail_fts (subject, body, names and addresses). Deleted messages drop out.
 * Rows of private accounts are written without the mutation engine, so the mail store calls
 * `reindex` for them itself.
 */
export function createMailIndexer(sqlite: Sqlite) {
  const select = sqlite.prepare<
    [string],
    { subject: string; body_text: string; from_address: string; from_name: string; to_addresses: string; cc_addresses: string; cl: number; search_rowid: number | null }
  >('SELECT subject, body_text, from_address, from_name, to_addresses, cc_addresses, cl, search_rowid FROM mail_messages WHERE id = ?');
  const nextRowid = sqlite.prepare<[], { next: number }>('SELECT COALESCE(MAX(search_rowid), 0) + 1 AS next FROM mail_messages');
  const setRowid = sqlite.prepare('UPDATE mail_messages SET search_rowid = ? WHERE id = ?');
  const removeText = sqlite.prepare('DELETE FROM mail_fts WHERE rowid = ?');
  const insertText = sqlite.prepare('INSERT INTO mail_fts (rowid, subject, body, people) VALUES (?, ?, ?, ?)');
  const removeAddresses = sqlite.prepare('DELETE FROM mail_message_addresses WHERE message_id = ?');
  const insertAddress = sqlite.prepare('INSERT OR IGNORE INTO mail_message_addresses (message_id, address, role) VALUES (?, ?, ?)');

  function reindexOne(id: string): void {
    removeAddresses.run(id);
    const row = select.get(id);
    if (!row) return;
    let rowid = row.search_rowid;
    if (rowid === null) {
      rowid = nextRowid.get()!.next;
      setRowid.run(rowid, id);
    } else {
      removeText.run(rowid);
    }
    if (row.cl % 2 === 0) return;
    const to = parseAddressList(row.to_addresses);
    const cc = parseAddressList(row.cc_addresses);
    const people: string[] = [row.from_name, row.from_address];
    if (row.from_address) insertAddress.run(id, normaliseEmail(row.from_address), 'from');
    for (const [role, list] of [['to', to], ['cc', cc]] as const) {
      for (const { name, address } of list) {
        if (!address) continue;
        insertAddress.run(id, normaliseEmail(address), role);
        people.push(name, address);
      }
    }
    insertText.run(rowid, row.subject, row.body_text, people.filter(Boolean).join(' '));
  }

  return {
    reindex(ids: Iterable<string>): void {
      for (const id of ids) reindexOne(id);
    },
    hook(touched: TouchedRows): void {
      for (const id of touched.get('mail_messages') ?? []) reindexOne(id);
    },
  };
}

/**
 * A message that arrived before its contact existed is kept as headers only; when a contact
 * is created or gets that address (here or from a teammate), those headers are marked wanted
 * and the account's sync job fetches and keeps the messages. Returns whether any were marked.
 */
export function createLateLinker(sqlite: Sqlite, onWanted: () => void) {
  const emailsOf = sqlite.prepare<[string], { emails: string; cl: number }>('SELECT emails, cl FROM contacts WHERE id = ?');
  const markWanted = sqlite.prepare(
    `UPDATE mail_skipped SET wanted = 1
     WHERE wanted = 0 AND id IN (SELECT skipped_id FROM mail_skipped_addresses WHERE address = ?)`,
  );
  // Most of the time no header waits for a contact: when many contacts were written (an import),
  // that is asked first, rather than looking up each one's addresses for nothing.
  const anyWaiting = sqlite.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM mail_skipped WHERE wanted = 0) AS found');
  let marked = false;
  return {
    hook(touched: TouchedRows): void {
      if ((touched.get('contacts')?.size ?? 0) > 50 && anyWaiting.get()!.found === 0) return;
      for (const id of touched.get('contacts') ?? []) {
        const row = emailsOf.get(id);
        if (!row || row.cl % 2 === 0) continue;
        for (const address of emailAddressesOf(row.emails)) {
          if (markWanted.run(address).changes > 0) marked = true;
        }
      }
    },
    committed(): void {
      if (!marked) return;
      marked = false;
      onWanted();
    },
  };
}

function emailAddressesOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .map((entry: unknown) => (typeof entry === 'object' && entry && 'address' in entry && typeof entry.address === 'string' ? normaliseEmail(entry.address) : ''))
      .filter(Boolean);
  } catch {
    return [];
  }
}
