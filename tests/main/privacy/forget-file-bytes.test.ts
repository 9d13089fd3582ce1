import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unencryptedForComparison } from '../../../src-main/security/key-source';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Forgetting a person must not leave their words in the database file's free pages or in the
// write-ahead log, where a copy of the file (a disk image, a backup tool copying the folder)
// would still hold them even though no query finds them. The file is unencrypted here so its
// bytes can be read; encrypted, the same bytes are what anyone with the key would read.

let core: TempCore | undefined;
afterEach(() => core?.dispose());

const words = ['Zebediah', 'Quartermaine', 'rain-gutter-90210'];

function fileBytesHolding(dataDir: string): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(dataDir)) {
    if (!/\.(db|sqlite)(-wal|-journal)?$|-wal$/.test(name)) continue;
    const bytes = fs.readFileSync(path.join(dataDir, name));
    for (const word of words) if (bytes.includes(Buffer.from(word, 'utf8'))) found.push(`${word} in ${name}`);
  }
  return found;
}

describe('forgetting a person, in the file itself', () => {
  it('leaves none of their words in the database file or its write-ahead log', async () => {
    core = createTempCore({ keySource: unencryptedForComparison(), autoSync: false });
    const zeb = await core.call('contacts.create', {
      draft: { name: 'Zebediah Quartermaine', emails: [{ type: 'personal', address: 'zebediah@example.org' }], summary: 'Asked about the rain-gutter-90210 job' },
    });
    for (let index = 0; index < 20; index += 1) {
      await core.call('notes.create', { contactId: zeb.id, body: `Visit ${index}: Zebediah Quartermaine, rain-gutter-90210 again. ${'Long words to fill pages. '.repeat(40)}` });
      await core.call('contacts.create', { draft: { name: `Neighbour ${index}`, summary: 'x'.repeat(500) } });
    }
    await core.call('contacts.update', { id: zeb.id, patch: { summary: 'Quartermaine changed his mind' } });
    // Before: the scan finds them (so it can fail).
    expect(fileBytesHolding(core.dataDir)).toEqual(expect.arrayContaining([expect.stringMatching(/^Quartermaine in /)]));

    await core.call('privacy.forget', { contactId: zeb.id });
    // Teammates' work after the forget goes on as usual.
    await core.call('contacts.create', { draft: { name: 'After the forget' } });
    expect(fileBytesHolding(core.dataDir)).toEqual([]);
  });
});
