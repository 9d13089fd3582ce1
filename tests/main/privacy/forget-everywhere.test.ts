import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { freePort } from '../../support/free-port';
import { laptopHolds } from './forget-scan';

// What a laptop holds of a person beyond the synced rows an erasure names: mail written to them
// that waits in the outbox (the SMTP server cannot be reached), the sealed copy of their file
// waiting to be uploaded (the relay refuses uploads for now), and the contact merged into theirs
// with what its merge's undo keeps. After they are forgotten, no table holds their name,
// address or words, and none of their file's copies is left under files/; another customer's
// mail still waits to be sent.

const relay = useRelayInMemory();
let ann: TempCore;
const person = ['Rosalind', 'Quigley', 'rosalind.quigley@example.org', 'loft-conversion-4471'];
let rosalindId: string;
let otherMailId: string;
let sha256: string;
let undoId: string;
/** While set, the relay cannot be reached for file uploads: their sealed copies wait. */
let uploadsFail = true;

const outgoingCopies = () => {
  const dir = path.join(ann.dataDir, 'files', '.outgoing');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.startsWith(sha256)) : [];
};

/** Every file under files/ (staging, sealed copies, partial downloads, the store) whose name holds the hash. */
function copiesUnderFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.includes(sha256)) found.push(path.relative(ann.dataDir, full));
    }
  };
  walk(path.join(ann.dataDir, 'files'));
  return found.sort();
}

async function eventually<T>(read: () => T | undefined | false, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

beforeAll(async () => {
  ann = createTempCore({
    now: Date.now,
    fetch: (input, init) => (uploadsFail && String(input).includes('/v1/blobs/') ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
  });
  await ann.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Loft Builders', memberName: 'Ann' });
  const rosalind = await ann.call('contacts.create', {
    draft: { name: 'Rosalind Quigley', emails: [{ type: 'work', address: 'rosalind.quigley@example.org' }] },
  });
  rosalindId = rosalind.id;
  // A duplicate of her, merged into her: the merged contact stays, deleted, as it was.
  const duplicate = await ann.call('contacts.create', {
    draft: { name: 'Ros Quigley', emails: [{ type: 'personal', address: 'rosalind.quigley@example.org' }], jobTitle: 'loft-conversion-4471' },
    allowDuplicate: true,
  });
  undoId = (await ann.call('contacts.merge', { survivorId: rosalindId, otherId: duplicate.id, fromOther: [] })).undoId;

  const staged = await ann.files.stage(Readable.from([Buffer.from('Drawings for loft-conversion-4471')]), 'drawings.txt');
  sha256 = (await ann.call('files.add', { contactId: rosalindId, uploadId: staged.uploadId, name: 'drawings.txt', mimeType: 'text/plain', category: 'document' })).sha256;
  await eventually(() => outgoingCopies().length > 0, 'a sealed copy waits in files/.outgoing');

  // A mail account whose SMTP server cannot be reached: what is sent waits in the outbox.
  const closed = await freePort();
  const account = ann.mail.accounts.add(
    {
      email: 'office@loft.example',
      displayName: 'Office',
      preset: 'other',
      imap: { host: '127.0.0.1', port: closed, security: 'none', username: 'office@loft.example' },
      smtp: { host: '127.0.0.1', port: closed, security: 'none', username: 'office@loft.example' },
      folders: [],
      windowMonths: 12,
      private: false,
    },
    'secret',
  );
  await ann.call('mail.send', { accountId: account.id, to: ['rosalind.quigley@example.org'], subject: 'Your loft, Rosalind', bodyText: 'About loft-conversion-4471: see you Monday.' });
  otherMailId = (await ann.call('mail.send', { accountId: account.id, to: ['bob@example.com'], subject: 'Your boiler', bodyText: 'See you Tuesday.' })).id;
  await eventually(() => ann.sqlite.prepare("SELECT COUNT(*) AS n FROM mail_outbox WHERE state = 'waiting' AND reason != ''").get() as { n: number } | undefined, 'both tried');
}, 120_000);
afterAll(() => ann?.dispose());

describe('forgetting a person reaches what only this laptop holds', () => {
  it('finds her in the outbox, the merge undo and the sealed upload copy before (so the checks below can fail)', async () => {
    expect(laptopHolds(ann.sqlite, person)).toEqual(expect.arrayContaining(['Rosalind in mail_outbox', 'loft-conversion-4471 in mail_outbox', 'Rosalind in merge_undo']));
    // The sealed copy, and the file beside it that keeps its SHA-256 for a resumed upload.
    expect(outgoingCopies().sort()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.\d+$/), expect.stringMatching(/^[0-9a-f]{64}\.\d+\.sha256$/)]);
    expect((await ann.call('mail.outbox', {})).map((item) => item.subject).sort()).toEqual(['Your boiler', 'Your loft, Rosalind']);
  });

  it('leaves none of her in any table nor any copy of her file, and keeps the others’ mail waiting', async () => {
    await ann.call('privacy.forget', { contactId: rosalindId });

    expect(laptopHolds(ann.sqlite, person)).toEqual([]);
    expect(copiesUnderFiles()).toEqual([]);
    const outbox = await ann.call('mail.outbox', {});
    expect(outbox.map((item) => [item.id, item.subject])).toEqual([[otherMailId, 'Your boiler']]);
    // The merge's undo went with her; the file's upload does not wait any more.
    expect(await ann.invoke('contacts.unmerge', { undoId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(ann.files.uploads.get(sha256)?.state).not.toBe('queued');

    // The relay answers again: nothing of hers is sealed and sent, nor comes back.
    uploadsFail = false;
    await ann.call('sync.now', {});
    ann.fileTransfers.uploader.kick();
    await ann.fileTransfers.uploader.idle();
    expect(copiesUnderFiles()).toEqual([]);
    expect(laptopHolds(ann.sqlite, person)).toEqual([]);
  });
});
