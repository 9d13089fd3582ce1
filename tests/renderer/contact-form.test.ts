import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type CustomFieldDef } from '../../src-shared/domain/settings';
import { readMoney } from '../../src-shared/money';
import { emptyForm, errorKeysOf, fieldErrorsFrom, toDraft, toPatch, type ContactFormValues } from '../../src-renderer/features/contacts/form-model';

// The contact form holds what the inputs hold (strings, rows); these check what it sends to the
// core and where each complaint is shown.

const settings = { ...defaultSettings, userName: 'Sam Owner' };
const sizeField: CustomFieldDef = { id: 'size', label: 'Boiler size', kind: 'number', choices: [] };

/** A potential value as the form reads it: minor units, null when empty, undefined when refused. */
function parseMoney(text: string, currency: string, options: { decimalComma?: boolean } = {}): number | null | undefined {
  const reading = readMoney(text, currency, 'nonNegative', options);
  return reading.ok ? reading.amountMinor : undefined;
}

function form(changes: Partial<ContactFormValues> = {}): ContactFormValues {
  return { ...emptyForm(settings), name: 'Ann Example', ...changes };
}

describe('contact form', () => {
  it('reads amounts the way people type them, in the currency’s minor units', () => {
    expect(parseMoney('', 'GBP')).toBeNull();
    expect(parseMoney('1500', 'GBP')).toBe(150_000);
    expect(parseMoney('1,250.50', 'GBP')).toBe(125_050);
    expect(parseMoney('1 250,5', 'EUR', { decimalComma: true })).toBe(125_050);
    expect(parseMoney('0.29', 'GBP')).toBe(29);
    expect(parseMoney('0.295', 'GBP')).toBe(30);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(parseMoney('about 1500', 'GBP')).toBeUndefined();
    expect(parseMoney('1500 or so', 'GBP')).toBeUndefined();
    expect(parseMoney('GBP 1,500', 'GBP')).toBe(150_000);
    expect(parseMoney('-5', 'GBP')).toBeUndefined();
  });

  it('reads back every amount it shows, to the penny', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (minor) => {
        const shown = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
        expect(parseMoney(shown, 'GBP')).toBe(minor);
      }),
    );
  });

  it('leaves empty phone and e-mail rows out of what it sends', () => {
    const { draft, errors } = toDraft(
      form({
        phones: [
          { key: 'p1', type: 'mobile', value: '  ' },
          { key: 'p2', type: 'work', value: '020 7946 0000' },
        ],
        emails: [{ key: 'e1', type: 'work', value: '' }],
      }),
      [],
      'GB',
    );
    expect(errors).toEqual({});
    // Read in the office's country and sent in international form.
    expect(draft.phones).toEqual([{ type: 'work', number: '+442079460000' }]);
    expect(draft.emails).toEqual([]);
    expect(draft.owner).toBe('Sam Owner');
  });

  it('puts each complaint beside the input that caused it', () => {
    const { errors } = toDraft(
      form({
        name: '',
        emails: [
          { key: 'e1', type: 'work', value: '' },
          { key: 'e2', type: 'work', value: 'ann@example.com' },
          { key: 'e3', type: 'personal', value: 'x'.repeat(400) },
        ],
        potentialValue: 'a lot',
        custom: { size: 'big' },
      }),
      [sizeField],
      'GB',
    );
    expect(Object.keys(errors).sort()).toEqual(['custom:size', 'email:e3', 'name', 'potentialValue']);
    expect(errors['custom:size']).toBe('Enter a number');
    expect(errors.potentialValue).toBe('Enter an amount such as 1250 or 1,250.50');
  });

  it('sends custom fields as their kind, and an emptied one as cleared', () => {
    const { draft } = toDraft(form({ custom: { size: '24,5' } }), [sizeField, { id: 'boiler', label: 'Boiler', kind: 'text', choices: [] }], 'GB');
    expect(draft.customFields).toEqual({ size: 24.5, boiler: null });
  });

  it('sends only what was changed, so a colleague’s edit to another field survives', () => {
    const initial = toDraft(form({ owner: 'Sam Owner', tags: ['boiler'] }), [], 'GB').draft;
    expect(toPatch(initial, toDraft(form({ owner: 'Sam Owner', tags: ['boiler'] }), [], 'GB').draft)).toEqual({});
    const edited = toDraft(form({ owner: 'Jo Other', tags: ['boiler', 'vip'] }), [], 'GB').draft;
    expect(toPatch(initial, edited)).toEqual({ owner: 'Jo Other', tags: ['boiler', 'vip'] });
  });

  it('shows the core’s refusal beside the row it names', () => {
    const sent = { sentPhoneKeys: ['p1', 'p4'], sentEmailKeys: ['e1'] };
    expect(fieldErrorsFrom({ field: 'draft.phones.1.number', message: 'draft.phones.1.number: Not a phone number' }, sent)).toEqual({
      'phone:p4': 'Not a phone number',
    });
    expect(fieldErrorsFrom({ field: 'patch.address.city', message: 'Too long' }, sent)).toEqual({ 'address.city': 'Too long' });
    expect(fieldErrorsFrom({ message: 'The contact was deleted' }, sent)).toBeUndefined();
  });

  it('clears the complaints about a group of inputs when one of them is edited', () => {
    const errors = { 'phone:p1': 'a', 'phone:p2': 'b', 'email:e1': 'c', name: 'd' };
    expect(errorKeysOf('phones', errors)).toEqual(['phone:p1', 'phone:p2']);
    expect(errorKeysOf('name', errors)).toEqual(['name']);
  });
});
