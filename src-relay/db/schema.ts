import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

// The relay's database, one schema for embedded PGlite and for PostgreSQL. Times are epoch
// milliseconds (as everywhere in Fieldbook) and come from the relay's injectable clock.
// After changing this file: `npx drizzle-kit generate --config drizzle.relay.config.ts`;
// migrations in migrations/relay are applied at start and never edited after they land.

const epochMs = (name: string) => bigint(name, { mode: 'number' });

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: epochMs('created_at').notNull(),
});

export const members = pgTable(
  'members',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'member'] }).notNull(),
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
  },
  (table) => [uniqueIndex('devices_token_hash_idx').on(table.tokenHash), index('devices_workspace_idx').on(table.workspaceId)],
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

export const relaySchema = { workspaces, members, devices, invites, changes, rowState };
