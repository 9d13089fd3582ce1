import { sql } from 'drizzle-orm';
import { workspaceRoles } from '../../src-shared/sync/roles';
import { bigint, bigserial, boolean, customType, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

// The relay's database, one schema for embedded PGlite and for PostgreSQL. Times are epoch
// milliseconds (as everywhere in Fieldbook) and come from the relay's injectable clock.
// After changing this file: `npx drizzle-kit generate --config drizzle.relay.config.ts`;
// migrations in migrations/relay are applied at start and never edited after they land.

const epochMs = (name: string) => bigint(name, { mode: 'number' });

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: epochMs('created_at').notNull(),
  /** How many devices were ever numbered in it: the last `devices.number` handed out. */
  devicesNumbered: bigint('devices_numbered', { mode: 'number' }).notNull().default(0),
});

export const members = pgTable(
  'members',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    /** What the member may do (src-shared/sync/roles.ts): a read-only member's pushes are refused. */
    role: text('role', { enum: workspaceRoles }).notNull(),
    createdAt: epochMs('created_at').notNull(),
    removedAt: epochMs('removed_at'),
  },
  (table) => [index('members_workspace_idx').on(table.workspaceId)],
);

export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    // Denormalised from the member so that every device query can be scoped to the workspace.
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    name: text('name').notNull(),
    /** SHA-256 hex of the bearer token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: epochMs('created_at').notNull(),
    revokedAt: epochMs('revoked_at'),
    lastSeenAt: epochMs('last_seen_at'),
    /**
     * 1, 2, 3… in the order devices joined their workspace, never reused: the device's quote
     * series (1 is "A"), so laptops number quotes offline without ever repeating one another.
     */
    number: bigint('number', { mode: 'number' }),
  },
  (table) => [
    uniqueIndex('devices_token_hash_idx').on(table.tokenHash),
    index('devices_workspace_idx').on(table.workspaceId),
    uniqueIndex('devices_workspace_number_idx').on(table.workspaceId, table.number),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** SHA-256 hex of the normalised code. */
    codeHash: text('code_hash').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => members.id),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    usedAt: epochMs('used_at'),
    usedBy: text('used_by'),
    /** The role the admin chose for whoever joins with it. */
    role: text('role', { enum: workspaceRoles }).notNull().default('member'),
  },
  (table) => [uniqueIndex('invites_code_hash_idx').on(table.codeHash)],
);

/** What a change carries besides the columns the relay indexes; the relay never looks inside. */
export interface StoredPayload {
  tableName: string;
  rowId: string;
  fields: Record<string, string | number | null>;
  author: string;
}

export const changes = pgTable(
  'changes',
  {
    /** Storage order across all workspaces; never shown to a device. */
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    /**
     * The sequence devices see: per workspace, so one workspace learns nothing of another's
     * traffic. Rows stored before it existed kept their global seq as their number (so every
     * device's cursor stayed exact); later ones continue from the workspace's highest.
     */
    workspaceSeq: bigint('workspace_seq', { mode: 'number' }).notNull(),
    changeId: text('change_id').notNull(),
    /** The pushing device, taken from its token. */
    deviceId: text('device_id').notNull(),
    hlc: text('hlc').notNull(),
    schemaVersion: bigint('schema_version', { mode: 'number' }).notNull(),
    payload: jsonb('payload').$type<StoredPayload>().notNull(),
    receivedAt: epochMs('received_at').notNull(),
  },
  (table) => [
    uniqueIndex('changes_workspace_change_idx').on(table.workspaceId, table.changeId),
    uniqueIndex('changes_workspace_workspace_seq_idx').on(table.workspaceId, table.workspaceSeq),
  ],
);

/**
 * The latest value, clock and author of every field of every row: a compaction of the change log
 * so a new device bootstraps without replaying it. Kept in step in the push transaction; clients
 * still merge every change they pull; both use the rule of src-shared/sync/merge.ts.
 */
export const rowState = pgTable(
  'row_state',
  {
    workspaceId: text('workspace_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    fields: jsonb('fields').$type<Record<string, string | number | null>>().notNull().default(sql`'{}'::jsonb`),
    clocks: jsonb('clocks').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    authors: jsonb('authors').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.tableName, table.rowId] })],
);

// File contents (blobs), content-addressed per workspace; the bytes live in the blob store
// (src-relay/blobs/), these tables say what is there, what is being uploaded, and who refers to it.

/** A blob stored for a workspace, its SHA-256 verified by the relay. */
export const blobs = pgTable(
  'blobs',
  {
    workspaceId: text('workspace_id').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** `deleting` while the collector removes its bytes: an upload of the same blob waits. */
    state: text('state', { enum: ['present', 'deleting'] }).notNull(),
    storedAt: epochMs('stored_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.sha256] })],
);

/** An upload in progress; one per blob of a workspace, resumed by whichever device asks. */
export const blobUploads = pgTable(
  'blob_uploads',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    partBytes: bigint('part_bytes', { mode: 'number' }).notNull(),
    /** The store's own id for it (an S3 multipart upload id). */
    storeUploadId: text('store_upload_id').notNull(),
    startedBy: text('started_by').notNull(),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    /**
     * For a blob sealed end to end: the SHA-256 its (sealed) bytes must hash to, since its name is
     * a keyed hash the relay cannot recompute. Null for a plain blob, named by its bytes' hash.
     */
    contentSha256: text('content_sha256'),
  },
  (table) => [uniqueIndex('blob_uploads_workspace_sha_idx').on(table.workspaceId, table.sha256)],
);

/** Parts of an upload the store has, with the ETag it answered (needed to complete on S3). */
export const blobUploadParts = pgTable(
  'blob_upload_parts',
  {
    uploadId: text('upload_id').notNull(),
    partNumber: bigint('part_number', { mode: 'number' }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    etag: text('etag').notNull(),
  },
  (table) => [primaryKey({ columns: [table.uploadId, table.partNumber] })],
);

/**
 * Which rows refer to which blobs, as declared by laptops when they push (see
 * src-shared/sync/blob-protocol.ts). The causal length only grows; `changed_at` is when it last
 * changed, from which the grace period before collection runs.
 */
export const blobReferences = pgTable(
  'blob_references',
  {
    workspaceId: text('workspace_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    sha256: text('sha256').notNull(),
    cl: bigint('cl', { mode: 'number' }).notNull(),
    changedAt: epochMs('changed_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.tableName, table.rowId, table.sha256] }),
    index('blob_references_blob_idx').on(table.workspaceId, table.sha256),
  ],
);
export const relaySchema = { workspaces, members, devices, invites, changes, rowState, blobs, blobUploads, blobUploadParts, blobReferences };

// ---- The office phone line (src-relay/telephony) ----------------------------------------------

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** One Twilio account per workspace. `sealedSecrets` is AES-256-GCM under the relay's secret key. */
export const telephonyAccounts = pgTable('telephony_accounts', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  accountSid: text('account_sid').notNull(),
  sealedSecrets: text('sealed_secrets').notNull(),
  officeNumbers: jsonb('office_numbers').$type<string[]>().notNull(),
  publicUrl: text('public_url').notNull(),
  handling: jsonb('handling').$type<Record<string, unknown>>().notNull(),
  webhooksConfiguredAt: epochMs('webhooks_configured_at'),
  /** Calls that started before this are known (webhooks or a catch-up reached them). */
  caughtUpTo: epochMs('caught_up_to'),
  lastCatchUpAt: epochMs('last_catch_up_at'),
  updatedAt: epochMs('updated_at').notNull(),
});

/**
 * What Twilio has said about each call leg, merged forward only, and the call row fields the
 * relay last wrote for it (`written`), so a repeated or stale callback writes nothing.
 */
export const telephonyCalls = pgTable(
  'telephony_calls',
  {
    workspaceId: text('workspace_id').notNull(),
    callSid: text('call_sid').notNull(),
    parentCallSid: text('parent_call_sid'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    written: jsonb('written').$type<Record<string, string | number | null>>().notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.callSid] }), index('telephony_calls_parent_idx').on(table.workspaceId, table.parentCallSid)],
);

/** Texts in and out: by MessageSid, and by the laptop's text id for sends (one send per id). */
export const telephonyMessages = pgTable(
  'telephony_messages',
  {
    workspaceId: text('workspace_id').notNull(),
    textId: text('text_id').notNull(),
    messageSid: text('message_sid'),
    status: text('status').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.textId] }),
    uniqueIndex('telephony_messages_sid_idx').on(table.workspaceId, table.messageSid),
  ],
);

/**
 * Recordings copied from Twilio, kept in the relay's database until the relay's blob store
 * serves them (src-relay/telephony/recording-store.ts is the seam).
 */
export const telephonyRecordings = pgTable(
  'telephony_recordings',
  {
    workspaceId: text('workspace_id').notNull(),
    recordingSid: text('recording_sid').notNull(),
    callSid: text('call_sid').notNull(),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: bytea('bytes').notNull(),
    storedAt: epochMs('stored_at').notNull(),
    deletedAtTwilioAt: epochMs('deleted_at_twilio_at'),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.recordingSid] }), index('telephony_recordings_sha_idx').on(table.workspaceId, table.sha256)],
);

/** Numbers that texted STOP (until START): no text goes to them. */
export const telephonyOptOuts = pgTable(
  'telephony_opt_outs',
  {
    workspaceId: text('workspace_id').notNull(),
    number: text('number').notNull(),
    optedOut: boolean('opted_out').notNull(),
    changedAt: epochMs('changed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.number] })],
);

export const telephonySchema = { telephonyAccounts, telephonyCalls, telephonyMessages, telephonyRecordings, telephonyOptOuts };

/**
 * The office website's enquiry form of a workspace (src-relay/forms/): its public key, which is in
 * the form's address on the website (so not a secret; a new one retires the old address), and how
 * its submissions become leads.
 */
export const webForms = pgTable('web_forms', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  key: text('key').notNull().unique(),
  publicUrl: text('public_url').notNull(),
  region: text('region').notNull(),
  source: text('source').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: epochMs('created_at').notNull(),
});

/**
 * Keys other tools use on the intake API (src-relay/intake/): only the key's SHA-256 is kept, as
 * for device tokens. Revoked keys stay, so the list says when and who made them.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    hint: text('hint').notNull(),
    region: text('region').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: epochMs('created_at').notNull(),
    lastUsedAt: epochMs('last_used_at'),
    revokedAt: epochMs('revoked_at'),
  },
  (table) => [index('api_keys_workspace_idx').on(table.workspaceId)],
);

// End-to-end encryption (docs/end-to-end-encryption.md; routes in src-relay/keys/). The relay
// keeps each key epoch's public key (what it seals its own writes to), each device's public key,
// and key rings sealed to a device or an invite. It can open none of them.

export const workspaceKeyEpochs = pgTable(
  'workspace_key_epochs',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    epoch: bigint('epoch', { mode: 'number' }).notNull(),
    /** X25519, base64url: the relay seals what it writes to the newest epoch's key. */
    boxPublic: text('box_public').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.epoch] })],
);

export const devicePublicKeys = pgTable(
  'device_public_keys',
  {
    deviceId: text('device_id')
      .primaryKey()
      .references(() => devices.id),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    publicKey: text('public_key').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (table) => [index('device_public_keys_workspace_idx').on(table.workspaceId)],
);

export const keyEnvelopes = pgTable(
  'key_envelopes',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    epoch: bigint('epoch', { mode: 'number' }).notNull(),
    /** `device:<id>` or `invite:<hash of the invite's relay part>` (src-shared/sync/sealing.ts). */
    recipient: text('recipient').notNull(),
    /** The key ring sealed to the recipient; opaque to the relay. */
    envelope: text('envelope').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.epoch, table.recipient] })],
);

/**
 * Every row a workspace's erasures named (a person forgotten, src-relay/privacy/): their changes
 * and state are deleted, and a later change for one is refused with its reason.
 */
export const erasedRows = pgTable(
  'erased_rows',
  {
    workspaceId: text('workspace_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    erasureId: text('erasure_id').notNull(),
    erasedAt: epochMs('erased_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.tableName, table.rowId] })],
);
