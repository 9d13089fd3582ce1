import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The core never stores a number as the wrong country's: one that is no UK number but a valid
// US one is refused with the question and the form to send, whoever calls.

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

it('refuses a US number typed without +1 in a UK office, saying what to send instead', async () => {
  const answer = await core.invoke('contacts.create', { draft: { name: 'Dana Reyes', phones: [{ type: 'mobile', number: '(212) 555-0187' }] } });
  expect(answer).toEqual({
    ok: false,
    error: {
      code: 'invalid_input',
      message: expect.stringContaining('"(212) 555-0187" is not a valid UK number. Is this a US number? Then enter it as +1 212 555 0187.'),
      field: 'draft.phones.0.number',
    },
  });
  expect(core.sqlite.prepare('SELECT COUNT(*) FROM contacts').pluck().get()).toBe(0);

  const dana = await core.call('contacts.create', { draft: { name: 'Dana Reyes', phones: [{ type: 'mobile', number: '+1 212 555 0187' }] } });
  expect(dana.phones).toEqual([{ type: 'mobile', e164: '+12125550187' }]);
});
