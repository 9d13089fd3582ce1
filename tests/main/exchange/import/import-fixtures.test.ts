import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src-shared/domain/contact';
import type { ImportReport } from '../../../../src-shared/domain/exchange';
import { contactIdOfTagRow } from '../../../../src-main/contacts/search-index';
import { quotesReason } from '../../../../src-main/exchange/formats/csv-read';
import type { ExchangeService } from '../../../../src-main/exchange/service';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { allContacts, changeCount, contactNamed, exchangeOf, fixture, importOptions, untouchedState } from '../helpers';

let core: TempCore;
let exchange: ExchangeService;
let existing: Contact;

beforeEach(async () => {
  core = createTempCore();
  exchange = exchangeOf(core);
  await core.call('settings.update', { userName: 'Sam' });
  existing = await core.call('contacts.create', {
    draft: { name: 'Dan Okafor', phones: [{ type: 'mobile', number: '07700 900555' }], tags: ['electrician'] },
  });
  await core.call('notes.create', { contactId: existing.id, body: 'Met at the builders merchant.' });
});
afterEach(() => core.dispose());

/** Imports a fixture and checks that only the reported contacts changed, in the change log too. */
async function importChecked(file: string, options: Parameters<typeof importOptions>[0] = {}): Promise<ImportReport> {
  const before = untouchedState(core);
  const contactsBefore = new Map(allContacts(core).map((contact) => [contact.id, contact]));
  const firstNewChange = changeCount(core) + 1;
  const report = await exchange.importFile(fixture(file), importOptions({ fileName: file, ...options }));
  expect(untouchedState(core)).toEqual(before);
  const after = allContacts(core);
  const created = after.filter((contact) => !contactsBefore.has(contact.id));
  const updated = after.filter((contact) => contactsBefore.has(contact.id) && JSON.stringify(contact) !== JSON.stringify(contactsBefore.get(contact.id)));
  expect(created).toHaveLength(report.counts.created);
  expect(updated.length).toBeLessThanOrEqual(report.counts.updated);
  const touched = new Set([...created, ...updated].map((contact) => contact.id));
  const changed = core.sqlite
    .prepare('SELECT table_name, row_id FROM changes WHERE seq >= ?')
    .all(firstNewChange) as { table_name: string; row_id: string }[];
  for (const change of changed) {
    expect(['contacts', 'contact_tags', 'contact_phone_items', 'contact_email_items', 'contact_custom_values']).toContain(change.table_name);
    expect(touched.has(change.table_name === 'contacts' ? change.row_id : contactIdOfTagRow(change.row_id))).toBe(true);
  }
  return report;
}

describe('importing a Google Contacts export', () => {
  it('stores names, organisations, labelled phones and e-mails, multi-value cells, the address and labels', async () => {
    const report = await importChecked('google-contacts.csv');
    expect(report.counts).toEqual({ rows: 5, created: 4, updated: 0, skipped: 1, rejected: 0, createdDuplicates: 0 });
    expect(contactNamed(core, 'Zoë Hartley')).toMatchObject({
      kind: 'person',
      company: 'Hartley & Sons Builders',
      jobTitle: 'Director',
      phones: [
        { type: 'mobile', e164: '+447700900461' },
        { type: 'work', e164: '+442079460321' },
        { type: 'work', e164: '+442079460322' },
      ],
      emails: [
        { type: 'work', address: 'zoe@hartley-builders.co.uk' },
        { type: 'personal', address: 'zoe.h@gmail.com' },
      ],
      address: { street: '12 Market Street', city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 6DT', country: 'United Kingdom' },
      tags: ['Builders', 'VIP'],
      summary: 'Prefers calls after 4pm.\nGate code 4411.',
      owner: 'Sam',
      contactType: 'customer',
    });
    expect(contactNamed(core, 'Dr. José Álvarez')).toMatchObject({
      phones: [{ type: 'mobile', e164: '+447700900987' }],
      emails: [{ type: 'other', address: 'jose@example.es' }],
      tags: [],
    });
    expect(contactNamed(core, 'Northside Lettings')).toMatchObject({
      kind: 'company',
      phones: [{ type: 'main', e164: '+441134960000' }],
      address: { street: '3 Park Row, Suite 2', city: 'Leeds', postcode: 'LS1 5HD' },
      tags: ['Landlords'],
    });
    expect(contactNamed(core, "Megan O'Brien")).toMatchObject({ company: "O'Brien Design", phones: [{ type: 'work', e164: '+14155550132' }] });
  });

  it('reports the second card of the same person (same e-mail, other case) as a duplicate of the earlier row', async () => {
    const report = await importChecked('google-contacts.csv');
    expect(report.duplicates).toEqual([
      { line: 11, name: 'Zoe Hartley', reason: 'same e-mail zoe@hartley-builders.co.uk', existing: null, earlierLine: 2, action: 'skip' },
    ]);
  });
});

describe('importing an Outlook export', () => {
  it('matches a contact already in Fieldbook by phone and, when told to update, merges the row into it', async () => {
    const report = await importChecked('outlook-contacts.csv', { onDuplicate: 'update' });
    expect(report.counts).toEqual({ rows: 3, created: 2, updated: 1, skipped: 0, rejected: 0, createdDuplicates: 0 });
    expect(report.duplicates).toEqual([
      {
        line: 2,
        name: 'Mr. Daniel Okafor',
        reason: 'same phone +44 7700 900555',
        existing: { id: existing.id, name: 'Dan Okafor' },
        earlierLine: null,
        action: 'update',
      },
    ]);
    const daniel = core.contacts.get(existing.id);
    expect(daniel).toMatchObject({
      name: 'Mr. Daniel Okafor',
      company: 'Okafor Electrical Ltd',
      jobTitle: 'Owner',
      // Kept, then the new number; "Primary Phone" repeats the mobile and is stored once.
      phones: [
        { type: 'mobile', e164: '+447700900555' },
        { type: 'work', e164: '+441614960123' },
      ],
      emails: [{ type: 'other', address: 'dan@okafor-electrical.co.uk' }],
      address: { street: 'Unit 4, Riverside Park', city: 'Manchester', postcode: 'M15 4PS', country: 'United Kingdom' },
      tags: ['electrician', 'Electricians', 'Preferred'],
      summary: 'Quoted for rewiring in March.\nCall before visiting.',
      source: 'Hartley & Sons',
    });
    expect(core.notes.listForContact(existing.id).map((note) => note.body)).toEqual(['Met at the builders merchant.']);
  });

  it('takes the home address when a row has no business address', async () => {
    await importChecked('outlook-contacts.csv');
    expect(contactNamed(core, 'Mrs. Priya Shah')).toMatchObject({
      address: { street: '7 Rose Lane', city: 'Bristol', region: '', postcode: 'BS1 4DJ', country: 'United Kingdom' },
      phones: [{ type: 'home', e164: '+441174960777' }],
      emails: [{ type: 'other', address: 'priya.shah@example.com' }],
    });
    // In the order of the file's columns: Outlook puts "Business Fax" before "Mobile Phone".
    expect(contactNamed(core, 'Tom Reed')).toMatchObject({
      phones: [
        { type: 'fax', e164: '+441614960999' },
        { type: 'mobile', e164: '+447700900777' },
      ],
      emails: [
        { type: 'other', address: 'tom@reed-roofing.example' },
        { type: 'other', address: 'tom.reed@home.example' },
      ],
    });
  });

  it('skips a duplicate by default and leaves the existing contact as it was', async () => {
    const report = await importChecked('outlook-contacts.csv');
    expect(report.counts).toMatchObject({ created: 2, updated: 0, skipped: 1 });
    expect(core.contacts.get(existing.id)).toEqual(existing);
  });
});

describe('importing a semicolon-separated Windows-1252 file from a German Excel', () => {
  it('decodes the bytes, finds the delimiter and reads numbers in the region given', async () => {
    const preview = await exchange.previewFile(fixture('latin1-semicolon.csv'), importOptions({ region: 'DE' }));
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headers: expect.arrayContaining(['Straße']) });
    const report = await importChecked('latin1-semicolon.csv', { region: 'DE' });
    expect(report.counts).toMatchObject({ rows: 3, created: 3, rejected: 0 });
    expect(contactNamed(core, 'Jürgen Weiß')).toMatchObject({
      company: 'Bäckerei Weiß GmbH',
      phones: [
        { type: 'other', e164: '+49301234567' },
        { type: 'mobile', e164: '+4915123456789' },
      ],
      emails: [{ type: 'work', address: 'juergen@baeckerei-weiss.de' }],
      address: { street: 'Hauptstraße 5', postcode: '10115', city: 'Berlin', country: 'Deutschland' },
      summary: 'Kunde seit 2019 – Rechnung über 250 €',
    });
    expect(contactNamed(core, 'Zoë Müller').summary).toBe('Öffnungszeiten: Mo–Fr; samstags nur nach Absprache');
    expect(contactNamed(core, 'François Lefèvre').company).toBe('Café Lefèvre');
  });

  it('reads each row’s numbers in the country of its address, so German numbers stay German in an office in the UK', async () => {
    const report = await importChecked('latin1-semicolon.csv', { region: 'GB' });
    expect(report.counts).toMatchObject({ rows: 3, created: 3, rejected: 0 });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    const juergen = contactNamed(core, 'Jürgen Weiß');
    expect(juergen.emails).toEqual([{ type: 'work', address: 'juergen@baeckerei-weiss.de' }]);
    expect(juergen.phones.map((phone) => phone.e164).sort()).toEqual(['+4915123456789', '+49301234567']);
    expect(juergen.summary).toBe('Kunde seit 2019 – Rechnung über 250 €');
  });
});

// The rule for values: a person is never dropped for one value. An e-mail or phone that cannot
// be used is left out of its field, kept in the summary as written, and reported as a warning;
// a placeholder ("n/a", Outlook's "BusinessPhone") is only reported. A row is refused only when
// it is structurally broken or nothing is left to name the contact by.
describe('importing a file with quoted newlines and broken rows', () => {
  it('stores every person, keeps a value it cannot use as written, and refuses only the rows that cannot be a contact', async () => {
    const report = await importChecked('broken-rows.csv');
    expect(report.counts).toEqual({ rows: 8, created: 5, updated: 0, skipped: 0, rejected: 3, createdDuplicates: 0 });
    expect(report.problems).toEqual([
      { line: 6, reason: quotesReason },
      { line: 7, reason: expect.stringMatching(/^The row has 7 fields but the header has 5/) },
      { line: 10, reason: 'The row has no name, company, e-mail or phone Fieldbook can use.' },
    ]);
    expect(report.warnings).toEqual([
      { line: 9, reason: 'E-mail "fay@@example" (column "Email") is not a valid address; kept in the summary as written.' },
    ]);
    expect(report.warningCount).toBe(1);
    expect(allContacts(core).map((contact) => contact.name)).toEqual(['Ann Smith', 'Bob Jones', 'Carla Diaz', 'Dan Okafor', 'Fay Bademail', 'Gus Last']);
    expect(contactNamed(core, 'Fay Bademail')).toMatchObject({ emails: [], summary: 'Imported as written: e-mail fay@@example' });
    expect(contactNamed(core, 'Ann Smith').summary).toBe('Boiler service due.\nPrefers mornings.');
    expect(contactNamed(core, 'Bob Jones').summary).toBe('He said "call me Bobby"');
    expect(contactNamed(core, 'Carla Diaz').company).toBe('Diaz, Reyes & Co');
    expect(contactNamed(core, 'Gus Last').summary).toBe('multi\nline\nnote');
  });

  it('offers the refused rows as a CSV with the original columns, the line and the reason', async () => {
    const report = await importChecked('broken-rows.csv');
    expect(report.hasErrorFile).toBe(true);
    const { fileName, csv } = exchange.importErrors(report.batchId);
    expect(fileName).toBe('broken-rows - rows not imported.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[0]).toEqual(['Name', 'Company', 'Email', 'Phone', 'Notes', 'Fieldbook line', 'Fieldbook problem']);
    expect(rows.slice(1).map((row) => [row[0], row[5]])).toEqual([
      ['"Dan Unclosed,Acme,dan@acme.example,07700 900222,oops', '6'],
      ['Eve Extra', '7'],
      ['', '10'],
    ]);
  });
});

describe('importing a file with numbers and e-mails that cannot be used', () => {
  it('imports each person with what can be used, keeps the rest as written, skips placeholders, and says why for every value', async () => {
    const report = await importChecked('bad-values.csv');
    expect(report.counts).toEqual({ rows: 5, created: 3, updated: 0, skipped: 0, rejected: 2, createdDuplicates: 0 });
    expect(report.warnings).toEqual([
      { line: 2, reason: 'Phone "12345" (column "Business Phone") has too few digits for a number in GB; kept in the summary as written.' },
      { line: 3, reason: 'Phone "BusinessPhone" (column "Mobile Phone") is a placeholder, not a number; left out.' },
      { line: 3, reason: 'E-mail "n/a" (column "E-mail Address") is a placeholder, not an address; left out.' },
      { line: 6, reason: 'Phone "+1 (212) 204-34456" (column "Business Phone") has too many digits for its country code; kept in the summary as written.' },
    ]);
    expect(report.problems).toEqual([
      { line: 4, reason: 'The row has no name, company, e-mail or phone Fieldbook can use.' },
      { line: 5, reason: 'The row has no name, company, e-mail or phone Fieldbook can use (what it has cannot be used: phone 0123).' },
    ]);
    expect(contactNamed(core, 'Hal Badphone')).toMatchObject({
      emails: [{ address: 'hal@example.com' }],
      phones: [],
      summary: 'Call after 5\n\nImported as written: phone 12345',
    });
    expect(contactNamed(core, 'Ida Noemail')).toMatchObject({ emails: [], phones: [{ type: 'work', e164: '+442079460958' }], summary: '' });
    expect(contactNamed(core, 'Jon Toolong')).toMatchObject({
      emails: [{ address: 'jon@example.com' }],
      phones: [{ type: 'mobile', e164: '+447700900123' }],
      summary: 'Imported as written: phone +1 (212) 204-34456',
    });
  });

  it("shows each row's warnings and the contact as it will be stored in the preview", async () => {
    const preview = await exchange.previewFile(fixture('bad-values.csv'), importOptions());
    const hal = preview.preview.find((row) => row.line === 2)!;
    expect(hal.contact).toMatchObject({ name: 'Hal Badphone', phones: [], summary: 'Call after 5\n\nImported as written: phone 12345' });
    expect(hal.warnings).toEqual(['Phone "12345" (column "Business Phone") has too few digits for a number in GB; kept in the summary as written.']);
    expect(preview.counts).toMatchObject({ created: 3, rejected: 2 });
    expect(preview.warningCount).toBe(4);
  });
});

describe('importing vCards', () => {
  it('imports every card of a file as one batch, keeping a number it cannot read as written', async () => {
    const report = await importChecked('contacts-4.0.vcf');
    expect(report.format).toBe('vcard');
    expect(report.counts).toMatchObject({ rows: 3, created: 2, skipped: 1, rejected: 0 });
    // Daniel's mobile is Dan Okafor's: a duplicate of the contact already here, skipped.
    expect(report.duplicates[0]).toMatchObject({ line: 1, existing: { id: existing.id }, action: 'skip' });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([{ line: 24, reason: 'Phone "12" (TEL at line 24) has too few digits for a number in GB; kept in the summary as written.' }]);
    expect(contactNamed(core, 'Broken Number')).toMatchObject({ phones: [], summary: 'Imported as written: phone 12' });
    expect(contactNamed(core, 'Okafor Electrical Ltd').kind).toBe('company');
  });
});
