import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../src-shared/sync/protocol';
import { startPostgresCluster, startRelayProcess, type PostgresCluster, type RelayProcess } from '../relay/helpers/postgres-cluster';
import { call, createWorkspace, inviteAndJoin, openLive, wireChange } from '../relay/helpers/relay-harness';

// Two relay processes on one real PostgreSQL, as behind a load balancer: a push through either
// reaches the live sockets of the other (LISTEN/NOTIFY), and both serve the same log.

let cluster: PostgresCluster | undefined;
let relays: RelayProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  // Started together on purpose: their migrations must take turns, not collide.
  relays = await Promise.all([startRelayProcess(cluster.url), startRelayProcess(cluster.url)]);
}, 180_000);

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop()));
  await cluster?.stop();
}, 60_000);

async function pullAll(url: string, token: string, after: number) {
  const answer = await call(url, 'GET', `/v1/pull?after=${after}&limit=1000`, { token });
  expect(answer.status).toBe(200);
  return answer.body as { changes: { seq: number; change: { changeId: string } }[]; newestSeq: number };
}

describe('relay on PostgreSQL, two processes', () => {
  let ann: DeviceCredentials;
  let bob: DeviceCredentials;

  it('shares workspaces and devices between the processes', async () => {
    const [one, two] = relays as [RelayProcess, RelayProcess];
    expect(await call(one.url, 'GET', '/health')).toMatchObject({ status: 200, body: { ok: true } });
    ann = await createWorkspace(one.url, 'Acme', 'Ann');
    bob = await inviteAndJoin(two.url, ann, 'Bob');
    const info = await call(two.url, 'GET', '/v1/workspace', { token: ann.deviceToken });
    expect(info.body.members.map((member: { name: string }) => member.name)).toEqual(['Ann', 'Bob']);
  });

  it('a push through one relay pokes the sockets of the other, which serves the change', async () => {
    const [one, two] = relays as [RelayProcess, RelayProcess];
    for (const [pushVia, listenVia, pusher, listener] of [
      [one, two, ann, bob],
      [two, one, bob, ann],
    ] as const) {
      const live = openLive(listenVia.url, listener.deviceToken);
      await live.opened;
      const before = (await pullAll(listenVia.url, listener.deviceToken, 0)).newestSeq;
      const change = wireChange({ author: pusher.memberName });
      const pushed = await call(pushVia.url, 'POST', '/v1/push', { token: pusher.deviceToken, body: { changes: [change] } });
      expect(pushed.status).toBe(200);
      expect(await live.nextPoke()).toBe(pushed.body.newestSeq);
      const pulled = await pullAll(listenVia.url, listener.deviceToken, before);
      expect(pulled.changes.map(({ change: c }) => c.changeId)).toEqual([change.changeId]);
      live.socket.close();
    }
  });

  it('a puller never skips a change while both relays take pushes at once', async () => {
    const [one, two] = relays as [RelayProcess, RelayProcess];
    const pushed: string[] = [];
    const pushMany = async (url: string, token: string) => {
      for (let round = 0; round < 20; round += 1) {
        const batch = Array.from({ length: 5 }, () => wireChange());
        const answer = await call(url, 'POST', '/v1/push', { token, body: { changes: batch } });
        expect(answer.status).toBe(200);
        pushed.push(...batch.map((change) => change.changeId));
      }
    };
    let cursor = (await pullAll(one.url, ann.deviceToken, 0)).newestSeq;
    const seen: string[] = [];
    let pushing = true;
    const pulling = (async () => {
      while (pushing) {
        const page = await pullAll(two.url, ann.deviceToken, cursor);
        seen.push(...page.changes.map(({ change }) => change.changeId));
        cursor = page.changes.at(-1)?.seq ?? cursor;
      }
    })();
    await Promise.all([pushMany(one.url, ann.deviceToken), pushMany(two.url, bob.deviceToken)]);
    pushing = false;
    await pulling;
    seen.push(...(await pullAll(one.url, ann.deviceToken, cursor)).changes.map(({ change }) => change.changeId));
    expect(seen.length).toBe(pushed.length);
    expect(new Set(seen)).toEqual(new Set(pushed));
  });

  it('compacts changes to one row pushed through both relays into the snapshot', async () => {
    const [one, two] = relays as [RelayProcess, RelayProcess];
    const first = wireChange({ rowId: 'shared-row', fields: { name: 'Old', phone: '+441234' }, msFromNow: -1000, author: 'Ann' });
    const second = wireChange({ rowId: 'shared-row', fields: { name: 'New' }, author: 'Bob' });
    await call(two.url, 'POST', '/v1/push', { token: bob.deviceToken, body: { changes: [second] } });
    await call(one.url, 'POST', '/v1/push', { token: ann.deviceToken, body: { changes: [first] } });
    const snapshot = await call(two.url, 'GET', '/v1/snapshot?limit=5000', { token: ann.deviceToken });
    const row = snapshot.body.rows.find((candidate: { rowId: string }) => candidate.rowId === 'shared-row');
    expect(row.fields).toEqual({ name: 'New', phone: '+441234' });
    expect(row.authors).toEqual({ name: second.author, phone: first.author });
  });

  it('a device revoked through one relay is refused by the other at once', async () => {
    const [one, two] = relays as [RelayProcess, RelayProcess];
    const carol = await inviteAndJoin(one.url, ann, 'Carol');
    const live = openLive(two.url, carol.deviceToken);
    await live.opened;
    const revoked = await call(one.url, 'POST', `/v1/devices/${carol.deviceId}/revoke`, { token: ann.deviceToken, body: {} });
    expect(revoked.status).toBe(200);
    expect((await call(two.url, 'GET', '/v1/pull?after=0', { token: carol.deviceToken })).status).toBe(401);
    expect(await live.closed).toBe(4401);
  });
});

describe('two laptops, each on its own relay process over one PostgreSQL', () => {
  it('carries changes both ways, live', async () => {
    const { createTempCore } = await import('../helpers/temp-core');
    const [one, two] = relays as [RelayProcess, RelayProcess];
    const vanA = createTempCore();
    const vanB = createTempCore();
    try {
      await vanA.call('sync.createWorkspace', { relayUrl: one.url, workspaceName: 'Two vans', memberName: 'Ann' });
      const { inviteCode } = await vanA.call('sync.invite', {});
      await vanB.call('sync.join', { relayUrl: two.url, inviteCode, memberName: 'Bob' });

      const seen = (core: typeof vanA, name: string) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${name} never arrived`)), 15_000);
          const check = async () => {
            const page = await core.call('contacts.list', { query: name });
            if (page.total > 0) {
              clearTimeout(timer);
              stop();
              resolve();
            }
          };
          const stop = core.on('contacts.changed', () => void check());
          void check();
        });

      const toB = seen(vanB, 'Fromvana');
      await vanA.call('contacts.create', { draft: { name: 'Fromvana Customer' } });
      await toB;
      const toA = seen(vanA, 'Fromvanb');
      await vanB.call('contacts.create', { draft: { name: 'Fromvanb Customer' } });
      await toA;
      expect((await vanA.call('contacts.list', {})).total).toBe(2);
      expect((await vanB.call('contacts.list', {})).total).toBe(2);
    } finally {
      vanA.dispose();
      vanB.dispose();
    }
  }, 60_000);
});
