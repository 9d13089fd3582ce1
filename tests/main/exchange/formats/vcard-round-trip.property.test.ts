import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactStatuses, emailTypes, EmailSchema, phoneTypes, type Contact } from '../../../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../../../src-shared/domain/settings';
import { createPhoneReader, normalisePhone } from '../../../../src-shared/phone';
import { buildContact, type BuildContext } from '../../../../src-main/exchange/import/contact-builder';
import { parseVCards } from '../../../../src-main/exchange/formats/vcard/read';
import { vcardToCollected } from '../../../../src-main/exchange/formats/vcard/to-collected';
import { vcardVersions, writeVCard } from '../../../../src-main/exchange/formats/vcard/write';

// Every field Fieldbook has survives Fieldbook -> vCard -> Fieldbook, in 3.0 and in 4.0, for
// contacts of any text (escapes, separators, accents, emoji, line breaks), with their photo.
// Text is as Fieldbook stores it: trimmed where the contact form trims, line breaks as LF.

const customFields: CustomFieldDef[] = [
  { id: 'gate_code', label: 'Gate code', kind: 'text', choices: [] },
  { id: 'budget', label: 'Budget; estimate', kind: 'number', choices: [] },
  { id: 'first_visit', label: 'First visit', kind: 'date', choices: [] },
  { id: 'size', label: 'Size', kind: 'choice', choices: ['Small', 'Large'] },
];

const context = (): BuildContext => ({
  region: 'GB',
  defaults: { contactType: 'customer', owner: 'Importer', currency: 'GBP' },
  customFields: new Map(customFields.map((def) => [def.id, def])),
  decimalComma: false,
  readPhone: createPhoneReader(),
  googleLabels: false,
  recordNoun: 'card',
});

const numbers = ['+447700900123', '+442079460958', '+14155550132', '+12125550147', '+4915123456789', '+49301234567', '+33142685300', '+61291234567'];

const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength }).map((value) => value.replace(/\r\n?/g, '\n'));
const trimmed = (maxLength: number) => text(maxLength).map((value) => value.trim());
const nonEmpty = (maxLength: number) => trimmed(maxLength).filter((value) => value !== '');
const moment = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

const contactArbitrary: fc.Arbitrary<Contact> = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom('person', 'company'),
  name: nonEmpty(80),
  company: trimmed(80),
  jobTitle: trimmed(80),
  phones: fc.uniqueArray(fc.constantFrom(...numbers), { maxLength: 4 }).chain((list) =>
    fc.tuple(...list.map((e164) => fc.constantFrom(...phoneTypes).map((type) => ({ type, e164 })))),
  ),
  emails: fc
    .uniqueArray(fc.emailAddress().filter((address) => EmailSchema.safeParse({ type: 'work', address }).success), {
      maxLength: 3,
      selector: (address) => address.toLowerCase(),
    })
    .chain((list) => fc.tuple(...list.map((address) => fc.constantFrom(...emailTypes).map((type) => ({ type, address }))))),
  address: fc.record({ street: trimmed(60), city: trimmed(40), region: trimmed(40), postcode: trimmed(20), country: trimmed(40) }),
  contactType: nonEmpty(60),
  status: fc.constantFrom(...contactStatuses),
  owner: trimmed(60),
  source: trimmed(60),
  tags: fc.uniqueArray(nonEmpty(40), { maxLength: 6, selector: (tag) => tag.toLocaleLowerCase() }),
  nextFollowUpAt: fc.constant(null),
  potentialValue: fc.option(fc.record({ amountMinor: fc.nat({ max: 10 ** 12 }), currency: fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD', 'USD') })),
  summary: text(400).filter((value) => value.trim() !== '' || value === ''),
  doNotContact: fc.boolean(),
  customFields: fc.record(
    {
      gate_code: nonEmpty(40),
      budget: fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
      first_visit: moment.map((value) => new Date(value).toISOString().slice(0, 10)),
      size: fc.constantFrom('Small', 'Large'),
    },
    { requiredKeys: [] },
  ),
  createdAt: moment,
  updatedAt: moment,
  photoSha256: fc.constant(null),
  companyId: fc.constant(null),
  decisionMaker: fc.constant(false),
});

/** Random bytes behind a real PNG or JPEG signature: what the reader keeps is decided by those. */
const photoArbitrary = fc.option(
  fc.tuple(
    fc.constantFrom(
      { mimeType: 'image/png', head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
      { mimeType: 'image/jpeg', head: [0xff, 0xd8, 0xff, 0xe0] },
    ),
    fc.uint8Array({ maxLength: 3000 }),
  ).map(([{ mimeType, head }, body]) => ({ mimeType, bytes: new Uint8Array([...head, ...body]) })),
);

describe('vCard round trip', () => {
  it('uses numbers that stay the same when read again', () => {
    for (const e164 of numbers) expect(normalisePhone(e164, 'GB')).toBe(e164);
  });

  for (const version of vcardVersions) {
    it(`keeps every field of a contact and its photo through vCard ${version}`, () => {
      fc.assert(
        fc.property(contactArbitrary, photoArbitrary, (contact, photo) => {
          const text = writeVCard(contact, { version, customFields, photo });
          const { cards, problems } = parseVCards(text);
          expect(problems).toEqual([]);
          expect(cards).toHaveLength(1);
          const built = buildContact(vcardToCollected(cards[0]!, customFields), context());
          if (!built.ok) throw new Error(built.reason);
          expect(built.warnings).toEqual([]);
          const { nextFollowUpAt: _next, photoSha256: _photo, companyId: _companyId, decisionMaker: _decisionMaker, ...fields } = contact;
          expect(built.contact).toEqual(fields);
          expect(built.photo).toEqual(photo);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('writes lines of at most 75 octets, ending in CRLF', () => {
    fc.assert(
      fc.property(contactArbitrary, photoArbitrary, fc.constantFrom(...vcardVersions), (contact, photo, version) => {
        const text = writeVCard(contact, { version, customFields, photo });
        expect(text.endsWith('END:VCARD\r\n')).toBe(true);
        for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 100 },
    );
  });
});
