import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let clock = Date.UTC(2026, 10, 20, 10, 0);
let core: TempCore;
let contactId: string;
beforeEach(async () => {
  core = createTempCore({ now: () => clock });
  contactId = (await core.call('contacts.create', { draft: { name: 'Ann' } })).id;
});
afterEach(() => core.dispose());

async function attach(bytes: Buffer, name: string) {
  const staged = await core.files.stage(Readable.from([bytes]), name);
  return core.call('files.add', { contactId, uploadId: staged.uploadId, name, mimeType: 'application/pdf', category: 'quote' });
}

describe('files', () => {
  it('stores the same bytes once, by SHA-256, however often they are attached', async () => {
    const pdf = Buffer.from('%PDF-1.4 quote for Ann');
    const first = await attach(pdf, 'quote.pdf');
    const second = await attach(pdf, 'quote copy.pdf');
    expect(second.sha256).toBe(first.sha256);
    expect(core.files.blobs.readBytes(first.sha256)).toEqual(pdf);
    expect(fs.readdirSync(`${core.dataDir}/files/${first.sha256.slice(0, 2)}`)).toEqual([first.sha256]);
    expect((await core.call('files.list', { contactId })).map((file) => file.name)).toEqual(['quote copy.pdf', 'quote.pdf']);
  });

  it('refuses a file over the size limit with a clear message, storing nothing', async () => {
    await core.call('settings.update', { maxFileBytes: 1024 });
    await expect(core.files.stage(Readable.from([Buffer.alloc(4096)]), 'big.zip')).rejects.toThrow(
      '"big.zip" is larger than the 1 KB limit for files.',
    );
    expect(fs.readdirSync(`${core.dataDir}/files/.staging`)).toEqual([]);
  });

  it('takes a file for an import past the file size limit, imports it, and never lets it be attached', async () => {
    await core.call('settings.update', { maxFileBytes: 1024 });
    const rows = Array.from({ length: 60 }, (_, index) => `Customer ${index},customer${index}@example.com`);
    const csv = Buffer.from(['Name,Email', ...rows].join('\n'));
    expect(csv.length).toBeGreaterThan(1024);
    await expect(core.files.stage(Readable.from([csv]), 'customers.csv')).rejects.toThrow('limit for files');
    const staged = await core.files.stage(Readable.from([csv]), 'customers.csv', 'import');
    await expect(
      core.call('files.add', { contactId, uploadId: staged.uploadId, name: 'customers.csv', mimeType: 'text/csv', category: 'document' }),
    ).rejects.toThrow('That file was given to an import; attach it again to keep it.');
    const preview = await core.exchange.previewUpload({ uploadId: staged.uploadId, onDuplicate: 'skip', decisions: {}, fileName: 'customers.csv' });
    expect(preview.counts.created).toBe(60);
  });

  it('keeps the bytes of a deleted file through the undo window, then removes them', async () => {
    const file = await attach(Buffer.from('photo'), 'photo.jpg');
    await core.call('files.delete', { id: file.id });
    core.files.collectGarbage();
    expect(core.files.blobs.has(file.sha256)).toBe(true);
    await core.call('files.restore', { id: file.id });
    await core.call('files.delete', { id: file.id });
    clock += 2 * 60 * 60 * 1000;
    expect(core.files.collectGarbage()).toBe(1);
    expect(core.files.blobs.has(file.sha256)).toBe(false);
  });

  it('keeps shared bytes while another file still refers to them', async () => {
    const bytes = Buffer.from('contract');
    const a = await attach(bytes, 'a.pdf');
    await attach(bytes, 'b.pdf');
    await core.call('files.delete', { id: a.id });
    clock += 2 * 60 * 60 * 1000;
    expect(core.files.collectGarbage()).toBe(0);
    expect(core.files.blobs.has(a.sha256)).toBe(true);
  });
});
