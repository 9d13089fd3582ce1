import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContact, type BuildContext } from '../../../../src-main/exchange/import/contact-builder';
import { decodeText } from '../../../../src-main/exchange/formats/text-decode';
import { splitEscaped } from '../../../../src-main/exchange/formats/vcard/escape';
import { looksLikeVCard, parseVCards } from '../../../../src-main/exchange/formats/vcard/read';
import { vcardToCollected } from '../../../../src-main/exchange/formats/vcard/to-collected';
import { fixture } from '../helpers';
import { createPhoneReader } from '../../../../src-shared/phone';

const context: BuildContext = {
  region: 'GB',
  defaults: { contactType: 'customer', owner: '', currency: 'GBP' },
  customFields: new Map(),
  decimalComma: false,
  readPhone: createPhoneReader(),
  googleLabels: false,
};

function contactsOf(file: string) {
  const { cards, problems } = parseVCards(decodeText(fs.readFileSync(fixture(file))).text);
  return { problems, built: cards.map((card) => ({ line: card.line, result: buildContact(vcardToCollected(card), context) })) };
}

function contactAt(file: string, index: number) {
  const result = contactsOf(file).built[index]!.result;
  if (!result.ok) throw new Error(result.reason);
  return result.contact;
}

describe('vCard import', () => {
  it('reads an iPhone 3.0 card: folded lines, TYPE lists, Apple labels, escapes, categories', () => {
    const zoe = contactAt('iphone-3.0.vcf', 0);
    expect(zoe).toMatchObject({
      name: 'Zoë Hartley',
      kind: 'person',
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
    });
  });

  it('reads a card Apple marks as a company as a company', () => {
    expect(contactAt('iphone-3.0.vcf', 1)).toMatchObject({ kind: 'company', name: 'Northside Lettings', phones: [{ type: 'work', e164: '+441134960000' }] });
  });

  it('reads an Android 2.1 card: quoted-printable UTF-8, soft line breaks, bare types', () => {
    expect(contactAt('android-2.1.vcf', 0)).toMatchObject({
      name: 'José Álvarez',
      phones: [
        { type: 'mobile', e164: '+447700900987' },
        { type: 'fax', e164: '+442079460999' },
      ],
      emails: [{ type: 'personal', address: 'jose@example.es' }],
      address: { street: 'Calle Mayor 3\n2º B', city: 'Madrid', postcode: '28013', country: 'España' },
      summary: 'Met at the trade fair.\nA long note that wraps across a soft line break.',
    });
  });

  it('reads 4.0 cards: tel: URIs, quoted TYPE lists, KIND:org, structured N with a prefix', () => {
    const { built } = contactsOf('contacts-4.0.vcf');
    const [daniel, company, broken] = built.map((entry) => entry.result);
    expect(daniel).toMatchObject({
      ok: true,
      contact: {
        name: 'Daniel Okafor',
        company: 'Okafor Electrical Ltd',
        jobTitle: 'Owner',
        phones: [
          { type: 'work', e164: '+441614960123' },
          { type: 'mobile', e164: '+447700900555' },
        ],
        address: { street: 'Unit 4, Riverside Park', city: 'Manchester', postcode: 'M15 4PS' },
        summary: 'Escaped semicolon; comma, backslash \\ and newline\nsecond line',
        tags: ['Electricians', 'Preferred'],
      },
    });
    expect(company).toMatchObject({ ok: true, contact: { kind: 'company', name: 'Okafor Electrical Ltd' } });
    expect(broken).toMatchObject({
      ok: true,
      contact: { name: 'Broken Number', phones: [], summary: 'Imported as written: phone 12' },
      warnings: [{ line: 24, reason: 'Phone "12" (TEL at line 24) has too few digits for a number in GB; kept in the summary as written.' }],
    });
    expect(built.map((entry) => entry.line)).toEqual([1, 15, 21]);
  });

  it('reports a card that never ends and keeps the cards before it', () => {
    const { cards, problems } = parseVCards('BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut\n');
    expect(cards).toHaveLength(1);
    expect(problems).toEqual([{ line: 5, reason: 'The card starting here has no END:VCARD (is the file cut short?).' }]);
  });

  it('splits structured values only at unescaped separators', () => {
    expect(splitEscaped('Smith\\;Jones;Ann;;Dr.', ';')).toEqual(['Smith;Jones', 'Ann', '', 'Dr.']);
    expect(splitEscaped('a\\,b,c\\\\', ',')).toEqual(['a,b', 'c\\']);
  });

  it('tells vCards from CSV by their first line', () => {
    expect(looksLikeVCard('\n\nbegin:vcard\r\nVERSION:3.0')).toBe(true);
    expect(looksLikeVCard('Name,Email\nBEGIN:VCARD')).toBe(false);
  });
});
