import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOptionsInput, ImportReport } from '../../../../src-shared/domain/exchange';
import type { ExchangeService } from '../../../../src-main/exchange/service';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { allContacts, contactNamed, exchangeOf, importOptions } from '../helpers';

// Cards in the shapes real clients export (written by us, byte for byte in those shapes): every
// person arrives, each field holds what the card says, and the report names each value that
// could not be used, with its line.

const cardsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/vcard');
const card = (name: string) => path.join(cardsDir, name);

let core: TempCore;
let exchange: ExchangeService;

beforeEach(async () => {
  core = createTempCore();
  exchange = exchangeOf(core);
  await core.call('settings.update', { userName: 'Sam' });
});
afterEach(() => core.dispose());

async function importCards(file: string, options: ImportOptionsInput = {}): Promise<ImportReport> {
  const report = await exchange.importFile(card(file), importOptions({ fileName: file, ...options }));
  expect(report.format).toBe('vcard');
  return report;
}

/** The bytes of a card's base64 photo, as the test reads them from the file itself. */
function photoBytesOf(file: string): Buffer {
  const unfolded = fs.readFileSync(card(file), 'latin1').replace(/\r*\n[ \t]|\r[ \t]/g, '');
  const match = /PHOTO;[^:]*:([A-Za-z0-9+/=\r\n]+?)\r*\n(?:\r*\n)?END:VCARD/.exec(unfolded);
  return Buffer.from(match![1]!.replace(/\s+/g, ''), 'base64');
}

describe('an iPhone export with CR CR LF line ends and a folded photo', () => {
  it('imports both people and nothing else, with no errors and no warnings', async () => {
    const report = await importCards('iphone-crcrlf-photo.vcf');
    expect(report.counts).toEqual({ rows: 2, created: 2, updated: 0, skipped: 0, rejected: 0, createdDuplicates: 0 });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(allContacts(core).map((contact) => contact.name)).toEqual(['Priya Shah', 'Zoë Hartley']);
  });

  it('fills every field from the card and makes the photo the contact picture, stored in the file store', async () => {
    await importCards('iphone-crcrlf-photo.vcf');
    const zoe = contactNamed(core, 'Zoë Hartley');
    const jpeg = photoBytesOf('iphone-crcrlf-photo.vcf');
    const sha256 = createHash('sha256').update(jpeg).digest('hex');
    expect(zoe).toMatchObject({
      company: 'Hartley & Sons Builders',
      jobTitle: 'Director',
      emails: [{ type: 'work', address: 'zoe@hartley-builders.co.uk' }],
      phones: [
        { type: 'mobile', e164: '+447700900461' },
        { type: 'main', e164: '+442079460321' },
      ],
      address: { street: '12 Market Street', city: 'Leeds', region: 'West Yorkshire', postcode: 'LS1 6DT', country: 'United Kingdom' },
      summary: 'Gate code 4411\nPrefers calls after 4pm, not before.',
      tags: ['Builders', 'VIP'],
      photoSha256: sha256,
    });
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const opened = core.files.open(sha256)!;
    expect(opened.bytes()).toEqual(jpeg);
    expect(core.files.listForContact(zoe.id)).toEqual([
      expect.objectContaining({ contactId: zoe.id, sha256, category: 'photo', mimeType: 'image/jpeg', sizeBytes: jpeg.length, addedBy: 'Sam' }),
    ]);
    expect(contactNamed(core, 'Priya Shah')).toMatchObject({
      phones: [{ type: 'home', e164: '+441174960777' }],
      emails: [{ type: 'personal', address: 'priya.shah@example.com' }],
      photoSha256: null,
    });
  });

  it('shows the picture on the contact list', async () => {
    await importCards('iphone-crcrlf-photo.vcf');
    const page = await core.call('contacts.list', { query: 'Hartley' });
    expect(page.items[0]!.photoSha256).toBe(contactNamed(core, 'Zoë Hartley').photoSha256);
  });

  it('says in the preview that the card brings a picture', async () => {
    const preview = await exchange.previewFile(card('iphone-crcrlf-photo.vcf'), importOptions());
    expect(preview.preview.map((row) => [row.contact?.name, row.hasPhoto])).toEqual([
      ['Zoë Hartley', true],
      ['Priya Shah', false],
    ]);
  });
});

describe('an Android export with the number 123456789', () => {
  it('imports both people, keeps the number as written in the summary and warns with its line', async () => {
    const report = await importCards('android-123456789.vcf', { region: 'US' });
    expect(report.counts).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      { line: 5, reason: 'Phone "123456789" (TEL at line 5) has too few digits for a number in US; kept in the summary as written.' },
      { line: 14, reason: 'Phone "123456789" (TEL at line 14) has too few digits for a number in US; kept in the summary as written.' },
    ]);
    expect(contactNamed(core, 'Marco Alvarez')).toMatchObject({
      phones: [{ type: 'work', e164: '+14155550132' }],
      emails: [{ type: 'personal', address: 'marco.alvarez@example.com' }],
      address: { street: '221 Valencia St', city: 'San Francisco', region: 'CA', postcode: '94103', country: 'USA' },
      summary: 'Imported as written: phone 123456789',
    });
    // Only a name and an unusable number: still a person, with the number where it can be seen.
    expect(contactNamed(core, 'Dana Kim')).toMatchObject({ phones: [], emails: [], summary: 'Imported as written: phone 123456789' });
  });
});

describe('a Lotus Notes export with a number one digit too long', () => {
  it('imports the person with the other number, the e-mail and the address, and keeps the long number as written', async () => {
    const report = await importCards('lotus-notes-long-number.vcf');
    expect(report.counts).toMatchObject({ rows: 1, created: 1, rejected: 0 });
    expect(report.warnings).toEqual([
      { line: 8, reason: 'Phone "+1 (212) 204-34456" (TEL at line 8) has too many digits for its country code; kept in the summary as written.' },
    ]);
    expect(contactNamed(core, 'Ruth Feldman')).toMatchObject({
      company: 'Feldman Property Management',
      jobTitle: 'Property Manager',
      phones: [{ type: 'mobile', e164: '+12125550147' }],
      emails: [{ type: 'work', address: 'ruth@feldman-pm.example' }],
      address: { street: '350 Fifth Avenue', city: 'New York', region: 'NY', postcode: '10118', country: 'United States of America' },
      summary: 'Imported as written: phone +1 (212) 204-34456',
    });
  });
});

describe('an Outlook 2003 export whose TEL holds the placeholder of its field', () => {
  it('imports the person, leaves the placeholders out and says so for each', async () => {
    const report = await importCards('outlook-2003-placeholder.vcf');
    expect(report.counts).toMatchObject({ rows: 1, created: 1, rejected: 0 });
    expect(report.warnings).toEqual([
      { line: 7, reason: 'Phone "BusinessPhone" (TEL at line 7) is a placeholder, not a number; left out.' },
      { line: 9, reason: 'Phone "BusinessFax" (TEL at line 9) is a placeholder, not a number; left out.' },
    ]);
    expect(contactNamed(core, 'Tom Reed')).toMatchObject({
      company: 'Reed Roofing',
      jobTitle: 'Owner',
      phones: [{ type: 'mobile', e164: '+447700900777' }],
      emails: [{ type: 'other', address: 'tom@reed-roofing.example' }],
      address: { street: '4 Mill Lane', city: 'Salford', region: '', postcode: 'M5 4WT', country: 'United Kingdom' },
      // A placeholder is no data: nothing of it in the summary.
      summary: '',
    });
  });
});

describe('a vCard 2.1 card with quoted-printable, CHARSET and an unindented photo', () => {
  it('decodes Latin-1 and UTF-8 values and soft line breaks, and keeps the PNG photo', async () => {
    const report = await importCards('phone-2.1-quoted-printable.vcf');
    expect(report.counts).toMatchObject({ rows: 1, created: 1, rejected: 0 });
    expect(report.warnings).toEqual([]);
    const png = photoBytesOf('phone-2.1-quoted-printable.vcf');
    expect(contactNamed(core, 'Jürgen Müller')).toMatchObject({
      company: 'Bäckerei Müller GmbH',
      phones: [{ type: 'work', e164: '+49301234567' }],
      address: { street: 'Hauptstraße 5', city: 'Berlin', postcode: '10115', country: 'Deutschland' },
      summary: 'Liefert samstags – Rechnung über 250 €, bitte vorher anrufen.',
      photoSha256: createHash('sha256').update(png).digest('hex'),
    });
    expect(core.files.listForContact(contactNamed(core, 'Jürgen Müller').id)).toEqual([expect.objectContaining({ mimeType: 'image/png' })]);
  });
});

describe('a Mac Address Book export with item groups, X-ABLabel labels and bare CR line ends', () => {
  it('types numbers and e-mails by their labels, fills custom fields from X- properties and keeps other details in the summary', async () => {
    await core.call('settings.update', {
      customFields: [
        { id: 'gate_code', label: 'Gate code', kind: 'text', choices: [] },
        { id: 'anniversary', label: 'Anniversary', kind: 'date', choices: [] },
      ],
    });
    const report = await importCards('mac-address-book-groups.vcf');
    expect(report.counts).toMatchObject({ rows: 1, created: 1, rejected: 0 });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(contactNamed(core, 'Daniel Okafor')).toMatchObject({
      company: 'Okafor Electrical Ltd',
      phones: [
        { type: 'mobile', e164: '+447700900555' },
        { type: 'work', e164: '+441614960123' },
      ],
      emails: [
        { type: 'work', address: 'dan@okafor-electrical.co.uk' },
        { type: 'personal', address: 'dan.okafor@home.example' },
      ],
      customFields: { gate_code: '4411', anniversary: '2015-06-01' },
      summary:
        'Rewired the workshop in March. Prefers text messages to calls.\n\n' +
        'Website: https://okafor-electrical.example\nSpouse: Grace Okafor\nBirthday: 1980-04-02',
    });
  });
});

describe('cards that cannot be read whole', () => {
  it('imports a card whose END:VCARD is missing up to the next card, with a warning, and refuses one cut off by the end of the file', async () => {
    const file = path.join(core.dataDir, 'cut.vcf');
    fs.writeFileSync(file, 'BEGIN:VCARD\nVERSION:3.0\nFN:Ann Early\nTEL:+44 7700 900111\nBEGIN:VCARD\nVERSION:3.0\nFN:Bea Middle\nnot a property\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\n');
    const report = await exchange.importFile(file, importOptions());
    expect(report.counts).toMatchObject({ rows: 3, created: 2, rejected: 1 });
    expect(report.problems).toEqual([{ line: 10, reason: 'The card starting here has no END:VCARD (is the file cut short?).' }]);
    expect(report.warnings).toEqual([
      { line: 5, reason: 'The card has no END:VCARD; read up to the next card at line 5.' },
      { line: 8, reason: 'Line 8 is not a vCard property ("NAME:value"); left out.' },
    ]);
    expect(allContacts(core).map((contact) => contact.name)).toEqual(['Ann Early', 'Bea Middle']);
  });
});
