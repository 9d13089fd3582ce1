import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../../src-main/exchange/service';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Customers' details are readable by the person whose computer it is, not by other accounts on
// it: the data folder is 0700, what Fieldbook writes 0600 (POSIX systems).

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** Every file and folder under `root`, with its mode, relative to root. */
function modesUnder(root: string): Record<string, string> {
  const modes: Record<string, string> = { '.': modeOf(root) };
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    modes[path.relative(root, full)] = modeOf(full);
  }
  return modes;
}

let core: TempCore | undefined;
afterEach(() => core?.dispose());

async function useEverything(opened: TempCore) {
  const ann = await opened.call('contacts.create', { draft: { name: 'Ann Smith' } });
  const staged = await opened.files.stage(Readable.from([Buffer.from('%PDF quote')]), 'quote.pdf');
  await opened.call('files.add', { contactId: ann.id, uploadId: staged.uploadId, name: 'quote.pdf', mimeType: 'application/pdf', category: 'quote' });
  const exchange = new ExchangeService(opened);
  await exchange.backupTo({ dir: exchange.backupDir });
  await exchange.exportCsvTo(path.join(exchange.exportsDir, 'contacts.csv'), { entity: 'contacts', preset: 'standard', delimiter: ',', bom: true, decimalComma: false, protectFormulas: true, view: { query: '', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' } } });
  const csv = path.join(os.tmpdir(), `fieldbook-permissions-${process.pid}.csv`);
  fs.writeFileSync(csv, 'Name,Email\nBo Lee,bo@example.test\n');
  try {
    await exchange.importFile(csv, { onDuplicate: 'skip', decisions: {}, fileName: 'people.csv' });
  } finally {
    fs.rmSync(csv);
  }
}

function expectPrivate(root: string) {
  const modes = modesUnder(root);
  const open = Object.entries(modes).filter(([name, mode]) => {
    const isDir = fs.statSync(path.join(root, name)).isDirectory();
    return mode !== (isDir ? '700' : '600');
  });
  expect(open, JSON.stringify(modes, null, 1)).toEqual([]);
  for (const expected of ['fieldbook.db', 'backups', 'exports/contacts.csv', 'imports', 'files']) expect(Object.keys(modes)).toContain(expected);
}

describe.skipIf(process.platform === 'win32')('file permissions of the data folder', () => {
  it('keeps the data folder, the database, backups, exports, imports and files to this user', async () => {
    core = createTempCore();
    await useEverything(core);
    expectPrivate(core.dataDir);
  });

  it('closes a data folder made readable by an earlier version when it opens it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-open-folder-'));
    const first = createTempCore({ dataDir });
    await useEverything(first);
    first.close();
    for (const [name] of Object.entries(modesUnder(dataDir))) {
      const full = path.join(dataDir, name);
      fs.chmodSync(full, fs.statSync(full).isDirectory() ? 0o755 : 0o644);
    }
    core = createTempCore({ dataDir });
    expectPrivate(dataDir);
  });
});
