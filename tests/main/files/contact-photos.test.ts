import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/domain/contact';
import type { ErrorPayload } from '../../../src-shared/errors';
import { solidPng } from '../../helpers/png';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let core: TempCore;
let ann: Contact;

beforeEach(async () => {
  core = createTempCore();
  await core.call('settings.update', { userName: 'Sam' });
  ann = await core.call('contacts.create', { draft: { name: 'Ann Smith' } });
});
afterEach(() => core.dispose());

async function upload(bytes: Buffer, name = 'photo.png'): Promise<string> {
  return (await core.files.stage(Readable.from([bytes]), name)).uploadId;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function refusal(input: { contactId: string; uploadId: string | null }): Promise<ErrorPayload> {
  const result = await core.invoke('contacts.setPhoto', input);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('setting a contact photo by hand', () => {
  it('queues the picture for the relay and holds its file row back from sync until the bytes are there', async () => {
    const png = solidPng(16, 16, [10, 120, 200]);
    await core.call('contacts.setPhoto', { contactId: ann.id, uploadId: await upload(png) });
    expect(core.files.uploads.get(sha(png))).toMatchObject({ state: 'queued' });
    const [photoRow] = await core.call('files.list', { contactId: ann.id });
    const held = core.sqlite.prepare("SELECT row_id FROM outbox_holds WHERE table_name = 'files' AND sha256 = ?").all(sha(png));
    expect(held).toEqual([{ row_id: photoRow!.id }]);
  });

  it('stores the picture in the file store, as a photo file of the contact, and shows it on the contact and in the list', async () => {
    const png = solidPng(32, 32, [200, 40, 40]);
    const updated = await core.call('contacts.setPhoto', { contactId: ann.id, uploadId: await upload(png) });
    expect(updated.photoSha256).toBe(sha(png));
    expect(core.files.open(sha(png))!.bytes()).toEqual(png);
    expect(await core.call('files.list', { contactId: ann.id })).toEqual([
      expect.objectContaining({ sha256: sha(png), category: 'photo', mimeType: 'image/png', name: 'Contact photo.png', addedBy: 'Sam' }),
    ]);
    expect((await core.call('contacts.list', {})).items[0]!.photoSha256).toBe(sha(png));
    // The column syncs like every contact field: it is in the change log.
    const logged = core.sqlite.prepare("SELECT fields FROM changes WHERE table_name = 'contacts' AND row_id = ? ORDER BY seq DESC LIMIT 1").pluck().get(ann.id) as string;
    expect(JSON.parse(logged)).toMatchObject({ photo_sha256: sha(png) });
  });

  it('replaces a picture, keeping the earlier one as a deleted file that can be restored, and removes it with null', async () => {
    const first = solidPng(8, 8, [0, 0, 255]);
    const second = solidPng(8, 8, [0, 255, 0]);
    await core.call('contacts.setPhoto', { contactId: ann.id, uploadId: await upload(first) });
    const firstFile = (await core.call('files.list', { contactId: ann.id }))[0]!;
    await core.call('contacts.setPhoto', { contactId: ann.id, uploadId: await upload(second) });
    expect(core.contacts.get(ann.id).photoSha256).toBe(sha(second));
    expect((await core.call('files.list', { contactId: ann.id })).map((file) => file.sha256)).toEqual([sha(second)]);
    expect((await core.call('files.restore', { id: firstFile.id })).sha256).toBe(sha(first));

    const removed = await core.call('contacts.setPhoto', { contactId: ann.id, uploadId: null });
    expect(removed.photoSha256).toBeNull();
    expect((await core.call('contacts.list', {})).items[0]!.photoSha256).toBeNull();
  });

  it('refuses what is not a picture, and a contact that does not exist, changing nothing', async () => {
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal({ contactId: ann.id, uploadId: await upload(text, 'photo.svg') })).toMatchObject({
      code: 'invalid_input',
      field: 'uploadId',
      message: 'A contact photo must be a JPEG, PNG, GIF, WebP or BMP picture.',
    });
    expect(core.files.blobs.has(sha(text))).toBe(false);
    expect(await refusal({ contactId: 'no-such-contact', uploadId: await upload(solidPng(2, 2, [1, 2, 3])) })).toMatchObject({ code: 'not_found', field: 'contactId' });
    expect(await refusal({ contactId: ann.id, uploadId: 'not-an-upload' })).toMatchObject({ code: 'invalid_input', field: 'uploadId' });
    expect(core.contacts.get(ann.id)).toEqual(ann);
    expect(await core.call('files.list', { contactId: ann.id })).toEqual([]);
  });
});
