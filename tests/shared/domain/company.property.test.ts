import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseFields, companyDomainOf, contactMergeFields, differingFields, normaliseCompanyName } from '../../../src-shared/domain/company';

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,8}$/);
const suffix = fc.constantFrom('', ' Ltd', ' Ltd.', ' Limited', ' LIMITED', ' plc', ' LLP', ', Inc.');

describe('company name normalisation', () => {
  it('reads a name the same whatever its case, punctuation, "&" or "and", and legal suffix', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), word, suffix, suffix, (words, last, suffixA, suffixB) => {
        const plain = `${words.join(' ')} and ${last}`;
        const fancy = `${words.join('  ').toUpperCase()} & ${last}${suffixA}`;
        const dotted = `${words.join('-').toLowerCase()}, and ${last}.${suffixB}`;
        expect(normaliseCompanyName(fancy)).toBe(normaliseCompanyName(plain + suffixB));
        expect(normaliseCompanyName(dotted)).toBe(normaliseCompanyName(plain));
      }),
    );
  });

  it('keeps names apart that differ in a word', () => {
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        const legalForms = ['ltd', 'limited', 'plc', 'llp', 'llc', 'inc', 'co', 'company', 'corp', 'gmbh', 'incorporated'];
        fc.pre(b.toLowerCase() !== c.toLowerCase() && !legalForms.includes(b.toLowerCase()) && !legalForms.includes(c.toLowerCase()));
        expect(normaliseCompanyName(`${a} ${b}`)).not.toBe(normaliseCompanyName(`${a} ${c}`));
      }),
    );
  });

  it('takes the firm’s domain from an address and ignores free-mail providers', () => {
    expect(companyDomainOf('Ruth@Hartley-Lettings.co.uk')).toBe('hartley-lettings.co.uk');
    expect(companyDomainOf('ruth@gmail.com')).toBeNull();
    expect(companyDomainOf('ruth@btinternet.com')).toBeNull();
    expect(companyDomainOf('not an address')).toBeNull();
  });
});

describe('merge field choice', () => {
  const contactish = fc.record(Object.fromEntries(contactMergeFields.map((field) => [field, fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean())])) as Record<(typeof contactMergeFields)[number], fc.Arbitrary<unknown>>);

  it('each field comes from the side chosen, and a field the two agree on is never asked about', () => {
    fc.assert(
      fc.property(contactish, contactish, fc.subarray([...contactMergeFields]), (left, right, fromOther) => {
        const merged = chooseFields(left, right, contactMergeFields, fromOther);
        for (const field of contactMergeFields) expect(merged[field]).toEqual(fromOther.includes(field) ? right[field] : left[field]);
        const asked = differingFields(left, right, contactMergeFields);
        for (const field of contactMergeFields) if (!asked.includes(field)) expect(left[field]).toEqual(right[field]);
        // Choosing "other" for a field both sides agree on changes nothing.
        const unaskedFromOther = chooseFields(left, right, contactMergeFields, contactMergeFields.filter((field) => !asked.includes(field)));
        expect(unaskedFromOther).toEqual(chooseFields(left, right, contactMergeFields, []));
      }),
    );
  });
});
