import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText } from '../../../../src-main/exchange/formats/text-decode';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { allContacts, exchangeOf, importOptions } from '../helpers';

// Files as other programs write them: UTF-16 without a byte order mark (some exports from
// Windows tools and Access) is read as text, not as a row of junk.

const csv = 'Name,Email,Phone\nZoë Hartley,zoe@hartley-builders.co.uk,+44 7700 900461\nŁukasz Nowak,lukasz@example.pl,+48 601 234 567\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

let core: TempCore;
let file: string;
beforeEach(() => {
  core = createTempCore();
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-utf16-')), 'contacts.csv');
});
afterEach(() => {
  core.dispose();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

describe('reading files without a byte order mark', () => {
  it.each([
    ['UTF-16LE', Buffer.from(csv, 'utf16le'), 'utf-16le'],
    ['UTF-16BE', utf16be(csv), 'utf-16be'],
  ])('imports %s without a byte order mark as the contacts it holds', async (_label, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: csv, encoding });
    fs.writeFileSync(file, bytes);
    const report = await exchangeOf(core).importFile(file, importOptions({ fileName: 'contacts.csv' }));
    expect(report.counts).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    expect(allContacts(core).map((contact) => [contact.name, contact.emails[0]?.address])).toEqual([
      ['Zoë Hartley', 'zoe@hartley-builders.co.uk'],
      ['Łukasz Nowak', 'lukasz@example.pl'],
    ]);
  });

  it('refuses a file with NUL bytes that is not UTF-16 text, importing nothing', async () => {
    fs.writeFileSync(file, Buffer.concat([Buffer.from('Name,Email\n'), Buffer.from([0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xd8]), Buffer.from('\nAnn,ann@example.test\n')]));
    await expect(exchangeOf(core).importFile(file, importOptions({ fileName: 'contacts.csv' }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/not a text file/),
    });
    expect(allContacts(core)).toEqual([]);
  });
});
