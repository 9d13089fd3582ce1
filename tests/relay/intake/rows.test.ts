import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebFormSubmissionSchema } from '../../../src-shared/domain/web-form';
import { checkChange } from '../../../src-shared/sync/change-contract';
import { IntakeCallSchema } from '../../../src-shared/domain/intake';
import { normalisePhone } from '../../../src-shared/phone';
import { leadRows } from '../../../src-relay/forms/lead';
import { callRow } from '../../../src-relay/intake/rows';

// Whatever a website visitor or another tool sends that the relay accepts, the rows the relay
// writes for it are rows every laptop accepts (src-shared/sync/change-contract.ts): nothing from
// outside ends up set aside on the laptops as a bad change, and the sender's words are kept.

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

  it('writes calls from the intake API that every laptop accepts', () => {
    const calls = fc
      .record({
        number: fc.stringMatching(/^\+44 ?7700 ?900[0-9]{3}$/),
        direction: fc.constantFrom('inbound', 'outbound'),
        startedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
        durationSeconds: fc.integer({ min: 0, max: 86_400 }),
        outcome: anyText(220),
        notes: anyText(600),
      })
      .map((fields) => IntakeCallSchema.safeParse(fields))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data!);
    fc.assert(
      fc.property(calls, (call) => {
        const e164 = normalisePhone(call.number, 'GB')!;
        const row = callRow({ ...call, e164, startedAt: Date.parse(call.startedAt) }, { author: 'Zapier', at: Date.now(), id: '01937a4e-0000-7000-8000-000000000001' });
        expect(checkChange({ hlc: '001733392800000-00000-relay.x', tableName: row.tableName, rowId: row.rowId, fields: row.fields, author: 'Zapier' })).toEqual({ kind: 'valid' });
      }),
      { numRuns: 200 },
    );
  });
});
