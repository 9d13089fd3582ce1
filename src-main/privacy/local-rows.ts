import type { Sqlite } from '../db/open';
import type { PersonTraces } from './local-copies';

// The tables of this laptop alone that can hold a forgotten person and that no erasure names
// (they are not synced, so they have no row ids the other laptops know). Called inside the
// erasing transaction (here or pulled alike), which runs with secure_delete fully on
// (src-main/writes/erasure.ts), so what goes is zeroed in the file too:
//
// - mail waiting in the outbox (src-main/mail/outbox.ts) to or copying their addresses, and sent
//   mail still listed there: the raw message, its subject and body;
// - the headers of mail from them kept while they were no contact (mail_skipped): the row stays,
//   emptied, so the mail sync still counts the message as looked at and does not fetch it again;
// - what a merge or a link keeps for its undo when it names them (merge_undo), and what a bulk
//   action keeps of their rows for its undo (bulk_action_rows): that undo no longer reaches them.
//
// When adding a local table that can hold a person's words or addresses: take them out here, and
// put them in tests/main/privacy/forget-everywhere.test.ts.

export interface LocalRowsForgotten {
  outboxMessages: number;
  skippedHeaders: number;
  undoRecords: number;
  bulkUndoRows: number;
}

export function forgetLocalRows(sqlite: Sqlite, traces: PersonTraces, erasureIds: readonly string[]): LocalRowsForgotten {
  const emails = JSON.stringify([...new Set(traces.emails)]);
  const outboxMessages = sqlite
    .prepare(
      `DELETE FROM mail_outbox WHERE EXISTS (
         SELECT 1 FROM json_each(mail_outbox.to_addresses) AS a WHERE lower(a.value ->> 'address') IN (SELECT value FROM json_each(@emails))
         UNION ALL
         SELECT 1 FROM json_each(mail_outbox.cc_addresses) AS a WHERE lower(a.value ->> 'address') IN (SELECT value FROM json_each(@emails)))`,
    )
    .run({ emails }).changes;
  const skipped = `SELECT id FROM mail_skipped WHERE lower(from_address) IN (SELECT value FROM json_each(@emails))
    UNION SELECT skipped_id FROM mail_skipped_addresses WHERE lower(address) IN (SELECT value FROM json_each(@emails))`;
  const skippedHeaders = sqlite
    .prepare(`UPDATE mail_skipped SET from_address = '', from_name = '', subject = '', message_id = '', wanted = 0 WHERE id IN (${skipped})`)
    .run({ emails }).changes;
  sqlite.prepare(`DELETE FROM mail_skipped_addresses WHERE lower(address) IN (SELECT value FROM json_each(@emails))`).run({ emails });
  // An undo record names the people it moved by their contact ids (src-main/companies/undo-store.ts).
  const undoRecords = sqlite
    .prepare("DELETE FROM merge_undo WHERE EXISTS (SELECT 1 FROM json_each(@ids) AS c WHERE instr(merge_undo.payload, '\"' || c.value || '\"') > 0)")
    .run({ ids: JSON.stringify(traces.contactIds) }).changes;
  const bulkUndoRows = sqlite
    .prepare(
      `DELETE FROM bulk_action_rows WHERE EXISTS (
         SELECT 1 FROM erased_rows AS e WHERE e.erasure_id IN (SELECT value FROM json_each(@erasures))
           AND e.table_name = bulk_action_rows.table_name AND e.row_id = bulk_action_rows.row_id)`,
    )
    .run({ erasures: JSON.stringify(erasureIds) }).changes;
  return { outboxMessages, skippedHeaders, undoRecords, bulkUndoRows };
}
