import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOptions } from '../../../../bench/suites/exchange';
import { exportChunkRows } from '../../../../src-main/exchange/export/queries';
import { createTempCore } from '../../../helpers/temp-core';

// An export of more contacts than one chunk reads them in chunks and their tags in one pass.
// The file must be, byte for byte, the one the export wrote before it did so: the set below is
// made with fixed ids, times and values, and the hash is that of the file written by the export
// that read 1,000 contacts a chunk and each contact's tags with it.

const contacts = 6500;
const fileBeforeSha256 = '66578b77e050e52f5e7e2b92f642d126f925860af7eb0ea5d2c03cbc56c6e18d';

function fixedId(index: number): string {
  return `0190a000-0000-7000-8000-${String(index).padStart(12, '0')}`;
}

describe('a large CSV export', () => {
  it('writes the same bytes as the export did before it read in large chunks', async () => {
    expect(contacts).toBeGreaterThan(exportChunkRows);
    const core = createTempCore({ autoSync: false, now: () => Date.UTC(2026, 11, 5) });
    try {
      await core.call('settings.update', { customFields: [{ id: 'gate', label: 'Gate code', kind: 'text', choices: [] }] });
      const tags = ['vip', 'roof', 'boiler', 'landlord', '=SUM(A1)'];
      core.engine.transaction((tx) => {
        for (let index = 0; index < contacts; index += 1) {
          const id = fixedId(index);
          tx.write(
            'contacts',
            id,
            {
              kind: index % 9 === 0 ? 'company' : 'person',
              name: index % 13 === 0 ? `=cmd|' /C calc'!A${index}` : `Customer ${String((index * 7919) % contacts).padStart(5, '0')} Smith`,
              company: `Firm ${index % 40}`,
              phones: JSON.stringify(index % 3 === 0 ? [] : [{ type: 'mobile', e164: `+4477009${String(index).padStart(5, '0')}` }]),
              emails: JSON.stringify(index % 4 === 0 ? [] : [{ type: 'work', address: `person${index}@example.com` }]),
              status: ['active', 'won', 'lost'][index % 3]!,
              contact_type: ['customer', 'lead', ''][index % 3]!,
              potential_value_minor: index % 5 === 0 ? null : index * 101,
              potential_value_currency: index % 5 === 0 ? null : index % 2 ? 'GBP' : 'USD',
              summary: index % 6 === 0 ? 'Line one\nline "two", with a comma' : '',
              custom_fields: JSON.stringify(index % 7 === 0 ? { gate: `${index}#` } : {}),
              created_at: Date.UTC(2020, 0, 1) + index * 3_600_000,
              updated_at: Date.UTC(2021, 0, 1) + index * 3_600_000,
              cl: index % 50 === 0 ? 2 : 1,
            },
            { wholeLists: true },
          );
          for (const [at, tag] of tags.entries()) {
            if ((index + at) % 3 !== 0) continue;
            tx.write('contact_tags', `${id}:${tag}`, { contact_id: id, tag, present: (index + at) % 11 === 0 ? 0 : 1 });
          }
        }
      });
      const file = path.join(core.dataDir, 'contacts.csv');
      // The bench's export: the standard preset, every contact by name, BOM, formula protection.
      const result = await core.exchange.exportCsvTo(file, exportOptions);
      expect(result.rows).toBe(contacts - contacts / 50);
      const bytes = fs.readFileSync(file);
      expect(bytes.toString('utf8')).toContain('Gate code');
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(fileBeforeSha256);
    } finally {
      core.dispose();
    }
  }, 120_000);
});
