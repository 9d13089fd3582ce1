import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../../src-shared/domain/exchange';
import type { ErrorPayload } from '../../../../src-shared/errors';
import { parseVCards } from '../../../../src-main/exchange/formats/vcard/read';
import { createTempCore, type TempCore } from '../../../helpers/temp-core';
import { allContacts, contactNamed, exchangeOf, importOptions } from '../helpers';

// vCard export through the channel and the core: one contact, a selection or everything, and a
// vCard -> Fieldbook -> vCard -> Fieldbook round trip through two data folders that keeps every
// field and every picture.

const cardsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/vcard');
const clientFiles = fs.readdirSync(cardsDir).filter((name) => name.endsWith('.vcf'));
const customFields = [
  { id: 'gate_code', label: 'Gate code', kind: 'text' as const, choices: [] },
  { id: 'anniversary', label: 'Anniversary', kind: 'date' as const, choices: [] },
];

const cores: TempCore[] = [];
async function newCore(): Promise<TempCore> {
  const core = createTempCore();
  cores.push(core);
  await core.call('settings.update', { userName: 'Sam', customFields });
  return core;
}
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

async function finished(core: TempCore, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await core.call('exchange.jobStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function exportVcard(core: TempCore, input: { version?: '3.0' | '4.0'; contactIds?: string[] }): Promise<string> {
  const { jobId } = await core.call('exchange.exportVcard', input);
  const status = await finished(core, jobId);
  expect(status).toMatchObject({ state: 'done', kind: 'export' });
  expect(status.exportResult!.fileName).toMatch(/\.vcf$/);
  return fs.readFileSync(status.exportResult!.path, 'utf8');
}

async function importText(core: TempCore, text: string, name: string): Promise<void> {
  const file = path.join(core.dataDir, name);
  fs.writeFileSync(file, text);
  const report = await exchangeOf(core).importFile(file, importOptions({ fileName: name, region: 'GB' }));
  expect(report.counts.rejected).toBe(0);
  expect(report.warnings).toEqual([]);
}

let source: TempCore;

beforeEach(async () => {
  source = await newCore();
  for (const file of clientFiles) {
    await exchangeOf(source).importFile(path.join(cardsDir, file), importOptions({ fileName: file, region: file.startsWith('android') ? 'US' : 'GB' }));
  }
});

describe('vCard export', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`round-trips every contact of the real-client files through vCard ${version}, ids, photos and all`, async () => {
      const contacts = allContacts(source);
      expect(contacts.length).toBe(8);
      const exported = await exportVcard(source, { version });
      expect(parseVCards(exported).cards.map((card) => card.version)).toEqual(contacts.map(() => version));

      const copy = await newCore();
      await importText(copy, exported, `everything-${version}.vcf`);
      expect(allContacts(copy)).toEqual(contacts);
      for (const contact of contacts.filter((candidate) => candidate.photoSha256)) {
        expect(copy.files.open(contact.photoSha256!)!.bytes()).toEqual(source.files.open(contact.photoSha256!)!.bytes());
      }
      // And back out again: the same file, byte for byte.
      expect(await exportVcard(copy, { version })).toBe(exported);
    });
  }

  it('writes what phones read: FN, N, TEL, EMAIL, ADR and the photo in the 3.0 forms', async () => {
    const zoe = contactNamed(source, 'Zoë Hartley');
    const text = await exportVcard(source, { version: '3.0', contactIds: [zoe.id] });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nFN:Zoë Hartley\r\nN:Hartley;Zoë;;;\r\nORG:Hartley & Sons Builders\r\n');
    expect(unfolded).toContain('\r\nTEL;TYPE=CELL,VOICE:+447700900461\r\nTEL;TYPE=MAIN:+442079460321\r\n');
    expect(unfolded).toContain('\r\nEMAIL;TYPE=INTERNET,WORK:zoe@hartley-builders.co.uk\r\n');
    expect(unfolded).toContain('\r\nADR;TYPE=WORK:;;12 Market Street;Leeds;West Yorkshire;LS1 6DT;United Kingdom\r\n');
    expect(unfolded).toMatch(/\r\nPHOTO;ENCODING=b;TYPE=JPEG:\/9j\//);
    expect(parseVCards(text).cards).toHaveLength(1);
  });

  it('exports a selection in the order given, and refuses an id that is no contact before starting', async () => {
    const [tom, ruth] = [contactNamed(source, 'Tom Reed'), contactNamed(source, 'Ruth Feldman')];
    const text = await exportVcard(source, { version: '4.0', contactIds: [tom.id, ruth.id] });
    expect(parseVCards(text).cards.map((card) => card.properties.find((property) => property.name === 'FN')!.value)).toEqual(['Tom Reed', 'Ruth Feldman']);

    await source.call('contacts.delete', { id: ruth.id });
    const refused = (await source.invoke('exchange.exportVcard', { contactIds: [tom.id, ruth.id] })) as { ok: false; error: ErrorPayload };
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'not_found', field: 'contactIds.1' });
    const badVersion = (await source.invoke('exchange.exportVcard', { version: '2.1' })) as { ok: false; error: ErrorPayload };
    expect(badVersion.error).toMatchObject({ code: 'invalid_input', field: 'version' });
  });
});
