import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src-relay/auth';
import { openRelayDatabase } from '../../src-relay/db/open';
import { call, createWorkspace, startTestRelay, wireChange } from './helpers/relay-harness';

// Sequence numbers are per workspace, so a device learns nothing of other workspaces' traffic;
// a relay upgraded from global numbers keeps every device's cursor exact.

const migrations = path.resolve(import.meta.dirname, '../../migrations/relay');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-seq-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const push = async (url: string, token: string, count = 1) =>
  (await call(url, 'POST', '/v1/push', { token, body: { changes: Array.from({ length: count }, () => wireChange()) } })).body.newestSeq as number;
const pull = async (url: string, token: string, after: number) => (await call(url, 'GET', `/v1/pull?after=${after}`, { token })).body;

describe('sequence numbers', () => {
  it("count each workspace's own changes, whatever the other workspaces push", async () => {
    const database = await openRelayDatabase({ dataDir: null });
    const relay = await startTestRelay(database);
    try {
      const office = await createWorkspace(relay.url, 'Office');
      const busy = await createWorkspace(relay.url, 'Busy');
      expect(await push(relay.url, office.deviceToken)).toBe(1);
      expect(await push(relay.url, busy.deviceToken, 50)).toBe(50);
      expect(await push(relay.url, office.deviceToken, 2)).toBe(3);
      const page = await pull(relay.url, office.deviceToken, 0);
      expect(page.changes.map((entry: { seq: number }) => entry.seq)).toEqual([1, 2, 3]);
      expect(page).toMatchObject({ oldestSeq: 1, newestSeq: 3 });
      // A repeated push takes no number.
      const again = await call(relay.url, 'POST', '/v1/push', { token: office.deviceToken, body: { changes: page.changes.map((entry: { change: unknown }) => entry.change) } });
      expect(again.body.newestSeq).toBe(3);
    } finally {
      await relay.close();
      await database.close();
    }
  }, 60_000);

  it('keep the cursors devices had before the upgrade exact', async () => {
    // A relay database as the release with one global sequence left it: two workspaces whose
    // changes interleave.
    const dir = path.join(work, 'upgraded');
    const oldFolder = path.join(work, 'old-migrations');
    fs.mkdirSync(path.join(oldFolder, 'meta'), { recursive: true });
    fs.copyFileSync(path.join(migrations, '0000_init.sql'), path.join(oldFolder, '0000_init.sql'));
    const journal = JSON.parse(fs.readFileSync(path.join(migrations, 'meta/_journal.json'), 'utf8'));
    fs.writeFileSync(path.join(oldFolder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const old = await openRelayDatabase({ dataDir: dir }, oldFolder);
    await old.close();
    const client = await PGlite.create(dir);
    await client.exec(`
      INSERT INTO workspaces VALUES ('ws-a', 'Office', 0), ('ws-b', 'Busy', 0);
      INSERT INTO members VALUES ('m-a', 'ws-a', 'Ann', 'admin', 0, NULL), ('m-b', 'ws-b', 'Bo', 'admin', 0, NULL);
      INSERT INTO devices VALUES ('d-a', 'ws-a', 'm-a', 'Laptop', '${sha256Hex('token-a')}', 0, NULL, NULL),
                                 ('d-b', 'ws-b', 'm-b', 'Laptop', '${sha256Hex('token-b')}', 0, NULL, NULL);`);
    for (const [index, workspace] of ['ws-a', 'ws-b', 'ws-a', 'ws-b', 'ws-a', 'ws-b', 'ws-b'].entries()) {
      const change = wireChange();
      await client.query(`INSERT INTO changes (workspace_id, change_id, device_id, hlc, schema_version, payload, received_at) VALUES ($1, $2, 'd', $3, 1, $4, 0)`, [
        workspace,
        `old-${index}`,
        change.hlc,
        JSON.stringify({ tableName: change.tableName, rowId: change.rowId, fields: change.fields, author: change.author }),
      ]);
    }
    await client.close();

    const database = await openRelayDatabase({ dataDir: dir });
    const relay = await startTestRelay(database);
    try {
      // Office's device had pulled up to its change numbered 3: it gets exactly the rest.
      expect((await pull(relay.url, 'token-a', 3)).changes.map((entry: { seq: number; change: { changeId: string } }) => [entry.seq, entry.change.changeId])).toEqual([[5, 'old-4']]);
      expect(await push(relay.url, 'token-b', 3)).toBe(10);
      expect(await push(relay.url, 'token-a')).toBe(6);
      const rest = await pull(relay.url, 'token-a', 5);
      expect(rest.changes.map((entry: { seq: number }) => entry.seq)).toEqual([6]);
      expect(rest.newestSeq).toBe(6);
    } finally {
      await relay.close();
      await database.close();
    }
  }, 90_000);
});
