import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src-relay/auth';
import { openRelayDatabase } from '../../src-relay/db/open';
import { call, inviteAndJoin, startTestRelay } from './helpers/relay-harness';

// A relay upgraded from the release before devices were numbered gives its laptops their quote
// series in the order they joined, per workspace, and a laptop joining afterwards continues
// after them — so no two laptops of an office ever count quotes in the same series.

const migrations = path.resolve(import.meta.dirname, '../../migrations/relay');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-numbers-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A relay database made by the migrations before the devices' numbers. */
async function relayBeforeDeviceNumbers(dir: string) {
  const oldFolder = path.join(work, 'old-migrations');
  fs.mkdirSync(path.join(oldFolder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(migrations, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const firstNew = journal.entries.findIndex((entry) => entry.tag.endsWith('_device_numbers'));
  expect(firstNew).toBeGreaterThan(0);
  const before = journal.entries.slice(0, firstNew);
  for (const entry of before) fs.copyFileSync(path.join(migrations, `${entry.tag}.sql`), path.join(oldFolder, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(oldFolder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  const old = await openRelayDatabase({ dataDir: dir }, oldFolder);
  await old.close();
}

describe('a relay upgraded to numbered devices', () => {
  it('numbers the devices it has in the order they joined, per workspace, and the next to join continues after them', async () => {
    const dir = path.join(work, 'upgraded');
    await relayBeforeDeviceNumbers(dir);
    const client = await PGlite.create(dir);
    // Office's three laptops joined at 300, 100 and 200 (created out of id order); Busy's one at 50.
    await client.exec(`
      INSERT INTO workspaces (id, name, created_at) VALUES ('ws-a', 'Office', 0), ('ws-b', 'Busy', 0);
      INSERT INTO members (id, workspace_id, name, role, created_at) VALUES ('m-a', 'ws-a', 'Ann', 'admin', 0), ('m-b', 'ws-b', 'Bo', 'admin', 0);
      INSERT INTO devices (id, workspace_id, member_id, name, token_hash, created_at) VALUES
        ('d-1', 'ws-a', 'm-a', 'Van', '${sha256Hex('token-van')}', 300),
        ('d-2', 'ws-a', 'm-a', 'Office PC', '${sha256Hex('token-office')}', 100),
        ('d-3', 'ws-a', 'm-a', 'Laptop', '${sha256Hex('token-laptop')}', 200),
        ('d-4', 'ws-b', 'm-b', 'Laptop', '${sha256Hex('token-busy')}', 50);`);
    await client.close();

    const database = await openRelayDatabase({ dataDir: dir });
    const relay = await startTestRelay(database);
    try {
      const numberOf = async (token: string) => (await call(relay.url, 'GET', '/v1/workspace', { token })).body.you.deviceNumber as number;
      // Asked in another order than they joined: the number is the joining order's, not the asking's.
      expect(await numberOf('token-van')).toBe(3);
      expect(await numberOf('token-office')).toBe(1);
      expect(await numberOf('token-laptop')).toBe(2);
      expect(await numberOf('token-busy')).toBe(1);
      const office = (await call(relay.url, 'GET', '/v1/workspace', { token: 'token-office' })).body;
      const joined = await inviteAndJoin(relay.url, { ...office, deviceToken: 'token-office' }, 'Cat');
      expect(joined.deviceNumber).toBe(4);
    } finally {
      await relay.close();
      await database.close();
    }
  }, 90_000);
});
