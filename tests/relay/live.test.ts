import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../src-relay/server';
import { CarryingPokeSchema, KeysChangedSchema, LiveHelloSchema, maxCarriedChanges, PullResponseSchema } from '../../src-shared/sync/protocol';
import {
  call,
  createWorkspace,
  inviteAndJoin,
  openLive,
  openTestDatabase,
  startTestRelay,
  wireChange,
  type TestDatabase,
} from './helpers/relay-harness';

let testDb: TestDatabase;
let relay: Relay;

beforeAll(async () => {
  testDb = await openTestDatabase();
  relay = await startTestRelay(testDb.database);
}, 120_000);

afterAll(async () => {
  await relay?.close();
  await testDb?.close();
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live pokes', () => {
  it("pokes every device of the workspace after a push, and no other workspace's", async () => {
    const admin = await createWorkspace(relay.url);
    const teammate = await inviteAndJoin(relay.url, admin, 'Bob');
    const stranger = await createWorkspace(relay.url, 'Other');
    const bob = openLive(relay.url, teammate.deviceToken);
    const other = openLive(relay.url, stranger.deviceToken);
    await Promise.all([bob.opened, other.opened]);
    expect(bob.socket.protocol).toBe(`fieldbook.${teammate.deviceToken}`);

    const change = wireChange();
    const pushed = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [change] } });
    expect(await bob.nextPoke()).toBe(pushed.body.newestSeq);
    // A re-push stores nothing, so it pokes nobody: the next poke is the next new change's.
    await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [change] } });
    const next = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [wireChange()] } });
    expect(await bob.nextPoke()).toBe(next.body.newestSeq);
    expect(other.pokes).toEqual([]);
    bob.socket.close();
    other.socket.close();
  });

  it('carries a small push in its poke as a pull gives it, once, and pokes a large one plain', async () => {
    const admin = await createWorkspace(relay.url);
    const teammate = await inviteAndJoin(relay.url, admin, 'Bob');
    const bob = openLive(relay.url, teammate.deviceToken);
    await bob.opened;

    // The device a change claims is ignored: the carried change names the pushing device, as the pull does.
    const pushed = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [wireChange({ deviceId: 'someone-else' })] } });
    expect(await bob.nextPoke()).toBe(pushed.body.newestSeq);
    const pulled = await call(relay.url, 'GET', `/v1/pull?after=${pushed.body.newestSeq - 1}`, { token: teammate.deviceToken });
    const carrying = CarryingPokeSchema.parse(bob.messages.at(-1));
    expect(carrying.changes).toEqual(PullResponseSchema.parse(pulled.body).changes);
    expect(carrying.changes[0]!.change.deviceId).toBe(admin.deviceId);

    const many = Array.from({ length: maxCarriedChanges + 1 }, () => wireChange());
    const large = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: many } });
    expect(await bob.nextPoke()).toBe(large.body.newestSeq);
    expect(bob.messages.at(-1)).toEqual({ type: 'poke', newestSeq: large.body.newestSeq });
    // One message per push: the plain poke of the carried push was not sent as well.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bob.pokes).toEqual([]);
    expect(bob.messages).toHaveLength(2);
    bob.socket.close();
  });

  it("greets each socket with the announcements it makes, and announces a workspace's key changes to its devices only", async () => {
    const admin = await createWorkspace(relay.url);
    const stranger = await createWorkspace(relay.url, 'Other');
    const ann = openLive(relay.url, admin.deviceToken);
    const other = openLive(relay.url, stranger.deviceToken);
    await Promise.all([ann.opened, other.opened]);
    await until(() => ann.hello.length > 0 && other.hello.length > 0);
    expect(LiveHelloSchema.parse(ann.hello[0]).announces).toContain('keys');

    // A teammate's laptop registers its public key: the admin's laptop hears it may seal the key ring to it.
    const teammate = await inviteAndJoin(relay.url, admin, 'Bob');
    await call(relay.url, 'POST', '/v1/keys/device', { token: teammate.deviceToken, body: { publicKey: 'bob-public-key' } });
    await until(() => ann.messages.length > 0);
    expect(KeysChangedSchema.parse(ann.messages[0])).toEqual({ type: 'keys', newestEpoch: 0 });
    // The same key again changes nothing and is not announced.
    await call(relay.url, 'POST', '/v1/keys/device', { token: teammate.deviceToken, body: { publicKey: 'bob-public-key' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ann.messages).toHaveLength(1);
    expect(other.messages).toEqual([]);
    ann.socket.close();
    other.socket.close();
  });

  it('refuses a socket with an unknown token or a foreign browser origin', async () => {
    const admin = await createWorkspace(relay.url);
    await expect(openLive(relay.url, 'not-a-token').opened).rejects.toThrow('HTTP 401');
    await expect(openLive(relay.url, admin.deviceToken, { origin: 'https://evil.example' }).opened).rejects.toThrow('HTTP 403');
    const own = openLive(relay.url, admin.deviceToken, { origin: relay.url });
    await own.opened;
    own.socket.close();
  });

  it('closes the socket of a device when it is revoked', async () => {
    const admin = await createWorkspace(relay.url);
    const teammate = await inviteAndJoin(relay.url, admin, 'Bob');
    const bob = openLive(relay.url, teammate.deviceToken);
    await bob.opened;
    await call(relay.url, 'POST', `/v1/devices/${teammate.deviceId}/revoke`, { token: admin.deviceToken, body: {} });
    expect(await bob.closed).toBe(4401);
  });
});

describe('operations', () => {
  it('limits each device to its rate and says when to retry', async () => {
    const limited = await startTestRelay(testDb.database, { rateLimit: { perSecond: 1, burst: 3 } });
    try {
      const admin = await createWorkspace(relay.url);
      const statuses = [];
      let retryAfter: string | null = null;
      for (let index = 0; index < 5; index += 1) {
        const answer = await call(limited.url, 'GET', '/v1/workspace', { token: admin.deviceToken });
        statuses.push(answer.status);
        if (answer.status === 429) {
          retryAfter = answer.headers.get('retry-after');
          expect(answer.body.error.code).toBe('rate_limited');
        }
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      // Another device has its own bucket.
      const other = await createWorkspace(relay.url);
      expect((await call(limited.url, 'GET', '/v1/workspace', { token: other.deviceToken })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers health and metrics without a token', async () => {
    expect(await call(relay.url, 'GET', '/health')).toMatchObject({ status: 200, body: { ok: true } });
    const metrics = await (await fetch(new URL('/metrics', relay.url))).text();
    expect(metrics).toContain('fieldbook_relay_http_requests_total{route="/health",status="200"}');
    expect(metrics).toMatch(/fieldbook_relay_pushes_total \d+/);
    expect(metrics).toContain('fieldbook_relay_websockets_open');
    expect(metrics).toContain('fieldbook_relay_http_request_duration_seconds_bucket');
  });

  it('logs one JSON line per request with route, status, workspace and device', async () => {
    const lines: Record<string, unknown>[] = [];
    const logged = await startTestRelay(testDb.database, { logger: (entry) => lines.push(entry) });
    try {
      const admin = await createWorkspace(logged.url);
      await call(logged.url, 'GET', '/v1/pull?after=0', { token: admin.deviceToken });
      await call(logged.url, 'GET', '/v1/nowhere');
      expect(lines.map(({ route, status }) => `${route} ${status}`)).toEqual(['/v1/workspaces 200', '/v1/pull 200', 'unmatched 404']);
      expect(lines[1]).toMatchObject({ method: 'GET', workspace: admin.workspaceId, device: admin.deviceId });
      expect(typeof lines[1]?.ms).toBe('number');
      expect(() => new Date(String(lines[1]?.time)).toISOString()).not.toThrow();
    } finally {
      await logged.close();
    }
  });
});
