import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { contactNamed, exchangeOf, importOptions } from '../helpers';

// The import reads a number the way the contact form does: in the country of the row's address,
// else the import's region; a number that is no number there but a valid one elsewhere is not
// stored as the wrong country's number — the report asks about it, and it is kept as written.

let core: TempCore;
let dir: string;
beforeEach(() => {
  core = createTempCore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-phone-import-'));
});
afterEach(() => {
  core.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importCsv(text: string) {
  const file = path.join(dir, 'contacts.csv');
  fs.writeFileSync(file, text);
  return exchangeOf(core).importFile(file, importOptions({ fileName: 'contacts.csv', region: 'GB' }));
}

it('asks whether a New York number in a UK import is a US number, and does not store it as a UK one', async () => {
  const report = await importCsv('Name,Phone\r\nDana Reyes,(212) 555-0187\r\n');
  expect(report.warnings).toEqual([
    {
      line: 2,
      reason: 'Phone "(212) 555-0187" (column "Phone") is not a valid UK number. Is this a US number? If so: +1 212 555 0187; kept in the summary as written.',
    },
  ]);
  const dana = contactNamed(core, 'Dana Reyes');
  expect(dana.phones).toEqual([]);
  expect(dana.summary).toBe('Imported as written: phone (212) 555-0187');
});

it('stores the same number as the US number when the row’s address is in the United States', async () => {
  const report = await importCsv('Name,Phone,Country\r\nDana Reyes,(212) 555-0187,USA\r\n');
  expect(report.warnings).toEqual([]);
  expect(contactNamed(core, 'Dana Reyes').phones).toEqual([{ type: 'other', e164: '+12125550187' }]);
});
