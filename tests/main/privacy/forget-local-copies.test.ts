import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../../src-main/exchange/import/service';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { importOptions } from '../exchange/helpers';

// What a laptop keeps of a person outside its database: the CSV import's records under
// imports/ (what each chunk created and updated, the report's duplicates and problems, the rows
// that could not be stored), the exports under exports/, and the bytes of their files. After they
// are forgotten none of it names them; the records of everyone else stay (an import of others
// can still be undone).

let core: TempCore;
const person = ['Rosalind Quigley', 'rosalind.quigley@example.com', '7700900555'];
const fileText = 'Survey for Rosalind: asbestos in the loft';

beforeEach(() => {
  core = createTempCore({ autoSync: false });
});
afterEach(() => core.dispose());

/** Which of the person's traces each file under `dir` still holds (numbers by their digits). */
function traces(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8').toLowerCase();
    for (const needle of person) {
      const haystack = /^\d+$/.test(needle) ? text.replace(/\D/g, '') : text;
      if (haystack.includes(needle.toLowerCase())) found.push(`${needle} in ${name}`);
    }
  }
  return found;
}

describe('forgetting a person reaches the copies outside the database', () => {
  it('takes them out of the import records and exports and deletes their file bytes, leaving the others', async () => {
    const rosalind = await core.call('contacts.create', {
      draft: { name: 'Rosalind Quigley', phones: [{ type: 'mobile', number: '07700 900555' }], emails: [{ type: 'personal', address: 'rosalind.quigley@example.com' }] },
    });
    const staged = await core.files.stage(Readable.from([Buffer.from(fileText)]), 'survey.txt');
    const file = await core.call('files.add', { contactId: rosalind.id, uploadId: staged.uploadId, name: 'survey.txt', mimeType: 'text/plain', category: 'document' });
    // An import that updates her (her values before and after go into its record), meets her
    // again as a duplicate, and has a row it cannot store that holds her number.
    const imports = new ImportService(core, { chunkRows: 2 });
    const csv = [
      'Name,Email,Phone,Job Title',
      'Rosalind Quigley,rosalind.quigley@example.com,07700 900555,Landlord',
      'Bob Jones,bob@example.com,,Plumber',
      'R Quigley,ROSALIND.QUIGLEY@example.com,,',
      ',,07700 900555,',
    ].join('\n');
    const report = await imports.run(new TextEncoder().encode(`${csv}\n`), importOptions({ onDuplicate: 'update' }));
    expect(report.counts.created).toBe(1);
    const exported = await core.exchange.jobs.settled((await core.call('exchange.exportJson', {})).jobId);
    expect(exported.state).toBe('done');
    const importsDir = path.join(core.dataDir, 'imports');
    const exportsDir = path.join(core.dataDir, 'exports');
    // Before: the records and the export hold her, which is what the test looks for after.
    expect(traces(importsDir)).toEqual(expect.arrayContaining([`${person[0]} in ${report.batchId}.log.jsonl`, `${person[1]} in ${report.batchId}.json`]));
    expect(traces(exportsDir).length).toBeGreaterThan(0);
    expect(core.files.blobs.readBytes(file.sha256).toString()).toBe(fileText);

    await core.call('privacy.forget', { contactId: rosalind.id });

    expect(traces(importsDir)).toEqual([]);
    expect(traces(exportsDir)).toEqual([]);
    expect(() => core.files.blobs.readBytes(file.sha256)).toThrow();
    // Bob's part of the import is still recorded: undoing it takes him out.
    await core.call('exchange.undoImport', { batchId: report.batchId });
    const left = await core.call('contacts.list', { query: 'bob', filters: {}, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 10 });
    expect(left.items).toEqual([]);
  });
});
