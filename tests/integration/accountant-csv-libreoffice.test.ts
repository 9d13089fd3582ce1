import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportCsvOptionsSchema, type ExportCsvOptionsInput } from '../../src-shared/domain/exchange';
import { ExchangeService } from '../../src-main/exchange/service';
import { openCsvInLibreOffice, sofficePath, type SheetCell } from '../helpers/libreoffice';
import { createTempCore, type TempCore } from '../helpers/temp-core';

// The accountant opens the file in a spreadsheet; this test opens it in LibreOffice Calc and reads
// what its cells say. CI installs LibreOffice (scripts/ensure-system-deps.mjs); without it, and
// outside CI, the test says so rather than pass.
const inCi = Boolean(process.env.CI);
const describeWithCalc = sofficePath || inCi ? describe : describe.skip;

const createdAt = Date.UTC(2026, 11, 5, 17, 2, 13, 456);
let core: TempCore;
let exchange: ExchangeService;

beforeAll(async () => {
  core = createTempCore({ now: () => createdAt });
  exchange = new ExchangeService({ ...core, now: () => createdAt });
  await core.call('settings.update', { userName: 'Sam', defaultRegion: 'GB', timeZone: 'America/New_York' });
  await core.call('contacts.create', {
    draft: {
      name: '0123',
      phones: [
        { type: 'mobile', number: '07400 123456' },
        { type: 'work', number: '+1 212 555 0187' },
      ],
      emails: [
        { type: 'work', address: 'accounts@0123.example' },
        { type: 'personal', address: 'zero@example.com' },
      ],
      potentialValue: { amountMinor: 123_450, currency: 'GBP' },
    },
  });
  for (const name of ['1e5', '=SUM(A1:A3)', '-42', 'TRUE', '5/12', 'Ann Smith']) await core.call('contacts.create', { draft: { name } });
});
afterAll(() => core.dispose());

async function openedInCalc(options: ExportCsvOptionsInput) {
  const file = path.join(core.dataDir, `${options.preset ?? 'standard'}.csv`);
  await exchange.exportCsvTo(file, ExportCsvOptionsSchema.parse(options));
  const [header, ...rows] = await openCsvInLibreOffice(file, ExportCsvOptionsSchema.parse(options).delimiter);
  const headers = header!.map((cell) => cell.shown);
  const byName = new Map(rows.map((row) => [row[headers.indexOf('Name')]!.value, row]));
  return { headers, cell: (name: string, column: string): SheetCell => byName.get(name)![headers.indexOf(column)]! };
}

describeWithCalc("the accountant's CSV opened in LibreOffice Calc", () => {
  it('keeps names that look like numbers or formulas as the text typed, with every phone and e-mail, labels and local dates', async () => {
    const { headers, cell } = await openedInCalc({ entity: 'contacts', preset: 'accountant', view: { query: '', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' } } });
    expect(headers).toEqual([
      'Id', 'Name', 'Company', 'Kind', 'Phones', 'E-mails', 'Street', 'City', 'Region', 'Postcode', 'Country',
      'Contact Type', 'Status', 'Owner', 'Potential Value', 'Currency', 'Next Follow-up', 'Created', 'Updated',
    ]);
    // Text stays text: the leading zero, the exponent, the sign and the formula are what was typed.
    for (const name of ['0123', '1e5', '=SUM(A1:A3)', '-42', 'TRUE', '5/12']) {
      expect(cell(`'${name}`, 'Name')).toMatchObject({ type: 'string', shown: `'${name}`, formula: null });
    }
    expect(cell('Ann Smith', 'Name')).toMatchObject({ type: 'string', shown: 'Ann Smith' });

    expect(cell("'0123", 'Phones')).toMatchObject({ type: 'string', shown: 'Mobile: 07400 123456; Work: +1 212 555 0187' });
    expect(cell("'0123", 'E-mails')).toMatchObject({ type: 'string', shown: 'Work: accounts@0123.example; Personal: zero@example.com' });
    expect(cell("'0123", 'Kind').shown).toBe('Person');
    expect(cell("'0123", 'Contact Type').shown).toBe('Customer');
    expect(cell("'0123", 'Status').shown).toBe('Active');
    expect(cell("'0123", 'Potential Value')).toMatchObject({ type: 'float', value: '1234.5' });
    // 17:02:13.456 UTC is 12:02:13 in New York, the office's zone: a date cell, to the second.
    expect(cell("'0123", 'Created')).toMatchObject({ type: 'date', value: '2026-12-05T12:02:13' });
  }, 180_000);

  it('is needed: the standard export, made to be read back by programs, lets Calc turn 0123 into the number 123', async () => {
    const { cell } = await openedInCalc({ entity: 'contacts', preset: 'standard', columns: ['name', 'createdAt'] });
    expect(cell('123', 'Name')).toMatchObject({ type: 'float', value: '123' });
  }, 180_000);
});

it.runIf(inCi)('has LibreOffice in CI', () => {
  expect(sofficePath).toBeDefined();
});
