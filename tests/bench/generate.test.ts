import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { generateDataSet } from '../../bench/generate';
import { createCore, type Core } from '../../src-main/core/create-core';
import { readChangeLog } from '../../src-main/writes/change-log';

const folders: string[] = [];
const cores: Core[] = [];

function generate(seed: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-generate-'));
  folders.push(dataDir);
  const summary = generateDataSet(dataDir, { contacts: 120, seed, timelinePerContact: 3, sliceContacts: 40 });
  const core = createCore({ dataDir, shell: 'test', logError: () => {}, autoSync: false });
  cores.push(core);
  return { core, summary };
}

/** What a seed determines: the contacts' content in creation order (ids and clocks are minted by the core). */
function contents(core: Core) {
  return core.sqlite
    .prepare(
      `SELECT kind, name, company, job_title, phones, emails, address_city, contact_type, status, owner, source,
              potential_value_minor, do_not_contact, created_at,
              (SELECT group_concat(tag, ',') FROM (SELECT tag FROM contact_tags t WHERE t.contact_id = c.id AND t.present = 1 ORDER BY tag)) AS tags
       FROM contacts c ORDER BY created_at, name`,
    )
    .all();
}

afterAll(() => {
  for (const core of cores) core.close();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('bench data generator', () => {
  let first: ReturnType<typeof generate>;
  let again: ReturnType<typeof generate>;
  let other: ReturnType<typeof generate>;
  beforeAll(() => {
    first = generate(7);
    again = generate(7);
    other = generate(8);
  });

  it('gives the same contacts for the same seed, and others for another seed', () => {
    expect(first.summary.counts).toEqual(again.summary.counts);
    expect(contents(again.core)).toEqual(contents(first.core));
    expect(contents(other.core)).not.toEqual(contents(first.core));
  });

  it('writes through the real write path: every contact, note and call has its change records', () => {
    const log = readChangeLog(first.core.sqlite);
    const contactsLogged = new Set(log.filter((entry) => entry.change.tableName === 'contacts').map((entry) => entry.change.rowId));
    const contactIds = (first.core.sqlite.prepare('SELECT id FROM contacts').all() as { id: string }[]).map((row) => row.id);
    expect(contactIds.length).toBe(120);
    for (const id of contactIds) expect(contactsLogged.has(id)).toBe(true);
    const tables = new Set(log.map((entry) => entry.change.tableName));
    expect([...tables]).toEqual(expect.arrayContaining(['contacts', 'contact_tags', 'notes', 'calls', 'follow_ups']));
    expect(first.summary.changes).toBe(log.length);
  });

  it('stores valid UK and US numbers in E.164', () => {
    const rows = first.core.sqlite.prepare('SELECT e164 FROM contact_phones').all() as { e164: string }[];
    expect(rows.length).toBeGreaterThan(50);
    for (const { e164 } of rows) {
      expect(e164).toMatch(/^\+(44|1)\d{9,10}$/);
      expect(parsePhoneNumberFromString(e164)?.isValid()).toBe(true);
    }
  });

  it('is found by search: a generated contact comes up for the last four digits of its phone', async () => {
    const row = first.core.sqlite
      .prepare(`SELECT c.id, p.e164 FROM contacts c JOIN contact_phones p ON p.contact_id = c.id WHERE c.cl % 2 = 1 ORDER BY c.created_at LIMIT 1 OFFSET 10`)
      .get() as { id: string; e164: string };
    const result = await first.core.invoke('contacts.list', { query: row.e164.slice(-4), limit: 500 });
    expect(result.ok).toBe(true);
    const ids = (result as { ok: true; data: { items: { id: string }[] } }).data.items.map((item) => item.id);
    expect(ids).toContain(row.id);
  });

  it('makes people and companies, near-duplicates, and a skewed spread of owners', () => {
    const kinds = first.core.sqlite.prepare('SELECT kind, COUNT(*) AS n FROM contacts GROUP BY kind').all() as { kind: string; n: number }[];
    expect(kinds.map((row) => row.kind).sort()).toEqual(['company', 'person']);
    const owners = first.core.sqlite
      .prepare("SELECT owner, COUNT(*) AS n FROM contacts WHERE owner != '' GROUP BY owner ORDER BY n DESC")
      .all() as { owner: string; n: number }[];
    expect(owners[0]!.n).toBeGreaterThan(owners[owners.length - 1]!.n * 2);
    expect(first.summary.counts.nearDuplicates).toBeGreaterThan(0);
  });
});
