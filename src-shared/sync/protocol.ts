import { z } from 'zod';
import { WorkspaceRoleSchema } from './roles';

// The wire protocol between the app's sync client (src-main/sync/relay-client.ts) and the relay
// (src-relay/): every route with its method, path and schemas (relayRoutes, at the end), declared
// once and used by both sides. The relay is schema-agnostic: it stores and forwards change records
// and never merges app state (both sides merge with src-shared/sync/merge.ts). The workspace and
// device of a request come from its bearer token, never from the payload.

export const protocolVersion = 1;
/** Most changes in one push; more must be split. */
export const maxPushBatch = 1000;
/** Largest request body the relay accepts. */
export const maxRequestBytes = 8 * 1024 * 1024;
/** A change stamped further ahead of the relay's clock than this is refused. */
export const maxClockAheadMs = 5 * 60 * 1000;

const Id = z.string().min(1).max(64);
const Name = z.string().trim().min(1).max(120);
const FieldValue = z.union([z.string().max(1_000_000), z.number(), z.null()]);

export const WireChangeSchema = z.object({
  changeId: Id,
  hlc: z.string().regex(/^\d{15}-\d{5}-.{1,64}$/, 'Not a hybrid logical clock'),
  tableName: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
  rowId: z.string().min(1).max(200),
  fields: z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/), FieldValue),
  schemaVersion: z.number().int().min(1),
  /** Set by the relay from the pushing device's token; ignored when a client sends it. */
  deviceId: z.string().max(64),
  author: z.string().max(120),
});
export type WireChange = z.infer<typeof WireChangeSchema>;

export const DeviceCredentialsSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  role: WorkspaceRoleSchema,
  deviceId: z.string(),
  /**
   * 1, 2, 3… in the order devices joined the workspace, never reused: the device's quote series
   * (src-shared/domain/quote-number.ts). Absent from relays of earlier versions.
   */
  deviceNumber: z.number().int().positive().optional(),
  /** Shown once; the relay keeps only its hash. */
  deviceToken: z.string(),
});
export type DeviceCredentials = z.infer<typeof DeviceCredentialsSchema>;

export const CreateWorkspaceRequestSchema = z.object({ workspaceName: Name, memberName: Name, deviceName: Name });
export const JoinWorkspaceRequestSchema = z.object({
  inviteCode: z.string().trim().min(6).max(64),
  memberName: Name,
  deviceName: Name,
});
/** Who joins with the code gets `role` (member when absent, as from apps of earlier versions). */
export const InviteRequestSchema = z.object({ role: WorkspaceRoleSchema.default('member') });
export const InviteResponseSchema = z.object({ inviteCode: z.string(), expiresAt: z.number().int(), role: WorkspaceRoleSchema.default('member') });
export const SetRoleRequestSchema = z.object({ role: WorkspaceRoleSchema });

export const WorkspaceInfoSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  you: z.object({
    memberId: z.string(),
    deviceId: z.string(),
    role: WorkspaceRoleSchema,
    /** As in DeviceCredentials; how a laptop that joined before devices were numbered learns its number. */
    deviceNumber: z.number().int().positive().optional(),
  }),
  members: z.array(z.object({ id: z.string(), name: z.string(), role: WorkspaceRoleSchema, removed: z.boolean() })),
  devices: z.array(
    z.object({ id: z.string(), memberId: z.string(), name: z.string(), revoked: z.boolean(), lastSeenAt: z.number().int().nullable() }),
  ),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const PushRequestSchema = z.object({ changes: z.array(WireChangeSchema).min(1).max(maxPushBatch) });
export const PushResponseSchema = z.object({
  /** Change ids stored now or already stored before (push is idempotent). */
  acknowledged: z.array(z.string()),
  /**
   * Changes the relay will never store (a value the contract in change-contract.ts refuses), with
   * why: the laptop stops sending them. Absent from relays of earlier versions.
   */
  refused: z.array(z.object({ changeId: z.string(), reason: z.string() })).default([]),
  newestSeq: z.number().int(),
});

/** A stored change with its place in the workspace's log, as a pull page and a carrying poke give it. */
export const SequencedChangeSchema = z.object({ seq: z.number().int(), change: WireChangeSchema });
export type SequencedChange = z.infer<typeof SequencedChangeSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(SequencedChangeSchema),
  /** The newest sequence of the workspace when the page was read. */
  newestSeq: z.number().int(),
  /** The oldest sequence the relay still has; a client whose cursor is older must re-bootstrap. */
  oldestSeq: z.number().int(),
  hasMore: z.boolean(),
  /** The pulling member's role now, so a laptop learns of a change of role at its next pull. Absent from relays of earlier versions. */
  role: WorkspaceRoleSchema.optional(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** Latest value and clock of every field of one row: a page of the bootstrap snapshot. */
export const SnapshotResponseSchema = z.object({
  rows: z.array(
    z.object({
      tableName: z.string(),
      rowId: z.string(),
      fields: z.record(z.string(), FieldValue),
      clocks: z.record(z.string(), z.string()),
      authors: z.record(z.string(), z.string()),
    }),
  ),
  /** Pull from here after the last page. */
  cursor: z.number().int(),
  nextPageAfter: z.string().nullable(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponseSchema>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function isRecordOf(value: unknown, accepts: (entry: unknown) => boolean): value is Record<string, never> {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!accepts(value[key])) return false;
  return true;
}

const isText = (value: unknown) => typeof value === 'string';
const isFieldValue = (value: unknown) =>
  value === null || (typeof value === 'string' && value.length <= 1_000_000) || (typeof value === 'number' && Number.isFinite(value));

/**
 * SnapshotResponseSchema's check, as strict, at a fraction of its cost: a page holds thousands of
 * rows of some 40 values each, and zod's record check costs more a value than parsing the JSON
 * did. The page as the schema would give it (rows with their known keys only), or undefined when
 * anything differs from the schema (or this check is unsure): the schema is then run for its
 * answer and its error, so this never accepts what the schema refuses.
 */
export function readSnapshotPage(value: unknown): SnapshotResponse | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.rows) || !Number.isSafeInteger(value.cursor)) return undefined;
  if (value.nextPageAfter !== null && typeof value.nextPageAfter !== 'string') return undefined;
  const rows: SnapshotResponse['rows'] = [];
  for (const row of value.rows as unknown[]) {
    if (!isPlainObject(row) || typeof row.tableName !== 'string' || typeof row.rowId !== 'string') return undefined;
    const { fields, clocks, authors } = row;
    if (!isRecordOf(fields, isFieldValue) || !isRecordOf(clocks, isText) || !isRecordOf(authors, isText)) return undefined;
    rows.push({ tableName: row.tableName, rowId: row.rowId, fields, clocks, authors });
  }
  return { rows, cursor: value.cursor as number, nextPageAfter: value.nextPageAfter };
}

/** Relay errors: HTTP status plus this body. */
export const relayErrorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'clock_ahead',
  'too_large',
  'rate_limited',
  'conflict',
  'internal',
] as const;
export const RelayErrorSchema = z.object({ error: z.object({ code: z.enum(relayErrorCodes), message: z.string() }) });

/** Sent over the WebSocket `/v1/live` to every device of a workspace after a push commits. */
export const PokeSchema = z.object({ type: z.literal('poke'), newestSeq: z.number().int() });

/** Most changes, and most bytes of them as JSON, a poke carries; a larger push pokes without them. */
export const maxCarriedChanges = 20;
export const maxCarriedBytes = 5000;

/**
 * A poke that carries the push's changes (added in protocol 1, relays of this version on): the
 * changes stored by one push, `seq` newestSeq-n+1…newestSeq, as a pull would give them, so a
 * laptop whose cursor is just before them applies them without a pull. Laptops of earlier
 * versions read it as a plain poke (the schema drops the unknown key) and pull.
 */
export const CarryingPokeSchema = PokeSchema.extend({ changes: z.array(SequencedChangeSchema).min(1).max(maxCarriedChanges) });
export type CarryingPoke = z.infer<typeof CarryingPokeSchema>;

/**
 * Sent by relays of this version on `/v1/live` as soon as the socket opens: the live messages this
 * relay sends besides pokes. `keys`: it announces every change to the workspace's keys (KeysChangedSchema),
 * so a laptop holding the socket open need not ask GET /v1/keys before each push. Relays of earlier
 * versions send no hello, and laptops of earlier versions pass it to their other live messages' handlers,
 * which ignore a type they do not know.
 */
export const LiveHelloSchema = z.object({ type: z.literal('hello'), announces: z.array(z.string()) });
export type LiveHello = z.infer<typeof LiveHelloSchema>;

/**
 * Sent on `/v1/live` to every device of a workspace after its keys changed: an epoch added, key rings
 * sealed to a device or an invite, or a device's public key registered (a device that may lack the
 * key ring). `newestEpoch` is the workspace's newest epoch then (0 while it has none).
 */
export const KeysChangedSchema = z.object({ type: z.literal('keys'), newestEpoch: z.number().int().min(0) });
export type KeysChanged = z.infer<typeof KeysChangedSchema>;

export const PullQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

// The client asks for 2000 rows a page (src-main/sync/sync-engine.ts); rows are small.
export const SnapshotQuerySchema = z.object({
  /** The `nextPageAfter` of the previous page; absent for the first. */
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const OkResponseSchema = z.object({ ok: z.literal(true) });

// End-to-end keys (src-shared/sync/sealing.ts; the relay side is src-relay/keys/). Everything
// here is public or sealed: the relay can open no envelope.
const Base64url = z.string().regex(/^[A-Za-z0-9_-]+$/).max(20_000);
const Recipient = z.string().regex(/^(device|invite):[A-Za-z0-9_.:-]{1,100}$/);
const Envelope = z.object({ epoch: z.number().int().min(1), recipient: Recipient, envelope: Base64url });
export const KeysQuerySchema = z.object({ invite: Recipient.optional() });
export const KeysResponseSchema = z.object({
  /** Every epoch of the workspace, oldest first; the last is the one to push with. */
  epochs: z.array(z.object({ epoch: z.number().int(), boxPublic: Base64url })),
  /** Key rings sealed to this device, or to the invite it asked with. */
  envelopes: z.array(Envelope),
  /** Active devices with a public key that lack the key ring of some epochs: laptops that hold them wrap them. */
  devicesMissingKeys: z.array(z.object({ deviceId: z.string(), publicKey: Base64url, epochs: z.array(z.number().int()) })),
});
export type KeysResponse = z.infer<typeof KeysResponseSchema>;
export const RegisterDeviceKeySchema = z.object({ publicKey: Base64url.max(100) });
export const AddEpochSchema = z.object({
  epoch: z.number().int().min(1),
  boxPublic: Base64url.max(100),
  envelopes: z.array(Envelope.omit({ epoch: true })).max(1000),
});
export const AddEnvelopesSchema = z.object({ envelopes: z.array(Envelope).min(1).max(1000) });

/** One HTTP route of the relay. `:name` in the path is a parameter (URL-encoded on the wire). */
export interface RelayRouteSpec {
  /** PUT only for raw bytes (a file's part: blob-protocol.ts). */
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** The JSON body, for POST. */
  body?: z.ZodType;
  /** The query string, for GET. */
  query?: z.ZodType;
  response: z.ZodType;
  /**
   * A faster check of a large answer, exactly as strict as `response`: the answer, or undefined
   * to have `response` decide (and word the error).
   */
  readResponse?: (value: unknown) => z.output<this['response']> | undefined;
}

/** Declares a route; the phone line's routes (telephony.ts) and the blob routes (blob-protocol.ts) are declared the same way. */
export const route = <const R extends RelayRouteSpec>(spec: R): R => spec;

/**
 * Every HTTP route of the relay. The relay's handlers (src-relay/routes/) take their method and
 * path from here, and RelayClient (src-main/sync/relay-client.ts) its requests and the schema it
 * checks each answer against. When adding a route: here, a handler in src-relay/routes/ listed in
 * src-relay/routes/index.ts, a method on RelayClient.
 */
export const relayRoutes = {
  health: route({ method: 'GET', path: '/health', response: OkResponseSchema }),
  createWorkspace: route({ method: 'POST', path: '/v1/workspaces', body: CreateWorkspaceRequestSchema, response: DeviceCredentialsSchema }),
  join: route({ method: 'POST', path: '/v1/join', body: JoinWorkspaceRequestSchema, response: DeviceCredentialsSchema }),
  invite: route({ method: 'POST', path: '/v1/invites', body: InviteRequestSchema, response: InviteResponseSchema }),
  workspace: route({ method: 'GET', path: '/v1/workspace', response: WorkspaceInfoSchema }),
  revokeDevice: route({ method: 'POST', path: '/v1/devices/:id/revoke', body: z.object({}), response: OkResponseSchema }),
  removeMember: route({ method: 'POST', path: '/v1/members/:id/remove', body: z.object({}), response: OkResponseSchema }),
  setMemberRole: route({ method: 'POST', path: '/v1/members/:id/role', body: SetRoleRequestSchema, response: OkResponseSchema }),
  push: route({ method: 'POST', path: '/v1/push', body: PushRequestSchema, response: PushResponseSchema }),
  pull: route({ method: 'GET', path: '/v1/pull', query: PullQuerySchema, response: PullResponseSchema }),
  snapshot: route({ method: 'GET', path: '/v1/snapshot', query: SnapshotQuerySchema, response: SnapshotResponseSchema, readResponse: readSnapshotPage }),
  keys: route({ method: 'GET', path: '/v1/keys', query: KeysQuerySchema, response: KeysResponseSchema }),
  registerDeviceKey: route({ method: 'POST', path: '/v1/keys/device', body: RegisterDeviceKeySchema, response: OkResponseSchema }),
  addEpoch: route({ method: 'POST', path: '/v1/keys/epochs', body: AddEpochSchema, response: OkResponseSchema }),
  addEnvelopes: route({ method: 'POST', path: '/v1/keys/envelopes', body: AddEnvelopesSchema, response: OkResponseSchema }),
} as const;

export type RelayRouteName = keyof typeof relayRoutes;

/** The WebSocket of live pokes (an HTTP upgrade, not a route above); the token travels as its subprotocol. */
export const livePath = '/v1/live';
/** Prometheus metrics, for the operator's monitoring. */
export const metricsPath = '/metrics';

/** A route's path with its `:name` parameters filled in and encoded. */
export function routePath(spec: RelayRouteSpec, params: Record<string, string> = {}): string {
  return spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The path ${spec.path} needs a value for :${name}`);
    return encodeURIComponent(value);
  });
}
