import { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { MailAttachment } from '../../src-shared/domain/mail';
import { normaliseEmail } from '../../src-shared/phone';
import type { Sqlite } from '../db/open';
import type { BlobStore } from '../files/blob-store';
import type { MutationEngine, MutationTx } from '../writes/mutation-engine';
import { isSyncedColumn, type FieldValues } from '../writes/synced-tables';
import { attachmentFileId } from './message-ids';
import type { ParsedAttachment, ParsedMessage } from './parse';
import { createMailQueries, type MailQueries } from './queries';
import { parseAttachments } from './rows';
import type { createMailIndexer } from './search-index';

/** The account a batch belongs to, as much of it as storing needs. */
export interface StoreAccount {
  id: string;
  email: string;
  private: boolean;
}

export interface KeptMessage {
  uid: number;
  parsed: ParsedMessage;
  /** The contact the attachments are filed on (the sender when a contact, else a recipient). */
  contactId: string;
  attachments: PreparedAttachments;
}

export interface PreparedAttachments {
  list: MailAttachment[];
  files: { id: string; fields: FieldValues }[];
}

export interface SkippedHeader {
  uid: number;
  messageId: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  sentAt: number;
  addresses: string[];
}

export interface BatchInput {
  account: StoreAccount;
  folder: string;
  kept: KeptMessage[];
  /** Messages already stored (same Message-ID seen elsewhere): only where they sit is new. */
  alreadyStored: { uid: number; rowId: string }[];
  skipped: SkippedHeader[];
}

export interface FolderState {
  uidValidity: string;
  uidNext: number;
  highestModseq: string | null;
  messageCount: number;
  windowDone: boolean;
}

type Indexer = ReturnType<typeof createMailIndexer>;

/**
 * Attachments up to this size are written in one synchronous call: through a stream, the
 * thousands of small PDFs of a first sync cost more in streams than in bytes. Larger ones are
 * streamed, so writing them never holds the app up.
 */
const writtenAtOnceBytes = 1024 * 1024;

export interface MailStoreDeps {
  sqlite: Sqlite;
  engine: MutationEngine;
  indexer: Indexer;
  blobs: BlobStore;
  maxFileBytes: () => number;
  now: () => number;
  /** Private accounts' rows bypass the engine, so their changes are announced here. */
  onPrivateWritten: (ids: string[]) => void;
}

/**
 * Every write of mail. A batch (messages, where they sit, skipped headers) is one transaction,
 * so a sync killed at any point keeps whole batches only and resumes after the last one.
 * Messages of a shared account go through the mutation engine (logged, synced); those of a
 * private account are written as local-only rows that the change log never sees.
 */
export class MailStore {
  readonly queries: MailQueries;
  private readonly statements;

  private readonly sqlite: Sqlite;
  private readonly engine: MutationEngine;
  private readonly indexer: Indexer;
  private readonly blobs: BlobStore;
  private readonly maxFileBytes: () => number;
  private readonly now: () => number;
  private readonly onPrivateWritten: (ids: string[]) => void;

  constructor(deps: MailStoreDeps) {
    ({ sqlite: this.sqlite, engine: this.engine, indexer: this.indexer, blobs: this.blobs, maxFileBytes: this.maxFileBytes, now: this.now, onPrivateWritten: this.onPrivateWritten } = deps);
    const { sqlite } = deps;
    this.queries = createMailQueries(sqlite);
    this.statements = {
      addLocation: sqlite.prepare('INSERT OR REPLACE INTO mail_locations (account_id, folder, uid, message_id) VALUES (?, ?, ?, ?)'),
      addSkipped: sqlite.prepare(
        `INSERT OR IGNORE INTO mail_skipped (id, account_id, folder, uid, message_id, from_address, from_name, subject, sent_at, wanted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      ),
      addSkippedAddress: sqlite.prepare('INSERT OR IGNORE INTO mail_skipped_addresses (skipped_id, address) VALUES (?, ?)'),
      skippedAt: sqlite.prepare<[string, string, number], { id: string }>('SELECT id FROM mail_skipped WHERE account_id = ? AND folder = ? AND uid = ?'),
      removeSkipped: sqlite.prepare('DELETE FROM mail_skipped WHERE id = ?'),
      removeSkippedAddresses: sqlite.prepare('DELETE FROM mail_skipped_addresses WHERE skipped_id = ?'),
      removeLocation: sqlite.prepare('DELETE FROM mail_locations WHERE account_id = ? AND folder = ? AND uid = ?'),
      fileExists: sqlite.prepare<[string], { id: string }>('SELECT id FROM files WHERE id = ?'),
      file: sqlite.prepare<[string], object>('SELECT * FROM files WHERE id = ?'),
      saveFolder: sqlite.prepare(
        `UPDATE mail_folders SET uid_validity = ?, uid_next = ?, highest_modseq = ?, message_count = ?, window_done = ?, synced_at = ?
         WHERE account_id = ? AND path = ?`,
      ),
      upsertFolder: sqlite.prepare(
        `INSERT INTO mail_folders (account_id, path, name, special_use) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, path) DO UPDATE SET name = excluded.name, special_use = excluded.special_use`,
      ),
      removeFolder: sqlite.prepare('DELETE FROM mail_folders WHERE account_id = ? AND path = ?'),
      locationsOfFolder: sqlite.prepare('DELETE FROM mail_locations WHERE account_id = ? AND folder = ?'),
      skippedAddressesOfFolder: sqlite.prepare(
        'DELETE FROM mail_skipped_addresses WHERE skipped_id IN (SELECT id FROM mail_skipped WHERE account_id = ? AND folder = ?)',
      ),
      skippedOfFolder: sqlite.prepare('DELETE FROM mail_skipped WHERE account_id = ? AND folder = ?'),
      publish: sqlite.prepare('UPDATE mail_messages SET local_only = 0 WHERE id = ?'),
    };
  }

  /**
   * Stores the attachments' bytes (content-addressed: the same PDF twice is stored once) and
   * says which file rows to write. Attachments past the file size limit are listed, not kept.
   */
  async prepareAttachments(attachments: ParsedAttachment[], contactId: string, addedBy: string, at: number): Promise<PreparedAttachments> {
    const prepared: PreparedAttachments = { list: [], files: [] };
    for (const attachment of attachments) {
      const base = { name: attachment.name, mimeType: attachment.mimeType, sizeBytes: attachment.content.length };
      if (attachment.content.length > this.maxFileBytes()) {
        prepared.list.push({ ...base, fileId: null, sha256: null });
        continue;
      }
      const blob =
        attachment.content.length <= writtenAtOnceBytes
          ? this.blobs.putBytes(attachment.content)
          : this.blobs.commit((await this.blobs.stage(Readable.from([attachment.content]), this.maxFileBytes(), attachment.name)).uploadId);
      const fileId = attachmentFileId(contactId, blob.sha256);
      prepared.list.push({ ...base, fileId, sha256: blob.sha256 });
      if (prepared.files.some((file) => file.id === fileId)) continue;
      prepared.files.push({
        id: fileId,
        fields: {
          contact_id: contactId,
          sha256: blob.sha256,
          name: attachment.name,
          mime_type: attachment.mimeType,
          size_bytes: blob.sizeBytes,
          category: attachment.mimeType.startsWith('image/') ? 'photo' : 'document',
          added_by: addedBy,
          created_at: at,
          deleted_at: null,
          cl: 1,
        },
      });
    }
    return prepared;
  }

  /** One transaction: kept messages, their places on the server, skipped headers. */
  saveBatch(batch: BatchInput): string[] {
    const written: string[] = [];
    const privateIds: string[] = [];
    this.engine.transaction((tx) => {
      for (const kept of batch.kept) {
        const id = this.writeMessage(tx, batch.account, kept);
        if (id) (batch.account.private ? privateIds : written).push(id);
        this.statements.addLocation.run(batch.account.id, batch.folder, kept.uid, kept.parsed.rowId);
        this.dropSkipped(batch.account.id, batch.folder, kept.uid);
      }
      for (const { uid, rowId } of batch.alreadyStored) {
        this.statements.addLocation.run(batch.account.id, batch.folder, uid, rowId);
        this.dropSkipped(batch.account.id, batch.folder, uid);
      }
      for (const header of batch.skipped) {
        // A local row (never synced): any unique id does. A time-ordered one adds the rows and
        // their addresses at the end of the two primary-key indexes; random ids touched pages
        // all over them, which every batch's commit wrote again: a 10,000-message first sync
        // wrote 156 MB with them, ~122 MB with these (BENCHMARKS.md, MAIL7).
        const id = uuidv7();
        const added = this.statements.addSkipped.run(
          id,
          batch.account.id,
          batch.folder,
          header.uid,
          header.messageId,
          header.fromAddress,
          header.fromName,
          header.subject,
          header.sentAt,
        );
        if (added.changes === 0) continue;
        for (const address of new Set(header.addresses)) this.statements.addSkippedAddress.run(id, address);
      }
      if (privateIds.length > 0) this.indexer.reindex(privateIds);
    });
    if (privateIds.length > 0) this.onPrivateWritten(privateIds);
    return [...written, ...privateIds];
  }

  /** A message this laptop sent (from the outbox): kept at once, before any folder sync. */
  saveSent(account: StoreAccount, parsed: ParsedMessage, attachments: PreparedAttachments): void {
    const privateIds: string[] = [];
    this.engine.transaction((tx) => {
      const id = this.writeMessage(tx, account, { uid: 0, parsed, contactId: '', attachments });
      if (id && account.private) {
        privateIds.push(id);
        this.indexer.reindex(privateIds);
      }
    });
    if (privateIds.length > 0) this.onPrivateWritten(privateIds);
  }

  /** A message of the server's that is gone: it stays in the CRM, only its place is forgotten. */
  forgetUids(accountId: string, folder: string, uids: Iterable<number>): void {
    this.sqlite.transaction(() => {
      for (const uid of uids) {
        this.statements.removeLocation.run(accountId, folder, uid);
        this.dropSkipped(accountId, folder, uid);
      }
    })();
  }

  /** UIDVALIDITY changed: every UID of the folder means something else now. Messages stay. */
  resetFolder(accountId: string, folder: string): void {
    this.sqlite.transaction(() => {
      this.statements.locationsOfFolder.run(accountId, folder);
      this.statements.skippedAddressesOfFolder.run(accountId, folder);
      this.statements.skippedOfFolder.run(accountId, folder);
      this.statements.saveFolder.run(null, null, null, null, 0, null, accountId, folder);
    })();
  }

  saveFolderState(accountId: string, folder: string, state: FolderState): void {
    this.statements.saveFolder.run(
      state.uidValidity,
      state.uidNext,
      state.highestModseq,
      state.messageCount,
      state.windowDone ? 1 : 0,
      this.now(),
      accountId,
      folder,
    );
  }

  /** The server's folder list; folders gone from the server lose their state. */
  saveFolderList(accountId: string, folders: { path: string; name: string; specialUse: string | null }[]): void {
    this.sqlite.transaction(() => {
      const listed = new Set(folders.map((folder) => folder.path));
      for (const old of this.queries.folders.all(accountId)) {
        if (listed.has(old.path)) continue;
        this.resetFolder(accountId, old.path);
        this.statements.removeFolder.run(accountId, old.path);
      }
      for (const folder of folders) this.statements.upsertFolder.run(accountId, folder.path, folder.name, folder.specialUse);
    })();
  }

  /** The account becomes shared: what it kept privately is written through the engine, so it syncs. */
  publish(mailbox: string): number {
    const ids = this.queries.localOnlyOfMailbox.all(mailbox).map((row) => row.id);
    const syncedFields = (table: 'mail_messages' | 'files', row: object): FieldValues =>
      Object.fromEntries(Object.entries(row).filter(([name]) => isSyncedColumn(table, name))) as FieldValues;
    this.engine.transaction((tx) => {
      for (const id of ids) {
        const row = this.queries.messageAnyState.get(id);
        if (!row) continue;
        tx.write('mail_messages', id, syncedFields('mail_messages', row));
        for (const { fileId } of parseAttachments(row.attachments)) {
          const file = fileId ? this.statements.file.get(fileId) : undefined;
          if (fileId && file) tx.write('files', fileId, syncedFields('files', file));
        }
        this.statements.publish.run(id);
      }
    });
    return ids.length;
  }

  /** Rebuilds the derived rows of messages written outside the mutation engine. */
  reindex(ids: string[]): void {
    this.indexer.reindex(ids);
  }

  /** Forgets every place and header of an account (its messages stay). */
  forgetAccount(accountId: string): void {
    this.sqlite.transaction(() => {
      for (const folder of this.queries.folders.all(accountId)) {
        this.resetFolder(accountId, folder.path);
        this.statements.removeFolder.run(accountId, folder.path);
      }
    })();
  }

  private dropSkipped(accountId: string, folder: string, uid: number): void {
    const skipped = this.statements.skippedAt.get(accountId, folder, uid);
    if (!skipped) return;
    this.statements.removeSkippedAddresses.run(skipped.id);
    this.statements.removeSkipped.run(skipped.id);
  }

  /** Writes the message unless a row with its id exists already (alive, or deleted by a person). */
  private writeMessage(tx: MutationTx, account: StoreAccount, kept: KeptMessage): string | undefined {
    const { parsed } = kept;
    if (this.queries.exists.get(parsed.rowId)) return undefined;
    const parentThread = parsed.inReplyTo ? this.queries.threadOf.get(parsed.inReplyTo)?.thread_id : undefined;
    const fields: FieldValues = {
      message_id: parsed.messageId,
      thread_id: parentThread ?? parsed.threadId,
      in_reply_to: parsed.inReplyTo,
      refs: JSON.stringify(parsed.references),
      subject: parsed.subject,
      from_address: parsed.from.address,
      from_name: parsed.from.name,
      to_addresses: JSON.stringify(parsed.to),
      cc_addresses: JSON.stringify(parsed.cc),
      sent_at: parsed.sentAt,
      body_text: parsed.bodyText,
      body_html: parsed.bodyHtml,
      attachments: JSON.stringify(kept.attachments.list),
      mailbox: account.email,
      direction: normaliseEmail(parsed.from.address) === normaliseEmail(account.email) ? 'sent' : 'received',
      created_at: this.now(),
      cl: 1,
    };
    if (account.private) this.insertLocalOnly('mail_messages', parsed.rowId, { ...fields, local_only: 1 });
    else tx.write('mail_messages', parsed.rowId, fields);
    for (const file of kept.attachments.files) {
      if (this.statements.fileExists.get(file.id)) continue;
      if (account.private) this.insertLocalOnly('files', file.id, file.fields);
      else tx.write('files', file.id, file.fields);
    }
    return parsed.rowId;
  }

  private insertLocalOnly(table: 'mail_messages' | 'files', id: string, fields: FieldValues): void {
    // Column names are this file's own constants, never input.
    const names = Object.keys(fields);
    this.sqlite
      .prepare(`INSERT OR IGNORE INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`)
      .run(id, ...names.map((name) => fields[name] ?? null));
  }
}
