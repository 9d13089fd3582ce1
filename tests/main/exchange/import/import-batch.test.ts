import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src-shared/domain/contact';
import { AppError } from '../../../../src-shared/errors';
import { everydayPageCacheKiB } from '../../../../src-main/db/open';
import { importPageCacheKiB, ImportService } from '../../../../src-main/exchange/import/service';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { allContacts, changeCount, contactNamed, importOptions, untouchedState } from '../helpers';

let core: TempCore;
let imports: ImportService;
let ann: Contact;

beforeEach(async () => {
  core = createTempCore();
  // Two rows per chunk, so that a handful of rows exercise several transactions.
  imports = new ImportService(core, { chunkRows: 2 });
  ann = await core.call('contacts.create', {
    draft: {
      name: 'Ann Smith',
      company: 'Smith Plumbing',
      jobTitle: 'Owner',
      phones: [{ type: 'work', number: '020 7946 0958' }],
      emails: [{ type: 'work', address: 'ann@smith-plumbing.co.uk' }],
      tags: ['VIP'],
    },
  });
});
afterEach(() => core.dispose());

const csv = (text: string) => new TextEncoder().encode(text);
const run = (text: string, options: Parameters<typeof importOptions>[0] = {}) => imports.run(csv(text), importOptions(options));

describe('duplicates', () => {
  const file = 'Name,Email,Phone,Job Title,Tags\nAnnie Smith,ANN@smith-plumbing.co.uk,07700 900123,,boiler\nBob Jones,bob@example.com,,,\n';

  it('skips a row matching a stored contact by e-mail, whatever its case, and says which contact', async () => {
    const report = await run(file);
    expect(report.counts).toMatchObject({ created: 1, skipped: 1 });
    expect(report.duplicates).toEqual([
      { line: 2, name: 'Annie Smith', reason: 'same e-mail ann@smith-plumbing.co.uk', existing: { id: ann.id, name: 'Ann Smith' }, earlierLine: null, action: 'skip' },
    ]);
    expect(core.contacts.get(ann.id)).toEqual(ann);
  });

  it('adds a later row to the contact an earlier row of the same chunk created, keeping the numbers that row gave', async () => {
    const report = await run('Name,Email,Phone\nCleo Park,cleo@park.ie,07700 900123\nCleo Park,cleo@park.ie,020 7946 0999\n', { onDuplicate: 'update' });
    expect(report.counts).toMatchObject({ created: 1, updated: 1 });
    expect(contactNamed(core, 'Cleo Park').phones).toEqual([
      { type: 'other', e164: '+447700900123' },
      { type: 'other', e164: '+442079460999' },
    ]);
  });

  it('updates the stored contact with what the row has, adding to its lists and keeping what the row leaves empty', async () => {
    const report = await run(file, { onDuplicate: 'update' });
    expect(report.counts).toMatchObject({ created: 1, updated: 1, createdDuplicates: 0 });
    expect(core.contacts.get(ann.id)).toMatchObject({
      name: 'Annie Smith',
      company: 'Smith Plumbing',
      jobTitle: 'Owner',
      phones: [
        { type: 'work', e164: '+442079460958' },
        { type: 'other', e164: '+447700900123' },
      ],
      emails: [{ type: 'work', address: 'ann@smith-plumbing.co.uk' }],
      tags: ['boiler', 'VIP'],
    });
  });

  it('creates the row anyway when asked, counting it as a duplicate created', async () => {
    const report = await run(file, { onDuplicate: 'create' });
    expect(report.counts).toMatchObject({ created: 2, skipped: 0, createdDuplicates: 1 });
    expect(allContacts(core).map((contact) => contact.name)).toEqual(['Ann Smith', 'Annie Smith', 'Bob Jones']);
  });

  it('follows a choice made for one line over the choice for all', async () => {
    const twice = 'Name,Phone\nAnn S,020 7946 0958\nAnn Smith (office),+44 20 7946 0958\n';
    const report = await run(twice, { onDuplicate: 'skip', decisions: { '3': 'create' } });
    expect(report.duplicates.map((duplicate) => [duplicate.line, duplicate.action])).toEqual([
      [2, 'skip'],
      [3, 'create'],
    ]);
    expect(allContacts(core).map((contact) => contact.name)).toEqual(['Ann Smith', 'Ann Smith (office)']);
  });

  it('finds duplicates among the rows of the file, by E.164 whatever the writing, and merges them on update', async () => {
    const text = 'Name,Phone,Email\nCarl Dee,07700 900200,\nC. Dee,+44 7700 900200,carl@example.com\nDee Carl,0044 7700 900200,\n';
    const report = await run(text, { onDuplicate: 'update' });
    expect(report.counts).toMatchObject({ rows: 3, created: 1, updated: 2 });
    expect(report.duplicates.map((duplicate) => [duplicate.line, duplicate.earlierLine, duplicate.existing])).toEqual([
      [3, 2, null],
      [4, 2, null],
    ]);
    expect(contactNamed(core, 'Dee Carl')).toMatchObject({
      phones: [{ type: 'other', e164: '+447700900200' }],
      emails: [{ type: 'work', address: 'carl@example.com' }],
    });
  });

  it('treats a row of our own export with the id of a stored contact as that contact', async () => {
    const text = `Id,Name,Phones,E-mails,Contact Type,Status\n${ann.id},Ann Smith-Jones,,,customer,won\n`;
    const report = await run(text, { onDuplicate: 'update' });
    expect(report.duplicates[0]).toMatchObject({ reason: `same id ${ann.id}`, existing: { id: ann.id } });
    expect(core.contacts.get(ann.id)).toMatchObject({ name: 'Ann Smith-Jones', status: 'won', phones: ann.phones });
  });
});

describe('ids of our own export', () => {
  it('keeps an id no contact here has, and makes a new one for an id a deleted contact still holds', async () => {
    const bob = await core.call('contacts.create', { draft: { name: 'Bob' } });
    await core.call('contacts.delete', { id: bob.id });
    const text = `Id,Name,Phones,E-mails,Contact Type\nfresh-id-1,Cleo,,,customer\n${bob.id},Bob Again,,,customer\n`;
    await run(text);
    expect(contactNamed(core, 'Cleo').id).toBe('fresh-id-1');
    expect(contactNamed(core, 'Bob Again').id).not.toBe(bob.id);
  });

  it('names a contact by id as an earlier row of the same chunk left it', async () => {
    // The chunk's ids are looked up together before its rows are planned; row 2 updates Ann
    // (same e-mail) before row 3 names her by id, so row 3 must meet her new name.
    const text = `Id,Name,Phones,E-mails,Contact Type\n,Annie Smith,,ann@smith-plumbing.co.uk,customer\n${ann.id},Ann S,,,customer\n`;
    const report = await run(text, { onDuplicate: 'update' });
    expect(report.duplicates.map((found) => [found.line, found.reason, found.existing])).toEqual([
      [2, 'same e-mail ann@smith-plumbing.co.uk', { id: ann.id, name: 'Ann Smith' }],
      [3, `same id ${ann.id}`, { id: ann.id, name: 'Annie Smith' }],
    ]);
  });
});

describe('undo', () => {
  const file = 'Name,Email,Phone,Job Title\nAnn Smith,ann@smith-plumbing.co.uk,07700 900123,Director\nBob Jones,bob@example.com,,\nCleo Park,cleo@example.com,,\nDev Rao,dev@example.com,,\n';

  it('deletes the contacts an import created and reverts the ones it updated, in one go', async () => {
    const before = allContacts(core);
    const report = await run(file, { onDuplicate: 'update' });
    expect(allContacts(core)).toHaveLength(4);
    const result = await imports.undo(report.batchId);
    expect(result).toEqual({ batchId: report.batchId, removed: 3, reverted: 1, keptLaterEdits: 0 });
    expect(allContacts(core).map(({ updatedAt: _updatedAt, ...contact }) => contact)).toEqual(
      before.map(({ updatedAt: _updatedAt, ...contact }) => contact),
    );
  });

  it('leaves a field someone changed after the import as they left it', async () => {
    const report = await run(file, { onDuplicate: 'update' });
    await core.call('contacts.update', { id: ann.id, patch: { jobTitle: 'Managing Director' } });
    const result = await imports.undo(report.batchId);
    expect(result.keptLaterEdits).toBe(1);
    expect(core.contacts.get(ann.id)).toMatchObject({ jobTitle: 'Managing Director', phones: ann.phones });
  });

  it('leaves deleted contacts restorable and refuses to undo the same import twice', async () => {
    const report = await run(file);
    await imports.undo(report.batchId);
    const bobId = core.sqlite.prepare("SELECT id FROM contacts WHERE name = 'Bob Jones'").pluck().get() as string;
    expect((await core.call('contacts.restore', { id: bobId })).name).toBe('Bob Jones');
    await expect(imports.undo(report.batchId)).rejects.toMatchObject({ code: 'conflict' });
    expect(imports.batches.list()[0]).toMatchObject({ batchId: report.batchId, undoneAt: expect.any(Number) });
  });
});

describe('cancelling', () => {
  it('stops between chunks and takes out what the run had stored', async () => {
    const controller = new AbortController();
    const before = allContacts(core);
    const report = await imports.run(csv('Name\nA1\nA2\nA3\nA4\nA5\nA6\n'), importOptions(), {
      signal: controller.signal,
      onProgress: (phase, done) => {
        if (phase === 'writing' && done >= 2) controller.abort();
      },
    });
    expect(report.state).toBe('cancelled');
    expect(allContacts(core)).toEqual(before);
    expect(imports.batches.list()).toEqual([]);
    expect(fs.readdirSync(imports.batches.dir)).toEqual([]);
  });
});

describe('memory', () => {
  const cacheSize = () => core.sqlite.pragma('cache_size', { simple: true });

  it('gives back the larger page cache of a run when it ends, cancelled or done', async () => {
    const everyday = cacheSize();
    let during: unknown;
    const controller = new AbortController();
    await imports.run(csv('Name\nA1\nA2\nA3\n'), importOptions(), {
      signal: controller.signal,
      onProgress: (phase) => {
        if (phase !== 'writing') return;
        during = cacheSize();
        controller.abort();
      },
    });
    expect(during).toBe(-importPageCacheKiB);
    expect(cacheSize()).toBe(everyday);
    await run('Name\nC1\n');
    expect(cacheSize()).toBe(everyday);
    expect(everyday).toBe(-everydayPageCacheKiB);
  });
});

describe('bad input changes nothing', () => {
  it('refuses a mapping to a column the file does not have', async () => {
    const changes = changeCount(core);
    await expect(run('Name\nAnn\n', { mapping: [{ column: 3, target: { field: 'name' } }] })).rejects.toThrow(
      'The file has 1 columns; there is no column 4.',
    );
    expect(changeCount(core)).toBe(changes);
  });

  it('refuses a mapping to a custom field that does not exist unless it is to be created', async () => {
    const error = await run('Name,Gate\nAnn,1234\n', { mapping: [{ column: 0, target: { field: 'name' } }, { column: 1, target: { field: 'custom', customFieldId: 'gate' } }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'mapping.1.target.customFieldId' });
  });

  it('refuses a region that is not a country', async () => {
    await expect(run('Name\nAnn\n', { region: 'XX' })).rejects.toMatchObject({ code: 'invalid_input', field: 'region' });
  });

  it('refuses an empty file', async () => {
    await expect(run('\n\n')).rejects.toMatchObject({ code: 'invalid_input', message: 'The file is empty.' });
  });
});

describe('values', () => {
  it('creates a custom field the mapping asks for, and stores numbers, choices and amounts typed the local way', async () => {
    await core.call('settings.update', {
      customFields: [{ id: 'boiler', label: 'Boiler', kind: 'choice', choices: ['Combi', 'System'] }],
    });
    const state = untouchedState(core);
    const text = 'Name;Boiler;Units;Value;Currency;Do not contact;Status\nHotel Ritz;combi;12,5;1.234,50;EUR;ja;won\n';
    await run(text, {
      mapping: [
        { column: 0, target: { field: 'name' } },
        { column: 1, target: { field: 'custom', customFieldId: 'boiler' } },
        { column: 2, target: { field: 'custom', customFieldId: 'units', create: { label: 'Units', kind: 'number' } } },
        { column: 3, target: { field: 'potentialValue' } },
        { column: 4, target: { field: 'currency' } },
        { column: 5, target: { field: 'doNotContact' } },
        { column: 6, target: { field: 'status' } },
      ],
    });
    expect(contactNamed(core, 'Hotel Ritz')).toMatchObject({
      customFields: { boiler: 'Combi', units: 12.5 },
      potentialValue: { amountMinor: 123450, currency: 'EUR' },
      doNotContact: true,
      status: 'won',
    });
    expect(core.settings.get().customFields.map((def) => def.id)).toEqual(['boiler', 'units']);
    expect(JSON.parse(state.settings).customFields).toHaveLength(1);
  });

  it('strips the apostrophe spreadsheets use to keep a formula as text', async () => {
    await run("Name,Notes\nAnn,'=SUM(A1)\n");
    expect(contactNamed(core, 'Ann').summary).toBe('=SUM(A1)');
  });

  it('reads a vCard upload picked by its content, whatever the file is called', async () => {
    const report = await imports.run(fs.readFileSync(path.resolve(__dirname, '../../../fixtures/import/android-2.1.vcf')), importOptions({ fileName: 'contacts.txt' }));
    expect(report).toMatchObject({ format: 'vcard', counts: { created: 1 } });
  });
});
