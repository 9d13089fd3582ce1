import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebFormSubmissionSchema } from '../../../src-shared/domain/web-form';
import { checkChange } from '../../../src-shared/sync/change-contract';
import { leadRows } from '../../../src-relay/forms/lead';

// Whatever a visitor types that the form accepts, the rows the relay writes for it are rows
// every laptop accepts (src-shared/sync/change-contract.ts): a lead never ends up set aside on
// the laptops as a bad change, and the visitor's words are kept as they wrote them.

const anyText = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });

const submissions = fc
  .record({
    name: anyText(220),
    email: fc.oneof(fc.constant(''), fc.emailAddress(), anyText(30)),
    phone: fc.oneof(fc.constant(''), fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/), anyText(45)),
    company: anyText(220),
    message: anyText(600),
  })
  .map((fields) => WebFormSubmissionSchema.safeParse(fields))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data!);

describe('a website enquiry as change records', () => {
  it('writes only rows that every laptop accepts', () => {
    fc.assert(
      fc.property(submissions, fc.constantFrom('GB', 'US', 'DE'), fc.constantFrom('Website form', 'Contact page'), (form, region, source) => {
        const lead = leadRows(form, { region, source }, Date.parse('2026-12-05T10:00:00Z'));
        for (const row of lead.rows) {
          const verdict = checkChange({ hlc: '001733392800000-00000-relay.x', tableName: row.tableName, rowId: row.rowId, fields: row.fields, author: source });
          expect(verdict, `${row.tableName} ${JSON.stringify(row.fields)}`).toEqual({ kind: 'valid' });
        }
        const contact = lead.rows.find((row) => row.tableName === 'contacts')!;
        expect(contact.fields).toMatchObject({ name: form.name, contact_type: 'lead', source });
        const note = lead.rows.find((row) => row.tableName === 'notes');
        if (form.message) expect(note?.fields.body).toContain(form.message);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a number it cannot read in the note rather than dropping it', () => {
    const form = WebFormSubmissionSchema.parse({ name: 'Tom', phone: 'call after 5', message: '' });
    const lead = leadRows(form, { region: 'GB', source: 'Website form' }, 0);
    expect(lead.rows.find((row) => row.tableName === 'contacts')!.fields.phones).toBe('[]');
    expect(lead.rows.find((row) => row.tableName === 'notes')!.fields.body).toBe('Phone number as typed: call after 5');
  });
});
