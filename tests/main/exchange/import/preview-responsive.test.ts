import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../src-shared/domain/exchange';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';

// Checking a large file in the import wizard does not hold up the rest of the app: other
// requests are answered while it runs, and choosing another mapping replaces the check under
// way instead of queueing behind it.

let core: TempCore;
let uploadId: string;
const rows = 12_000;

beforeEach(async () => {
  core = createTempCore();
  const lines = ['Name,Email,Phone,Company'];
  for (let index = 0; index < rows; index += 1) lines.push(`Customer ${index},customer${index}@example.test,+44 7700 ${String(900000 + index).slice(-6)},Firm ${index % 40}`);
  uploadId = (await core.files.stage(Readable.from([Buffer.from(lines.join('\n'))]), 'big.csv')).uploadId;
  await core.call('contacts.create', { draft: { name: 'Ann Smith' } });
});
afterEach(() => core.dispose());

describe('previewing a large import file', () => {
  it('answers other requests while the whole file is checked', async () => {
    const finished: string[] = [];
    const preview = core.invoke('exchange.previewImport', { uploadId, fileName: 'big.csv' }).then((answer) => {
      finished.push('preview');
      return answer;
    });
    const list = core.invoke('contacts.list', { query: 'Ann' }).then((answer) => {
      finished.push('list');
      return answer;
    });
    const [checked, listed] = await Promise.all([preview, list]);
    expect(finished).toEqual(['list', 'preview']);
    expect(listed).toMatchObject({ ok: true, data: { total: 1 } });
    expect(checked).toMatchObject({ ok: true, data: { counts: { rows, created: rows } } });
  });

  it('replaces a check under way when the mapping changes', async () => {
    const first = core.invoke('exchange.previewImport', { uploadId, fileName: 'big.csv' });
    await new Promise((resolve) => setImmediate(resolve));
    const second = core.invoke('exchange.previewImport', {
      uploadId,
      fileName: 'big.csv',
      mapping: [{ column: 0, target: { field: 'name' } }, { column: 1, target: { field: 'email', type: 'work' } }],
    });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const answer = await second;
    expect(answer).toMatchObject({ ok: true, data: { counts: { rows, created: rows } } });
    // The second check used the new mapping, which leaves the phone column out.
    expect((answer as { data: ImportPreview }).data.preview[0]!.contact!.phones).toEqual([]);
  });
});
