import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { formatHlc } from '../../../src-shared/hlc';
import { PokeSchema, type DeviceCredentials, type WireChange } from '../../../src-shared/sync/protocol';
import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay, type RelayOptions } from '../../../src-relay/server';

// Real relays over a real PGlite in a temp folder, and a small HTTP caller for the tests.

export interface TestDatabase {
  database: RelayDatabase;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-test-'));
  const database = await openRelayDatabase({ dataDir: dir });
  return {
    database,
    async close() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The relay's clock: the real time shifted by `offsetMs`, which a test may move. */
export class TestClock {
  offsetMs = 0;
  readonly now = () => Date.now() + this.offsetMs;
}

export function startTestRelay(database: RelayDatabase, options: Partial<RelayOptions> = {}): Promise<Relay> {
  return createRelay({ database, logger: () => {}, ...options });
}

export interface Answer {
  status: number;
  // The tests check the shape themselves; `any` keeps them readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export async function call(
  baseUrl: string,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(pathAndQuery, baseUrl), { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export async function createWorkspace(baseUrl: string, workspaceName = 'Acme Plumbing', memberName = 'Ann'): Promise<DeviceCredentials> {
  const answer = await call(baseUrl, 'POST', '/v1/workspaces', { body: { workspaceName, memberName, deviceName: `${memberName}'s laptop` } });
  if (answer.status !== 200) throw new Error(`create workspace: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as DeviceCredentials;
}

export async function inviteAndJoin(baseUrl: string, admin: DeviceCredentials, memberName: string): Promise<DeviceCredentials> {
  const invite = await call(baseUrl, 'POST', '/v1/invites', { token: admin.deviceToken, body: {} });
  const joined = await call(baseUrl, 'POST', '/v1/join', {
    body: { inviteCode: invite.body.inviteCode, memberName, deviceName: `${memberName}'s laptop` },
  });
  if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  return joined.body as DeviceCredentials;
}

let changeCounter = 0;

/** A change as a client would push it, stamped `msFromNow` from the real clock. */
export function wireChange(overrides: Partial<WireChange> & { msFromNow?: number; counter?: number } = {}): WireChange {
  const { msFromNow = 0, counter = 0, ...rest } = overrides;
  changeCounter += 1;
  return {
    changeId: `change-${changeCounter}-${Math.random().toString(36).slice(2)}`,
    hlc: formatHlc({ wallMs: Date.now() + msFromNow, counter, deviceId: 'laptop-1' }),
    tableName: 'contacts',
    rowId: `contact-${changeCounter}`,
    fields: { name: `Contact ${changeCounter}`, cl: 1 },
    schemaVersion: 1,
    deviceId: '',
    author: 'Ann',
    ...rest,
  };
}

/** Opens /v1/live as the app does (src-main/sync/relay-client.ts); resolves once open. */
export function openLive(baseUrl: string, token: string, headers: Record<string, string> = {}) {
  const url = new URL('/v1/live', baseUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, [`fieldbook.${token}`], { headers });
  const pokes: number[] = [];
  /** Every message as it came, for what a poke carries besides its sequence. */
  const messages: unknown[] = [];
  /** The relay's greeting, the first message of every socket (LiveHelloSchema). */
  const hello: unknown[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    const message: unknown = JSON.parse(String(data));
    if (hello.length === 0) {
      hello.push(message);
      return;
    }
    messages.push(message);
    const poke = PokeSchema.safeParse(message);
    if (poke.success) pokes.push(poke.data.newestSeq);
    waiters.splice(0).forEach((wake) => wake());
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const nextPoke = (timeoutMs = 5000) =>
    new Promise<number>((resolve, reject) => {
      if (pokes.length) return resolve(pokes.shift()!);
      const timer = setTimeout(() => reject(new Error('no poke arrived')), timeoutMs);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(pokes.shift()!);
      });
    });
  return { socket, opened, closed, nextPoke, pokes, messages, hello };
}
