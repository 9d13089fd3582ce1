import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src-shared/domain/contact';
import { ExportCsvOptionsSchema, ExportVcardOptionsSchema, type ExportCsvOptionsInput } from '../../../../src-shared/domain/exchange';
import { ExchangeService } from '../../../../src-main/exchange/service';
import { contactsExportPageCacheKiB } from '../../../../src-main/exchange/export/csv';
import { everydayPageCacheKiB } from '../../../../src-main/db/open';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';

let core: TempCore;
let exchange: ExchangeService;
let ann: Contact;
let bob: Contact;

const now = () => Date.UTC(2026, 0, 15, 9, 30);

beforeEach(async () => {
  core = createTempCore({ now });
  exchange = new ExchangeService({ ...core, now });
  await core.call('settings.update', { userName: 'Sam', customFields: [{ id: 'units', label: 'Units', kind: 'number' }] });
  ann = await core.call('contacts.create', {
    draft: {
      name: 'Ann Smith',
      company: 'Smith Plumbing',
      jobTitle: 'Owner',
      phones: [
        { type: 'work', number: '020 7946 0958' },
        { type: 'mobile', number: '07700 900123' },
      ],
      emails: [{ type: 'work', address: 'ann@smith-plumbing.co.uk' }],
      address: { street: '1 High St', city: 'Leeds', postcode: 'LS1 1AA', country: 'United Kingdom' },
      status: 'won',
      tags: ['VIP'],
      potentialValue: { amountMinor: 123450, currency: 'GBP' },
      source: 'Website',
      summary: '=cmd|calc',
      customFields: { units: 2.5 },
    },
  });
  bob = await core.call('contacts.create', {
    draft: { kind: 'company', name: 'Bob Builders', owner: 'Priya', potentialValue: { amountMinor: 5000, currency: 'JPY' } },
  });
});
afterEach(() => core.dispose());

async function exportRows(options: ExportCsvOptionsInput) {
  const file = path.join(core.dataDir, 'out.csv');
  const result = await exchange.exportCsvTo(file, ExportCsvOptionsSchema.parse(options));
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ExportCsvOptionsSchema.parse(options).delimiter, skipEmptyLines: true });
  return { result, text, header: parsed.data[0]!, rows: parsed.data.slice(1) };
}

describe('CSV export for accountants', () => {
  it('writes every phone and e-mail, labels as shown, office-time dates, plain decimals with their currency, UTF-8 with BOM and the chosen delimiter', async () => {
    await core.call('settings.update', { timeZone: 'Europe/Paris' });
    const { text, header, rows, result } = await exportRows({ entity: 'contacts', preset: 'accountant', delimiter: ';' });
    expect(text.startsWith('\uFEFFId;Name;Company;')).toBe(true);
    expect(text).toContain('\r\n');
    expect(header).toEqual([
      'Id', 'Name', 'Company', 'Kind', 'Phones', 'E-mails', 'Street', 'City', 'Region', 'Postcode', 'Country',
      'Contact Type', 'Status', 'Owner', 'Potential Value', 'Currency', 'Next Follow-up', 'Created', 'Updated',
    ]);
    expect(result.rows).toBe(2);
    const annRow = [ann.id, 'Ann Smith', 'Smith Plumbing', 'Person', 'Work: 020 7946 0958; Mobile: +44 7700 900123', 'Work: ann@smith-plumbing.co.uk'];
    expect(rows).toEqual([
      [...annRow, '1 High St', 'Leeds', '', 'LS1 1AA', 'United Kingdom', 'Customer', 'Won', 'Sam', '1234.50', 'GBP', '', '2026-01-15T10:30:00', '2026-01-15T10:30:00'],
      [bob.id, 'Bob Builders', '', 'Company', '', '', '', '', '', '', '', 'Customer', 'Active', 'Priya', '5000', 'JPY', '', '2026-01-15T10:30:00', '2026-01-15T10:30:00'],
    ]);
  });

  it('writes amounts with a decimal comma when asked, for Excel in such locales', async () => {
    const { rows } = await exportRows({ entity: 'contacts', preset: 'accountant', delimiter: ';', decimalComma: true, columns: ['name', 'potentialValue', 'currency'] });
    expect(rows[0]).toEqual(['Ann Smith', '1234,50', 'GBP']);
  });

  it('leaves the byte order mark out when asked', async () => {
    const { text } = await exportRows({ entity: 'contacts', bom: false, columns: ['name'] });
    expect(text).toBe('Name\r\nAnn Smith\r\nBob Builders\r\n');
  });
});

describe('CSV export of the current view and of picked columns', () => {
  it('exports only the contacts the list shows, in its order', async () => {
    await core.call('contacts.create', { draft: { name: 'Cleo VIP', tags: ['vip'] } });
    const { rows } = await exportRows({
      entity: 'contacts',
      columns: ['name', 'tags'],
      view: { query: '', filters: { tag: 'VIP', owner: 'team' }, sort: { field: 'name', direction: 'desc' } },
    });
    expect(rows).toEqual([
      ['Cleo VIP', 'vip'],
      ['Ann Smith', 'VIP'],
    ]);
    const mine = await exportRows({ entity: 'contacts', columns: ['name'], view: { query: 'plumb', filters: { owner: 'mine' }, sort: { field: 'name', direction: 'asc' } } });
    expect(mine.rows).toEqual([['Ann Smith']]);
  });

  it('writes Salesforce contact import field names, splitting names and picking phones by type', async () => {
    const { header, rows } = await exportRows({ entity: 'contacts', preset: 'salesforce' });
    expect(header).toEqual([
      'FirstName', 'LastName', 'Account Name', 'Title', 'Email', 'Phone', 'MobilePhone', 'HomePhone', 'Fax', 'MailingStreet', 'MailingCity',
      'MailingState', 'MailingPostalCode', 'MailingCountry', 'LeadSource', 'Description', 'DoNotCall',
    ]);
    expect(rows[0]).toEqual(['Ann', 'Smith', 'Smith Plumbing', 'Owner', 'ann@smith-plumbing.co.uk', '+442079460958', '+447700900123', '', '', '1 High St', 'Leeds', '', 'LS1 1AA', 'United Kingdom', 'Website', "'=cmd|calc", 'false']);
    expect(rows[1]!.slice(0, 3)).toEqual(['', 'Bob Builders', 'Bob Builders']);
  });

  it('protects text cells a spreadsheet would run as a formula, unless told not to', async () => {
    expect((await exportRows({ entity: 'contacts', columns: ['summary'] })).rows[0]).toEqual(["'=cmd|calc"]);
    expect((await exportRows({ entity: 'contacts', columns: ['summary'], protectFormulas: false })).rows[0]).toEqual(['=cmd|calc']);
  });

  it('protects cells of every column, also those Fieldbook formats itself, and leaves plain numbers alone', async () => {
    // Such values come from other devices or older versions, not through this laptop's forms.
    core.engine.transaction((tx) => {
      // A number first in Ann's list (the lowest order key), so both her primary and her mobile.
      tx.write('contact_phone_items', `${ann.id}:hostile`, { contact_id: ann.id, type: 'mobile', e164: '=HYPERLINK("http://evil.example","call")', position: -1, cl: 1 });
      tx.write('calls', 'hostile-call', {
        contact_id: ann.id, direction: 'inbound', number: "-2+3+cmd|' /C calc'!A0", started_at: Date.UTC(2026, 0, 14), duration_seconds: 5,
        status: 'completed', disposition: '', notes: '', provider: '+cmd|calc', provider_id: '=1+1', spam: 0, emergency: 0, logged_by: 'Sam', created_at: 1, cl: 1,
      });
    });
    const contacts = await exportRows({ entity: 'contacts', columns: ['primaryPhone', 'mobilePhone', 'potentialValue'], view: { query: 'Ann' } });
    expect(contacts.rows[0]).toEqual(['\'=HYPERLINK("http://evil.example","call")', '\'=HYPERLINK("http://evil.example","call")', '1234.50']);
    const calls = await exportRows({ entity: 'calls', columns: ['number', 'provider', 'providerId', 'durationSeconds'] });
    expect(calls.rows).toEqual([["'-2+3+cmd|' /C calc'!A0", "'+cmd|calc", "'=1+1", '5']]);
    await core.call('contacts.update', { id: bob.id, patch: { phones: [{ type: 'work', number: '+44 20 7946 0958' }], potentialValue: { amountMinor: 5000, currency: 'GBP' } } });
    // A phone number or an amount is not a formula: written as it is.
    expect((await exportRows({ entity: 'contacts', columns: ['primaryPhone', 'potentialValue'], view: { query: 'Bob', filters: { owner: 'team' } } })).rows).toEqual([['+442079460958', '50.00']]);
  });

  it('writes custom fields under their labels', async () => {
    const { header, rows } = await exportRows({ entity: 'contacts', columns: ['name', 'custom.units'], decimalComma: true });
    expect(header).toEqual(['Name', 'Custom: Units']);
    expect(rows[0]).toEqual(['Ann Smith', '2,5']);
  });

  it('refuses unknown columns and the Salesforce preset for anything but contacts, writing nothing', async () => {
    const file = path.join(core.dataDir, 'refused.csv');
    await expect(exchange.exportCsvTo(file, ExportCsvOptionsSchema.parse({ entity: 'contacts', columns: ['name', 'shoeSize'] }))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'columns.1',
    });
    await expect(exchange.exportCsvTo(file, ExportCsvOptionsSchema.parse({ entity: 'calls', preset: 'salesforce' }))).rejects.toMatchObject({ code: 'invalid_input', field: 'preset' });
    expect(fs.readdirSync(core.dataDir).filter((name) => name.startsWith('refused'))).toEqual([]);
  });
});

describe('CSV export of notes, follow-ups and calls', () => {
  it('exports notes of one contact between two dates', async () => {
    await core.call('notes.create', { contactId: ann.id, kind: 'call', body: 'Rang about the boiler' });
    await core.call('notes.create', { contactId: bob.id, body: 'Other contact' });
    const { rows } = await exportRows({ entity: 'notes', view: { contactId: ann.id, from: Date.UTC(2026, 0, 1) } });
    expect(rows).toEqual([[expect.any(String), ann.id, 'Ann Smith', 'call', 'Rang about the boiler', 'false', 'Sam', '2026-01-15T09:30:00.000Z', '2026-01-15T09:30:00.000Z']]);
    expect((await exportRows({ entity: 'notes', view: { to: Date.UTC(2026, 0, 1) } })).rows).toEqual([]);
  });

  it('exports open or done follow-ups with ISO due dates', async () => {
    const open = await core.call('followups.create', { contactId: ann.id, title: 'Send quote', dueAt: Date.UTC(2026, 0, 20, 10) });
    const done = await core.call('followups.create', { contactId: bob.id, title: 'Call back', dueAt: Date.UTC(2026, 0, 16) });
    await core.call('followups.complete', { id: done.id });
    const openRows = await exportRows({ entity: 'followUps', columns: ['id', 'title', 'dueAt', 'state'], view: { state: 'open' } });
    expect(openRows.rows).toEqual([[open.id, 'Send quote', '2026-01-20T10:00:00.000Z', 'open']]);
    const doneRows = await exportRows({ entity: 'followUps', columns: ['title', 'state', 'doneAt'], view: { state: 'done' } });
    expect(doneRows.rows).toEqual([['Call back', 'done', '2026-01-15T09:30:00.000Z']]);
  });

  it('exports calls in the order they started, filtered like the call list', async () => {
    for (const [hour, direction] of [[14, 'inbound'], [9, 'outbound'], [11, 'inbound']] as const) {
      await core.call('calls.log', { direction, number: '020 7946 0958', startedAt: Date.UTC(2026, 0, 14, hour), durationSeconds: 60 * hour, disposition: 'booked' });
    }
    const all = await exportRows({ entity: 'calls', columns: ['contactName', 'direction', 'startedAt', 'durationSeconds'] });
    expect(all.rows).toEqual([
      ['Ann Smith', 'outbound', '2026-01-14T09:00:00.000Z', '540'],
      ['Ann Smith', 'inbound', '2026-01-14T11:00:00.000Z', '660'],
      ['Ann Smith', 'inbound', '2026-01-14T14:00:00.000Z', '840'],
    ]);
    const inbound = await exportRows({ entity: 'calls', columns: ['startedAt'], view: { direction: 'inbound', from: Date.UTC(2026, 0, 14, 12) } });
    expect(inbound.rows).toEqual([['2026-01-14T14:00:00.000Z']]);
  });
});

describe('streaming', () => {
  it('writes every row of an export larger than a chunk, in order, reporting progress up to the total', async () => {
    core.engine.transaction((tx) => {
      for (let index = 0; index < 2500; index += 1) {
        tx.write('contacts', `bulk-${String(index).padStart(5, '0')}`, { name: `Bulk ${String(index).padStart(5, '0')}`, contact_type: 'customer', cl: 1 });
      }
    });
    const progress: [number, number][] = [];
    const file = path.join(core.dataDir, 'bulk.csv');
    const result = await exchange.exportCsvTo(file, ExportCsvOptionsSchema.parse({ entity: 'contacts', columns: ['id'], bom: false }), {
      onProgress: (_phase, done, total) => progress.push([done, total]),
    });
    const ids = fs.readFileSync(file, 'utf8').trim().split('\r\n').slice(1);
    expect(result.rows).toBe(2502);
    expect(ids.filter((id) => id.startsWith('bulk-'))).toEqual(Array.from({ length: 2500 }, (_, index) => `bulk-${String(index).padStart(5, '0')}`));
    expect(progress.at(-1)).toEqual([2502, 2502]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('leaves no file behind when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const file = path.join(core.dataDir, 'cancelled.csv');
    await expect(exchange.exportCsvTo(file, ExportCsvOptionsSchema.parse({ entity: 'contacts' }), { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });
});

describe('memory', () => {
  const cacheSize = () => core.sqlite.pragma('cache_size', { simple: true });

  it('reads contacts with a larger page cache and gives it back when the export ends, done or cancelled', async () => {
    const everyday = cacheSize();
    expect(everyday).toBe(-everydayPageCacheKiB);
    let during: unknown;
    await exchange.exportCsvTo(path.join(core.dataDir, 'done.csv'), ExportCsvOptionsSchema.parse({ entity: 'contacts' }), {
      onProgress: () => (during = cacheSize()),
    });
    expect(during).toBe(-contactsExportPageCacheKiB);
    expect(cacheSize()).toBe(everyday);

    const controller = new AbortController();
    const cancelled = exchange.exportCsvTo(path.join(core.dataDir, 'cancelled.csv'), ExportCsvOptionsSchema.parse({ entity: 'contacts' }), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(cacheSize()).toBe(everyday);
  });

  it('gives the page cache back after a vCard export too', async () => {
    let during: unknown;
    await exchange.exportVcardTo(path.join(core.dataDir, 'cards.vcf'), ExportVcardOptionsSchema.parse({}), {
      onProgress: () => (during = cacheSize()),
    });
    expect(during).toBe(-contactsExportPageCacheKiB);
    expect(cacheSize()).toBe(-everydayPageCacheKiB);
  });

  it('leaves the page cache as it is for notes, which are read in the table order', async () => {
    let during: unknown;
    await exchange.exportCsvTo(path.join(core.dataDir, 'notes.csv'), ExportCsvOptionsSchema.parse({ entity: 'notes' }), {
      onProgress: () => (during = cacheSize()),
    });
    expect(during).toBe(-everydayPageCacheKiB);
  });
});

describe('JSON export of everything', () => {
  it('writes settings and every live record with ISO times, as one valid JSON document', async () => {
    await core.call('notes.create', { contactId: ann.id, body: 'A note' });
    await core.call('followups.create', { contactId: ann.id, title: 'Send quote', dueAt: Date.UTC(2026, 0, 20) });
    await core.call('calls.log', { direction: 'inbound', number: '07700 900123', startedAt: Date.UTC(2026, 0, 14), disposition: 'booked' });
    const gone = await core.call('contacts.create', { draft: { name: 'Deleted Person' } });
    await core.call('contacts.delete', { id: gone.id });
    // Leaving Fieldbook keeps who works where: the company link and the decision maker's flag.
    const firm = await core.call('companies.create', { name: 'Smith Plumbing Ltd', domains: [] });
    await core.call('companies.setMembership', { contactId: ann.id, companyId: firm.id, decisionMaker: true, primary: true });
    const file = path.join(core.dataDir, 'all.json');
    const result = await exchange.exportJsonTo(file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ format: 'fieldbook-export', version: 1, exportedAt: '2026-01-15T09:30:00.000Z', settings: { userName: 'Sam' } });
    expect(json.contacts.map((contact: Contact) => contact.name)).toEqual(expect.arrayContaining(['Ann Smith', 'Bob Builders']));
    expect(json.contacts).toHaveLength(2);
    expect(json.contacts.find((contact: Contact) => contact.id === ann.id)).toMatchObject({
      phones: ann.phones,
      tags: ['VIP'],
      potentialValue: { amountMinor: 123450, currency: 'GBP' },
      createdAt: '2026-01-15T09:30:00.000Z',
      companyId: firm.id,
      decisionMaker: true,
    });
    expect(json.notes).toEqual([expect.objectContaining({ contactId: ann.id, body: 'A note', pinned: false, createdAt: '2026-01-15T09:30:00.000Z' })]);
    expect(json.followUps).toEqual([expect.objectContaining({ title: 'Send quote', dueAt: '2026-01-20T00:00:00.000Z', doneAt: null })]);
    expect(json.calls).toEqual([expect.objectContaining({ contactId: ann.id, startedAt: '2026-01-14T00:00:00.000Z', spam: false })]);
    expect(json.files).toEqual([]);
    expect(result.rows).toBe(2 + 1 + 1 + 1);
  });
});
