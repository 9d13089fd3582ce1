import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../../src-shared/domain/contact';
import { ExportCsvOptionsSchema } from '../../../src-shared/domain/exchange';
import type { SettingsPatch } from '../../../src-shared/domain/settings';
import { ExchangeService } from '../../../src-main/exchange/service';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { allContacts, importOptions } from './helpers';

// The round trip of our own export: export every contact to CSV, import that file into an
// empty data folder, export again; the two files are identical, byte for byte.
// How identity holds: the standard export carries each contact's id, created and updated
// times, and lists (phones, e-mails, tags) in a form the import reads back exactly; an import
// of our own format keeps an id when no contact in the target folder has it (a new folder:
// always), and keeps the created/updated times it is given. Both folders have the same custom
// fields (a missing one would be created as text; the file would still be identical).

let work: string;
const cores: TempCore[] = [];
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-roundtrip-'));
});
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

const settings: SettingsPatch = {
  userName: 'Sam',
  customFields: [
    { id: 'boiler', label: 'Boiler', kind: 'choice', choices: ['Combi', 'System'] },
    { id: 'units', label: 'Units', kind: 'number' },
    { id: 'installed', label: 'Installed', kind: 'date' },
    { id: 'gate_code', label: 'Gate code', kind: 'text' },
  ],
};

async function folderWith(drafts: ContactDraft[]): Promise<TempCore> {
  const core = createTempCore();
  cores.push(core);
  await core.call('settings.update', settings);
  for (const draft of drafts) await core.call('contacts.create', { draft, allowDuplicate: true });
  return core;
}

async function exportAll(core: TempCore, name: string): Promise<string> {
  const file = path.join(work, name);
  await new ExchangeService(core).exportCsvTo(file, ExportCsvOptionsSchema.parse({ entity: 'contacts' }));
  return fs.readFileSync(file, 'utf8');
}

async function roundTrip(drafts: ContactDraft[], round: number) {
  const source = await folderWith(drafts);
  const first = await exportAll(source, `first-${round}.csv`);
  const target = createTempCore();
  cores.push(target);
  await target.call('settings.update', { ...settings, userName: 'Someone Else' });
  const report = await new ExchangeService(target).importFile(path.join(work, `first-${round}.csv`), importOptions({ onDuplicate: 'create' }));
  const second = await exportAll(target, `second-${round}.csv`);
  // Not only the same file: the same contacts, field for field, ids and times included.
  expect(allContacts(target)).toEqual(allContacts(source));
  return { first, second, report };
}

const awkward: ContactDraft[] = [
  {
    name: 'Ann "The Boss" Smith',
    company: 'Smith, Jones & Partners',
    jobTitle: 'Owner',
    phones: [
      { type: 'work', number: '020 7946 0958' },
      { type: 'work', number: '020 7946 0959' },
      { type: 'mobile', number: '+44 7700 900123' },
    ],
    emails: [
      { type: 'work', address: 'Ann@Smith-Jones.co.uk' },
      { type: 'personal', address: 'ann.smith@example.com' },
    ],
    address: { street: 'Unit 4\nRiverside Park', city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 6DT', country: 'United Kingdom' },
    contactType: 'lead',
    status: 'won',
    owner: 'Priya',
    source: 'Referral; from Bob',
    tags: ['VIP', 'boiler', 'Zürich office'],
    potentialValue: { amountMinor: 123456, currency: 'GBP' },
    summary: '  Leading spaces, "quotes", a comma,\nand a second line.  ',
    doNotContact: true,
    customFields: { boiler: 'Combi', units: 12.5, installed: '2024-03-01', gate_code: '=4411' },
  },
  { name: '=HYPERLINK("http://evil.example")', summary: '-minus first', owner: '' },
  { kind: 'company', name: 'Northside Lettings', potentialValue: { amountMinor: 5000, currency: 'JPY' } },
  { name: 'Zoë Ünal', emails: [{ type: 'other', address: '+tag@example.com' }], potentialValue: { amountMinor: 1234567, currency: 'KWD' } },
  { name: "Megan O'Brien", tags: ['a', 'A b', 'b'], summary: "'=already protected" },
];

describe('round trip of our own CSV export', () => {
  it('exports, imports into an empty folder and exports again to the same bytes', async () => {
    const { first, second, report } = await roundTrip(awkward, 0);
    expect(report.counts).toMatchObject({ rows: awkward.length, created: awkward.length, rejected: 0 });
    expect(second).toBe(first);
    expect(first.startsWith('\uFEFFId,Kind,Name,')).toBe(true);
    // Formula protection is part of the format, not lost on the way.
    expect(first).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
  });

  it('holds for any contacts Fieldbook can store', async () => {
    const untrimmed = (max: number) =>
      fc
        .string({ unit: fc.constantFrom('a', 'Z', 'é', ' ', ',', ';', '"', "'", '=', '-', '+', '@', '\n', '\t', '中', '1'), maxLength: max })
        .filter((value) => value.trim() !== '');
    // Fields the contact schema trims are stored trimmed; the summary is stored as typed.
    const text = (max: number) => untrimmed(max).map((value) => value.trim());
    const phone = fc.record({
      type: fc.constantFrom('mobile', 'work', 'home', 'main', 'fax', 'other'),
      number: fc.integer({ min: 900000, max: 900999 }).map((n) => `07700 ${n}`),
    });
    const email = fc.record({
      type: fc.constantFrom('work', 'personal', 'other'),
      address: fc.tuple(fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9+_-]{0,10}$/), fc.constantFrom('example.com', 'Example.co.uk')).map(([local, domain]) => `${local}@${domain}`),
    });
    const draft: fc.Arbitrary<ContactDraft> = fc.record({
      kind: fc.constantFrom('person', 'company'),
      name: text(40),
      company: fc.oneof(fc.constant(''), text(30)),
      phones: fc.array(phone, { maxLength: 3 }),
      emails: fc.array(email, { maxLength: 2 }).filter((list) => new Set(list.map((entry) => entry.address.toLowerCase())).size === list.length),
      address: fc.record({ street: fc.oneof(fc.constant(''), text(30)), city: fc.oneof(fc.constant(''), text(20)), region: fc.constant(''), postcode: fc.constant(''), country: fc.constant('') }),
      status: fc.constantFrom('active', 'won', 'lost', 'dormant'),
      owner: fc.oneof(fc.constant(''), text(10)),
      tags: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}[A-Za-z0-9]$/), { maxLength: 3, selector: (tag) => tag.toLowerCase() }),
      potentialValue: fc.option(fc.record({ amountMinor: fc.integer({ min: 0, max: 10 ** 12 }), currency: fc.constantFrom('GBP', 'EUR', 'JPY') }), { nil: null }),
      summary: fc.oneof(fc.constant(''), untrimmed(60)),
      doNotContact: fc.boolean(),
      customFields: fc.record({ units: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => Math.round(n * 1000) / 1000), gate_code: text(10) }, { requiredKeys: [] }),
    });
    let round = 1;
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 6 }), async (drafts) => {
        const { first, second, report } = await roundTrip(drafts, round++);
        expect(report.counts.rejected).toBe(0);
        expect(second).toBe(first);
        for (const core of cores.splice(0)) core.dispose();
      }),
      { numRuns: 12 },
    );
  });
});
