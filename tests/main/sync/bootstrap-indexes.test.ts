import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadingMutationEngine } from '../../../src-main/sync/loading-engine';
import { SnapshotLoader, type SnapshotRow } from '../../../src-main/sync/snapshot-load';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { everyTable, schemaOf, snapshotOf } from './snapshot-tables';

// While a new laptop loads the snapshot, most secondary indexes of the tables it fills are set
// aside and built once at the end (src-main/sync/snapshot-indexes.ts). Whether the load ends in
// one go, after the laptop was closed midway, or by leaving it unfinished, the database ends
// with exactly the schema the migrations define, and the contacts are found as before.

let source: TempCore;
let fresh: TempCore;
let snapshot: SnapshotRow[];
let work: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-indexes-'));
  source = createTempCore({ autoSync: false });
  fresh = createTempCore({ autoSync: false });
  for (let index = 0; index < 30; index += 1) {
    const { id } = await source.call('contacts.create', { draft: { name: `Customer ${index}`, company: `Firm ${index % 4}`, tags: [index % 2 ? 'boiler' : 'roof'] }, allowDuplicate: true });
    await source.call('notes.create', { contactId: id, body: `Visited ${index}` });
  }
  snapshot = snapshotOf(source.sqlite);
}, 60_000);

afterAll(() => {
  source.dispose();
  fresh.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

const pagesOf = (size: number) => Array.from({ length: Math.ceil(snapshot.length / size) }, (_, page) => snapshot.slice(page * size, (page + 1) * size));
const loaderOf = (core: TempCore) => new SnapshotLoader(core.sqlite, core.engine as LoadingMutationEngine);
const indexNames = (core: TempCore) => core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[];

describe('the indexes set aside while a snapshot loads', () => {
  it('are built again by the last page, as the migrations define them', async () => {
    const core = createTempCore({ autoSync: false });
    try {
      const pages = pagesOf(7);
      pages.slice(0, -1).forEach((page) => loaderOf(core).loadPage(page, () => {}));
      // Not vacuous: the load runs without them.
      expect(indexNames(core)).not.toContain('contacts_alive_name');
      expect(indexNames(core)).not.toContain('changes_hlc');
      loaderOf(core).loadPage(pages.at(-1)!, () => {}, { last: true });

      expect(schemaOf(core.sqlite)).toEqual(schemaOf(fresh.sqlite));
      expect((await core.call('contacts.list', { query: 'Customer 17' })).items.map((contact) => contact.name)).toEqual(['Customer 17']);
      expect((await core.call('contacts.list', {})).total).toBe(30);
    } finally {
      core.dispose();
    }
  });

  it('are built again when the laptop opens after closing midway, and the load carried on ends identical', () => {
    const dataDir = path.join(work, 'closed-midway');
    const pages = pagesOf(11);
    const first = createTempCore({ autoSync: false, dataDir });
    loaderOf(first).loadPage(pages[0]!, () => {});
    expect(indexNames(first)).not.toContain('contacts_alive_name');
    first.close();

    const again = createTempCore({ autoSync: false, dataDir });
    const once = createTempCore({ autoSync: false });
    try {
      // Usable as it is, before the load carries on (and before any migration of a newer version ran).
      expect(schemaOf(again.sqlite)).toEqual(schemaOf(fresh.sqlite));
      pages.slice(1).forEach((page, index) => loaderOf(again).loadPage(page, () => {}, { last: index === pages.length - 2 }));
      pages.forEach((page, index) => loaderOf(once).loadPage(page, () => {}, { last: index === pages.length - 1 }));
      expect(schemaOf(again.sqlite)).toEqual(schemaOf(fresh.sqlite));
      expect(everyTable(again.sqlite)).toEqual(everyTable(once.sqlite));
    } finally {
      again.dispose();
      once.dispose();
    }
  });

  it('are built again when the laptop leaves the workspace with the load unfinished', () => {
    const core = createTempCore({ autoSync: false });
    try {
      loaderOf(core).loadPage(pagesOf(13)[0]!, () => {});
      expect(indexNames(core)).not.toContain('contacts_alive_name');
      core.sync.leave();
      expect(schemaOf(core.sqlite)).toEqual(schemaOf(fresh.sqlite));
    } finally {
      core.dispose();
    }
  });
});
