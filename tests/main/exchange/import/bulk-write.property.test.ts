import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { DuplicateAction } from '../../../../src-shared/domain/exchange';
import { ImportService } from '../../../../src-main/exchange/import/service';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { importOptions } from '../helpers';

// The import writes new contacts together (MutationTx.writeNew: multi-row statements for rows,
// clocks and change records). The same file imported into two copies of one data folder, once
// that way (in chunks of a drawn size) and once contact by contact through the ordinary write
// path (each row its own transaction), must leave every table the same: rows, clocks, tag and
// item rows, the change log, what the search indexes hold and the dashboard's figures.
//
// Two things differ by design and are set equal before comparing:
//   - change ids are random UUIDs (nothing local refers to them; the relay uses them only to
//     tell changes apart), so the change log is compared without them;
//   - ids the import mints (new contacts, added phone and e-mail items) are random too; they
//     are matched by the change log, whose records must come in the same order both ways, and
//     the second folder's are renamed to the first's.
// The clock is frozen and both folders are copies of one, so the HLCs (time, counter, device)
// must be equal as they are.

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

const now = () => Date.UTC(2026, 11, 5, 9, 30);
const keptId = 'kept-from-export';
const taggedId = 'tagged-before';

const names = ['Ann Smith', 'Bob Jones', 'Cleo Park', '', 'Dai Evans'];
const emails = ['ann@smith-plumbing.co.uk', 'bob@example.com', 'BOB@example.com', 'cleo@park.ie', '', 'not an address'];
const phones = ['020 7946 0958', '07700 900123', '(212) 555-0187', '+353 1 555 0100', '', '12'];
const tagCells = ['', 'VIP', 'vip;lead', 'Boiler;boiler;VIP', 'lead'];
const countries = ['', '', 'USA', 'Ireland'];
const ids = ['', '', '', keptId, taggedId, 'bad id!'];

const row = fc.record({
  id: fc.constantFrom(...ids),
  name: fc.constantFrom(...names),
  company: fc.constantFrom('', 'Smith Plumbing', 'Park & Co'),
  email: fc.constantFrom(...emails),
  phone: fc.constantFrom(...phones),
  mobile: fc.constantFrom(...phones),
  tags: fc.constantFrom(...tagCells),
  country: fc.constantFrom(...countries),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
const input = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 14 }),
  onDuplicate: fc.constantFrom<DuplicateAction>('skip', 'update', 'create'),
  chunkRows: fc.integer({ min: 1, max: 6 }),
});

/** A data folder with a contact, and a tag row of a contact not pulled yet: what an import meets. */
async function seededFolder(): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-seed-'));
  folders.push(folder);
  const core = createTempCore({ dataDir: folder, now });
  await core.call('contacts.create', {
    draft: { name: 'Ann Smith', phones: [{ type: 'work', number: '020 7946 0958' }], emails: [{ type: 'work', address: 'ann@smith-plumbing.co.uk' }], tags: ['VIP'] },
  });
  core.engine.transaction((tx) => tx.write('contact_tags', `${taggedId}:vip`, { contact_id: taggedId, tag: 'vip', present: 0 }));
  core.close();
  return folder;
}

function copyOf(seed: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-copy-'));
  folders.push(folder);
  fs.cpSync(seed, folder, { recursive: true });
  return folder;
}

type Table = { name: string; rows: unknown[][] };

/** An FTS5 table's own storage: how it is laid out depends on how many transactions wrote it. */
const ftsStorage = /_fts_(data|idx|config|docsize|content)$/;

/**
 * Every table of the database, rows in a fixed order. A full-text index is compared by what it
 * holds (every term of every row, its column and offset, through fts5vocab), not by its
 * segments: written in one transaction or in many, the same rows make different segments.
 */
function everyTable(core: TempCore): Table[] {
  const tables = core.sqlite
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .all()
    .filter(({ name }) => !ftsStorage.test(name));
  return tables.map(({ name }) => {
    if (name.endsWith('_fts')) {
      core.sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."${name}_terms" USING fts5vocab(main, "${name}", 'instance')`);
      return { name, rows: core.sqlite.prepare(`SELECT term, doc, col, offset FROM temp."${name}_terms" ORDER BY 1, 2, 3, 4`).raw().all() as unknown[][] };
    }
    const columns = core.sqlite.prepare(`SELECT * FROM "${name}" LIMIT 0`).columns().map((column) => column.name);
    const hasRowid = !name.endsWith('_fts') && columns.length > 0;
    const select = `SELECT ${name.endsWith('_fts') ? 'rowid, ' : ''}* FROM "${name}" ORDER BY ${name === 'changes' ? 'seq' : hasRowid ? columns.map((_, index) => index + 1).join(', ') : 'rowid'}`;
    const rows = core.sqlite.prepare(select).raw().all() as unknown[][];
    if (name !== 'changes') return { name, rows };
    const changeId = columns.indexOf('change_id');
    return { name, rows: rows.map((cells) => cells.filter((_, index) => index !== changeId)) };
  });
}

/** The second folder's minted ids → the first's, paired by the order of the change log. */
function mintedIdPairs(first: TempCore, second: TempCore): [string, string][] {
  const rowIds = (core: TempCore) => core.sqlite.prepare<[], { row_id: string }>('SELECT row_id FROM changes ORDER BY seq').all().map((row) => row.row_id);
  const a = rowIds(first);
  const b = rowIds(second);
  expect(b.length).toBe(a.length);
  const pairs = new Map<string, string>();
  a.forEach((id, index) => {
    const other = b[index]!;
    if (other === id) return;
    pairs.set(other, id);
    // An item row is `<contact>:<item>`; its contact's id is renamed too.
    const [contactA] = id.split(':');
    const [contactB] = other.split(':');
    if (contactA && contactB && contactA !== contactB) pairs.set(contactB, contactA);
  });
  return [...pairs].sort((x, y) => y[0].length - x[0].length);
}

function renamed(tables: Table[], pairs: [string, string][]): Table[] {
  const rename = (cell: unknown) => {
    if (typeof cell !== 'string') return cell;
    let text = cell;
    for (const [from, to] of pairs) if (text.includes(from)) text = text.replaceAll(from, to);
    return text;
  };
  // Renaming can change the order of rows sorted by id: sort again.
  return tables.map(({ name, rows }) => ({ name, rows: rows.map((cells) => cells.map(rename)).sort((x, y) => (name === 'changes' ? 0 : JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)) }));
}

function csvOf(rows: Row[]): Uint8Array {
  const data = rows.map((entry) => [entry.id, entry.name, entry.company, entry.email, entry.phone, entry.mobile, entry.tags, entry.country]);
  return new TextEncoder().encode(Papa.unparse({ fields: ['Id', 'Name', 'Company', 'Email', 'Phone', 'Mobile Phone', 'Tags', 'Country'], data }));
}

describe('writing an import together or contact by contact', () => {
  it('leaves every table the same, whatever the file and what is done with duplicates', async () => {
    const seed = await seededFolder();
    await fc.assert(
      fc.asyncProperty(input, async ({ rows, onDuplicate, chunkRows }) => {
        const bytes = csvOf(rows);
        const results = [];
        for (const bulk of [true, false]) {
          const core = createTempCore({ dataDir: copyOf(seed), now });
          try {
            const deps = { dataDir: core.dataDir, sqlite: core.sqlite, engine: core.engine, settings: core.settings, contacts: core.contacts, now };
            // Together: chunks of the drawn size; alone: each row its own transaction, as an
            // ordinary write of one contact is.
            const report = await new ImportService(deps, bulk ? { chunkRows, bulk } : { chunkRows: 1, bulk }).run(bytes, importOptions({ onDuplicate }));
            results.push({ core, report });
          } catch (error) {
            core.dispose();
            throw error;
          }
        }
        const [together, alone] = results as [(typeof results)[0], (typeof results)[0]];
        try {
          expect({ ...together.report, batchId: '', startedAt: 0, finishedAt: 0 }).toEqual({ ...alone.report, batchId: '', startedAt: 0, finishedAt: 0 });
          const pairs = mintedIdPairs(together.core, alone.core);
          expect(renamed(everyTable(alone.core), pairs)).toEqual(renamed(everyTable(together.core), []));
          for (const word of ['smith', 'bob', 'park', 'vip', '7946']) {
            const found = (core: TempCore) =>
              core.sqlite.prepare<[string], { rowid: number }>('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid').all(`"${word}"*`).map((hit) => hit.rowid);
            expect(found(alone.core)).toEqual(found(together.core));
          }
        } finally {
          together.core.dispose();
          alone.core.dispose();
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
