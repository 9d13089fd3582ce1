import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { createEverythingQueries } from '../../../src-main/search/everything-queries';
import { foldForSearch, searchWords } from '../../../src-shared/search-text';
import { previousRelease } from '../../helpers/previous-release';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Companies, deals, quotes and jobs are found on the search page through their own full-text
// indexes, kept by the write path: a word typed finds the records with a word starting so, in
// the text a person remembers of them (a job's title, description, address and its contact's
// name), and what changes that text (a rename, a deletion) changes what is found.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const kindsOf = async (core: TempCore, query: string, kind: 'company' | 'deal' | 'quote' | 'job') =>
  (await core.call('search.everything', { query, kinds: [kind], limit: 200 })).hits.map((hit) => hit.id).sort();

describe('the search index of companies, deals, quotes and jobs', () => {
  let core: TempCore;
  afterEach(() => core?.dispose());

  it('follows a contact rename and deletion, a deal deleted and restored, and a job edited', async () => {
    core = createTempCore({ autoSync: false });
    const contact = await core.call('contacts.create', { draft: { name: 'Priya Shah' } });
    const [pipeline] = await core.call('pipelines.list', {});
    const pipelineId = pipeline?.id ?? (await core.call('pipelines.createFromTemplate', { template: 'prospects' })).id;
    const deal = await core.call('deals.create', { contactId: contact.id, pipelineId, title: 'Loft conversion' });
    const quote = await core.call('quotes.create', { dealId: deal.id });
    const job = await core.call('jobs.create', { contactId: contact.id, title: 'Damp survey', description: 'North wall' });
    const company = await core.call('companies.create', { name: 'Harbour Lettings', domains: ['harbour.example'] });

    expect(await kindsOf(core, 'priya', 'deal')).toEqual([deal.id]);
    expect(await kindsOf(core, 'priya', 'quote')).toEqual([quote.id]);
    expect(await kindsOf(core, 'pri sha', 'job')).toEqual([job.id]);
    expect(await kindsOf(core, 'harbour.exa', 'company')).toEqual([company.id]);

    await core.call('contacts.update', { id: contact.id, patch: { name: 'Priya Okafor' } });
    expect(await kindsOf(core, 'shah', 'deal')).toEqual([]);
    expect(await kindsOf(core, 'shah', 'quote')).toEqual([]);
    expect(await kindsOf(core, 'shah', 'job')).toEqual([]);
    expect(await kindsOf(core, 'okafor', 'job')).toEqual([job.id]);
    expect(await kindsOf(core, 'okafor loft', 'quote')).toEqual([quote.id]);

    await core.call('contacts.delete', { id: contact.id });
    // A deleted contact's name no longer finds its work; the work's own words still do.
    expect(await kindsOf(core, 'okafor', 'job')).toEqual([]);
    expect(await kindsOf(core, 'damp', 'job')).toEqual([job.id]);

    await core.call('deals.delete', { id: deal.id });
    expect(await kindsOf(core, 'loft', 'deal')).toEqual([]);
    expect(await kindsOf(core, 'loft', 'quote')).toEqual([]);
    await core.call('deals.restore', { id: deal.id });
    expect(await kindsOf(core, 'loft', 'quote')).toEqual([quote.id]);

    await core.call('jobs.update', { id: job.id, patch: { title: 'Roof repair' } });
    expect(await kindsOf(core, 'damp', 'job')).toEqual([]);
    expect(await kindsOf(core, 'roof', 'job')).toEqual([job.id]);
    await core.call('jobs.delete', { id: job.id });
    expect(await kindsOf(core, 'roof', 'job')).toEqual([]);
  });

  it('lists the most recently written record of a kind first', async () => {
    core = createTempCore({ autoSync: false });
    const first = await core.call('jobs.create', { contactId: '', reach: { phone: '+441174960000' }, title: 'Gutter clearing' });
    const second = await core.call('jobs.create', { contactId: '', reach: { phone: '+441174960001' }, title: 'Gutter repair' });
    const queries = createEverythingQueries(core.sqlite);
    expect(queries.jobs(['gutter'], 10).map((row) => row.id)).toEqual([second.id, first.id]);
    await core.call('jobs.update', { id: first.id, patch: { description: 'Both sides' } });
    expect(queries.jobs(['gutter'], 10).map((row) => row.id)).toEqual([first.id, second.id]);
    expect(queries.jobs(['gutter'], 1).map((row) => row.id)).toEqual([first.id]);
  });
});

describe('upgrading to the search index of work', () => {
  it('indexes the companies, deals, quotes and jobs already there, but not deleted ones', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-upgrade-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'fieldbook.db');
    const old = openDatabase({ file, migrationsFolder: previousRelease('quotes_contact_and_segment_members', dirs) }).sqlite;
    old.exec(`
      INSERT INTO contacts (id, name, cl) VALUES ('c1', 'Olu Bello', 1), ('c2', 'Gone Person', 2);
      INSERT INTO companies (id, name, domains, cl) VALUES ('co1', 'Bello Builders', '["bello.example"]', 1), ('co2', 'Bello Old', '[]', 2);
      INSERT INTO deals (id, contact_id, title, cl) VALUES ('d1', 'c1', 'Kitchen refit', 1), ('d2', 'c2', 'Kitchen gone', 1), ('d3', 'c1', 'Kitchen deleted', 2);
      INSERT INTO quotes (id, deal_id, contact_id, number, cl) VALUES ('q1', 'd1', 'c1', 'Q-2026-0001', 1), ('q3', 'd3', 'c1', 'Q-2026-0003', 1);
      INSERT INTO jobs (id, contact_id, title, address, cl) VALUES ('j1', 'c1', 'Fit units', '12 Cotham Hill', 1);
    `);
    old.close();
    const sqlite = openDatabase({ file }).sqlite;
    const queries = createEverythingQueries(sqlite);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    expect(ids(queries.companies(['bello'], 10))).toEqual(['co1']);
    expect(ids(queries.deals(['kitchen'], 10))).toEqual(['d1', 'd2']);
    expect(ids(queries.deals(['gone', 'person'], 10))).toEqual([]);
    expect(ids(queries.quotes(['kitchen'], 10))).toEqual(['q1']);
    expect(ids(queries.quotes(['q', '0001'], 10))).toEqual(['q1']);
    expect(ids(queries.jobs(['olu', 'cotham'], 10))).toEqual(['j1']);
    sqlite.close();
  });
});

// The plain reading the index must agree with: a job is found when every typed word, case and
// accents set aside, starts one of the words of its title, description, address or contact's name.
describe('matching jobs against the plain reading', () => {
  let core: TempCore;
  beforeAll(() => {
    core = createTempCore({ autoSync: false });
  });
  afterAll(() => core.dispose());

  const vocabulary = ['Cotham', 'Hill', 'Clifton', 'boiler', 'Boilermaker', 'rewire', 'Zoë', 'Zoe', 'ÉCOLE', 'e-mail', 'St.', 'flat-2', '12b', 'o\u2019brien', 'road'];
  const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 4 }).map((words) => words.join(' '));

  it('finds exactly the jobs whose words start with every typed word', async () => {
    const contacts = [await core.call('contacts.create', { draft: { name: 'Zoë Brien' } }), await core.call('contacts.create', { draft: { name: 'Hill Farm Ltd' }, allowDuplicate: true })];
    const jobs = fc.sample(fc.record({ title: text.filter((value) => value.trim() !== ''), description: text, address: text, contact: fc.nat(2) }), { numRuns: 60, seed: 7 });
    for (const job of jobs) {
      const contact = contacts[job.contact];
      await core.call('jobs.create', {
        contactId: contact?.id ?? '',
        ...(contact ? {} : { reach: { phone: '+441174960000' } }),
        title: job.title,
        description: job.description,
        address: job.address,
      });
    }
    const stored = core.sqlite
      .prepare(`SELECT j.id, j.title || ' ' || j.description || ' ' || j.address || ' ' || COALESCE(c.name, '') AS text FROM jobs j LEFT JOIN contacts c ON c.id = j.contact_id WHERE j.cl % 2 = 1`)
      .all() as { id: string; text: string }[];
    const queries = createEverythingQueries(core.sqlite);
    const typed = fc.array(
      fc.constantFrom(...vocabulary).chain((word) => fc.nat(word.length).map((length) => word.slice(0, Math.max(1, length)))),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(typed, (parts) => {
        const words = searchWords(parts.join(' '));
        fc.pre(words.length > 0);
        const expected = stored
          .filter(({ text: recordText }) => {
            const recordWords = foldForSearch(recordText).split(/[^\p{L}\p{N}]+/u);
            return words.every((word) => recordWords.some((recordWord) => recordWord.startsWith(word)));
          })
          .map((row) => row.id)
          .sort();
        expect(queries.jobs(words, 1000).map((row) => row.id).sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
