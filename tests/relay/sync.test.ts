import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-shared/hlc';
import { PullResponseSchema, PushResponseSchema, SnapshotResponseSchema, type WireChange } from '../../src-shared/sync/protocol';
import { RelayClient } from '../../src-main/sync/relay-client';
import { changes } from '../../src-relay/db/schema';
import type { Relay } from '../../src-relay/server';
import { call, createWorkspace, inviteAndJoin, openTestDatabase, startTestRelay, wireChange, type TestDatabase } from './helpers/relay-harness';

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

async function storedCount(workspaceId: string): Promise<number> {
  const [row] = await testDb.database.db.select({ n: count() }).from(changes).where(eq(changes.workspaceId, workspaceId));
  return row?.n ?? 0;
}

async function pullAll(token: string, after: number, limit: number) {
  const pages = [];
  let cursor = after;
  for (;;) {
    const answer = await call(relay.url, 'GET', `/v1/pull?after=${cursor}&limit=${limit}`, { token });
    expect(answer.status).toBe(200);
    const page = PullResponseSchema.parse(answer.body);
    pages.push(page);
    cursor = page.changes.at(-1)?.seq ?? cursor;
    if (!page.hasMore) return { pages, changes: pages.flatMap((p) => p.changes), cursor };
  }
}

describe('push and pull', () => {
  it('round-trips a batch through pages of a pull, stamped with the pushing device', async () => {
    const admin = await createWorkspace(relay.url);
    const batch = Array.from({ length: 25 }, () => wireChange({ deviceId: 'someone-else' }));
    const pushed = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch } });
    expect(pushed.status).toBe(200);
    const ack = PushResponseSchema.parse(pushed.body);
    expect(ack.acknowledged).toEqual(batch.map((change) => change.changeId));

    const { pages, changes: pulled } = await pullAll(admin.deviceToken, 0, 10);
    expect(pages.map((page) => page.changes.length)).toEqual([10, 10, 5]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
    expect(pulled.map(({ change }) => change)).toEqual(batch.map((change) => ({ ...change, deviceId: admin.deviceId })));
    expect(pulled.at(-1)?.seq).toBe(ack.newestSeq);
    expect(pages[0]?.oldestSeq).toBe(pulled[0]?.seq);
    expect(pages.every((page) => page.newestSeq === ack.newestSeq)).toBe(true);
  });

  it('acknowledges a re-pushed batch without storing it twice', async () => {
    const admin = await createWorkspace(relay.url);
    const batch = [wireChange(), wireChange()];
    const first = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch } });
    const again = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [...batch, batch[0]] } });
    expect(again.status).toBe(200);
    expect(again.body.acknowledged).toEqual([...batch, batch[0]].map((change) => change!.changeId));
    expect(again.body.newestSeq).toBe(first.body.newestSeq);
    expect(await storedCount(admin.workspaceId)).toBe(2);
  });

  it('pulls only what came after the cursor, on every device of the workspace', async () => {
    const admin = await createWorkspace(relay.url);
    const teammate = await inviteAndJoin(relay.url, admin, 'Bob');
    const early = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [wireChange()] } });
    const later = wireChange({ author: 'Bob' });
    await call(relay.url, 'POST', '/v1/push', { token: teammate.deviceToken, body: { changes: [later] } });
    const { changes: pulled } = await pullAll(admin.deviceToken, early.body.newestSeq, 500);
    expect(pulled.map(({ change }) => change.changeId)).toEqual([later.changeId]);
    expect(pulled[0]?.change.deviceId).toBe(teammate.deviceId);
  });

  it('stores concurrent pushes from two devices once each, in increasing sequence', async () => {
    const admin = await createWorkspace(relay.url);
    const teammate = await inviteAndJoin(relay.url, admin, 'Bob');
    const batches = Array.from({ length: 8 }, () => [wireChange(), wireChange()]);
    const answers = await Promise.all(
      batches.map((changes, index) => {
        const token = index % 2 ? teammate.deviceToken : admin.deviceToken;
        return call(relay.url, 'POST', '/v1/push', { token, body: { changes } });
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(batches.map(() => 200));
    const { changes: pulled } = await pullAll(admin.deviceToken, 0, 500);
    expect(new Set(pulled.map(({ change }) => change.changeId))).toEqual(new Set(batches.flat().map((change) => change.changeId)));
    expect(pulled.length).toBe(16);
    expect(pulled.map(({ seq }) => seq)).toEqual([...pulled.map(({ seq }) => seq)].sort((a, b) => a - b));
  });

  it('takes a full batch of 1000 changes to 1000 rows, twice, and compacts them for the snapshot', async () => {
    const admin = await createWorkspace(relay.url);
    const rowIds = Array.from({ length: 1000 }, (_, index) => `row-${String(index).padStart(4, '0')}`);
    for (const round of [1, 2]) {
      const batch = rowIds.map((rowId) => wireChange({ rowId, fields: { name: `${rowId} v${round}`, cl: 1 } }));
      const answer = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch } });
      expect(answer.status).toBe(200);
    }
    expect(await storedCount(admin.workspaceId)).toBe(2000);
    const snapshot = await call(relay.url, 'GET', '/v1/snapshot?limit=5000', { token: admin.deviceToken });
    expect(snapshot.body.rows).toHaveLength(1000);
    expect(snapshot.body.rows.every((row: { rowId: string; fields: { name: string } }) => row.fields.name === `${row.rowId} v2`)).toBe(true);
  });

  it("keeps workspaces apart: B's token neither reads nor writes A's log", async () => {
    const a = await createWorkspace(relay.url, 'A');
    const b = await createWorkspace(relay.url, 'B');
    await call(relay.url, 'POST', '/v1/push', { token: a.deviceToken, body: { changes: [wireChange()] } });
    const fromB = await pullAll(b.deviceToken, 0, 500);
    expect(fromB.changes).toEqual([]);
    expect(fromB.pages[0]).toMatchObject({ newestSeq: 0, oldestSeq: 0 });
    const snapshotB = await call(relay.url, 'GET', '/v1/snapshot', { token: b.deviceToken });
    expect(snapshotB.body).toEqual({ rows: [], cursor: 0, nextPageAfter: null });

    await call(relay.url, 'POST', '/v1/push', { token: b.deviceToken, body: { changes: [wireChange()] } });
    expect(await storedCount(a.workspaceId)).toBe(1);
    expect(await storedCount(b.workspaceId)).toBe(1);
  });
});

describe('refusals', () => {
  it('refuses malformed batches with the field named, storing nothing', async () => {
    const admin = await createWorkspace(relay.url);
    const push = (body: { rawBody: string } | { body: unknown }) => call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, ...body });

    const notJson = await push({ rawBody: '{"changes": [' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toEqual({ code: 'invalid_input', message: 'The request body is not valid JSON.' });

    const badClock = await push({ body: { changes: [wireChange(), { ...wireChange(), hlc: 'yesterday' }] } });
    expect(badClock.status).toBe(400);
    expect(badClock.body.error.code).toBe('invalid_input');
    expect(badClock.body.error.message).toContain('changes.1.hlc');

    expect((await push({ body: { changes: [] } })).status).toBe(400);
    expect((await push({ body: { changes: Array.from({ length: 1001 }, () => wireChange()) } })).body.error.message).toContain('changes');
    expect((await push({ body: { changes: [{ ...wireChange(), tableName: 'Robert"); DROP TABLE' }] } })).status).toBe(400);
    expect(await storedCount(admin.workspaceId)).toBe(0);

    // JSON can carry these, PostgreSQL text cannot: that change is refused with its reason, not
    // the batch (which would hold up the sender's outbox) and not with an internal error.
    const good = wireChange();
    const withNul = wireChange({ fields: { notes: 'a\u0000b' } });
    const brokenAuthor = wireChange({ author: 'broken \ud800' });
    const answer = await push({ body: { changes: [good, withNul, brokenAuthor] } });
    expect(answer.status).toBe(200);
    expect(answer.body.acknowledged).toEqual([good.changeId]);
    expect(answer.body.refused).toEqual([
      { changeId: withNul.changeId, reason: expect.stringContaining('fields.notes contains a NUL') },
      { changeId: brokenAuthor.changeId, reason: expect.stringContaining('author') },
    ]);
    expect(await storedCount(admin.workspaceId)).toBe(1);
  });

  it('refuses a body over the size limit with too_large, storing nothing', async () => {
    const admin = await createWorkspace(relay.url);
    const huge = 'x'.repeat(999_000);
    const batch = Array.from({ length: 9 }, () => wireChange({ fields: { notes: huge } }));
    const answer = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch } });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
    expect(answer.body.error.message).toMatch(/larger than the relay accepts/);
    expect(await storedCount(admin.workspaceId)).toBe(0);
    expect((await call(relay.url, 'GET', '/health')).status).toBe(200);
  });

  it('stops reading a streamed body without a length once it passes the limit', async () => {
    const admin = await createWorkspace(relay.url);
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit, if the relay kept reading.
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(new URL('/v1/push', relay.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.deviceToken}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('too_large');
    expect(sent).toBeLessThan(64);
  });

  it("refuses the whole batch when a clock is more than five minutes ahead, and says so", async () => {
    const admin = await createWorkspace(relay.url);
    const batch = [wireChange(), wireChange({ msFromNow: 12 * 60_000 })];
    const answer = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'clock_ahead',
      message: "This laptop's clock is 12 minutes ahead of the relay's. Set the clock right (automatic time) and sync again.",
    });
    expect(await storedCount(admin.workspaceId)).toBe(0);
    const slightlyAhead = await call(relay.url, 'POST', '/v1/push', {
      token: admin.deviceToken,
      body: { changes: [wireChange({ msFromNow: 4 * 60_000 })] },
    });
    expect(slightlyAhead.status).toBe(200);
  });
});

describe('snapshot', () => {
  it('pages hold the latest value of every field, and the cursor pulls the rest', async () => {
    const admin = await createWorkspace(relay.url);
    const base = Date.now() - 60_000;
    const stamp = (offset: number) => formatHlc({ wallMs: base + offset, counter: 0, deviceId: 'laptop-1' });
    const rows = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const batch: WireChange[] = [];
    // Pushed out of clock order: the snapshot must follow the clocks, not the arrival order.
    for (const [index, offset] of [5, 1, 4, 2, 3].entries()) {
      for (const rowId of rows) {
        const fields = { name: `${rowId}@${offset}`, cl: offset === 4 ? 2 : 1, [`only_${offset}`]: offset };
        batch.push(wireChange({ rowId, hlc: stamp(offset * 10 + index), fields, author: `author-${offset}` }));
      }
    }
    await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch.slice(0, 10) } });
    await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: batch.slice(10) } });

    const first = SnapshotResponseSchema.parse((await call(relay.url, 'GET', '/v1/snapshot?limit=2', { token: admin.deviceToken })).body);
    expect(first.rows.map((row) => row.rowId)).toEqual(['r1', 'r2']);
    // A change committed between two pages: the later pages keep the first page's cursor.
    const late = wireChange({ rowId: 'r1', fields: { name: 'r1 renamed' } });
    await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [late] } });
    const pages = [first];
    while (pages.at(-1)!.nextPageAfter) {
      const after = encodeURIComponent(pages.at(-1)!.nextPageAfter!);
      const next = await call(relay.url, 'GET', `/v1/snapshot?after=${after}&limit=2`, { token: admin.deviceToken });
      pages.push(SnapshotResponseSchema.parse(next.body));
    }
    expect(pages.map((page) => page.rows.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.map((page) => page.cursor))).toEqual(new Set([first.cursor]));

    for (const row of pages.flatMap((page) => page.rows)) {
      expect(row.fields).toEqual({ name: `${row.rowId}@5`, cl: 2, only_1: 1, only_2: 2, only_3: 3, only_4: 4, only_5: 5 });
      expect(row.clocks.name).toBe(stamp(50));
      expect(row.authors.name).toBe('author-5');
      expect(row.authors.cl).toBe('author-4');
    }
    const rest = await pullAll(admin.deviceToken, first.cursor, 500);
    expect(rest.changes.map(({ change }) => change.changeId)).toEqual([late.changeId]);
  });

  it('refuses a page token it did not make', async () => {
    const admin = await createWorkspace(relay.url);
    const answer = await call(relay.url, 'GET', '/v1/snapshot?after=garbage', { token: admin.deviceToken });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('after');
  });
});

describe("the app's RelayClient (src-main/sync/relay-client.ts)", () => {
  it('understands every answer of the relay', async () => {
    const anonymous = new RelayClient(relay.url);
    const admin = await anonymous.createWorkspace({ workspaceName: 'Client Co', memberName: 'Ann', deviceName: 'Laptop' });
    const adminClient = new RelayClient(relay.url, admin.deviceToken);
    const { inviteCode } = await adminClient.invite();
    const bob = await anonymous.join({ inviteCode, memberName: 'Bob', deviceName: 'Laptop' });
    const bobClient = new RelayClient(relay.url, bob.deviceToken);

    const poked = new Promise<number>((resolve) => {
      const live = bobClient.live(
        (newestSeq) => {
          live.close();
          resolve(newestSeq);
        },
        () => {},
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // Let the socket open before pushing.
    const change = wireChange();
    const ack = await adminClient.push([change]);
    expect(await poked).toBe(ack.newestSeq);
    expect((await bobClient.pull(0, 1000)).changes.map(({ change: c }) => c.changeId)).toEqual([change.changeId]);
    expect((await bobClient.snapshot(null, 2000)).rows).toHaveLength(1);
    expect((await bobClient.workspace()).members).toHaveLength(2);

    await adminClient.revokeDevice(bob.deviceId);
    await expect(bobClient.pull(0, 1000)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const clockAhead = adminClient.push([wireChange({ msFromNow: 3 * 3600_000 })]);
    await expect(clockAhead).rejects.toMatchObject({ code: 'clock_ahead', message: expect.stringContaining('3 hours ahead') });
  });
});
