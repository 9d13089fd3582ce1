import fs from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { JobStatus } from '../../../src-shared/domain/exchange';
import { AppError, type ErrorPayload } from '../../../src-shared/errors';
import { exchangeChannels, exchangeEvents } from '../../../src-shared/ipc/exchange';
import { parseOrThrow } from '../../../src-shared/ipc/validate';
import { exchangeHandlers } from '../../../src-main/exchange/handlers';
import { ExchangeService } from '../../../src-main/exchange/service';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { allContacts, fixture } from './helpers';

// The channels as the renderer will use them: input parsed by the channel's schema, the
// handler, the output checked by its schema (what createCore's invoke does once the lead
// spreads exchangeChannels into the contract), and the events a job emits.

type Channels = typeof exchangeChannels;
type Name = keyof Channels;

let core: TempCore;
let events: { name: string; payload: unknown }[];
let invoke: <C extends Name>(name: C, input: z.input<Channels[C]['input']>) => Promise<z.output<Channels[C]['output']>>;
let exchange: ExchangeService;

beforeEach(() => {
  core = createTempCore();
  events = [];
  exchange = new ExchangeService(core, {
    emit: (name, payload) => events.push({ name, payload: exchangeEvents[name].parse(payload) }),
  });
  const handlers = exchangeHandlers(exchange);
  invoke = async (name, input) => {
    const spec = exchangeChannels[name];
    const handler = handlers[name] as (value: unknown) => unknown;
    return spec.output.parse(await handler(parseOrThrow(spec.input, input))) as never;
  };
});
afterEach(() => core.dispose());

async function upload(file: string): Promise<string> {
  return (await core.files.stage(Readable.from([fs.readFileSync(fixture(file))]), file)).uploadId;
}

async function finished(jobId: string): Promise<JobStatus> {
  return exchange.jobs.settled(jobId);
}

async function errorOf(promise: Promise<unknown>): Promise<ErrorPayload> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.toPayload();
    throw error;
  }
  throw new Error('expected an error');
}

describe('the import wizard over channels', () => {
  it('previews an upload with the suggested mapping, then again with the mapping the user changed', async () => {
    const uploadId = await upload('google-contacts.csv');
    const first = await invoke('exchange.previewImport', { uploadId });
    expect(first).toMatchObject({ format: 'csv', source: 'google', counts: { rows: 5, created: 4, skipped: 1 } });
    expect(first.preview[0]!.contact).toMatchObject({ name: 'Zoë Hartley', tags: ['Builders', 'VIP'] });

    const mapping = first.mapping.map((entry) => (first.headers[entry.column] === 'Labels' ? { ...entry, target: { field: 'ignore' as const } } : entry));
    const second = await invoke('exchange.previewImport', { uploadId, mapping, onDuplicate: 'create' });
    expect(second.preview[0]!.contact!.tags).toEqual([]);
    expect(second.counts).toMatchObject({ created: 5, createdDuplicates: 1 });
    expect(allContacts(core)).toEqual([]);
  });

  it('runs the import as a job with progress events, a report, the error file and undo', async () => {
    const uploadId = await upload('broken-rows.csv');
    const { jobId } = await invoke('exchange.runImport', { uploadId, fileName: 'broken-rows.csv' });
    const status = await finished(jobId);
    expect(status).toMatchObject({ state: 'done', kind: 'import', importReport: { counts: { created: 5, rejected: 3 }, warningCount: 1 } });
    expect(events.filter((event) => event.name === 'exchange.progress').at(-1)!.payload).toMatchObject({ jobId, phase: 'writing', done: 8, total: 8 });
    expect(events.at(-1)).toEqual({ name: 'exchange.finished', payload: { jobId, kind: 'import', state: 'done' } });
    const batchId = status.importReport!.batchId;
    expect(await invoke('exchange.listImports', {})).toEqual([expect.objectContaining({ batchId, fileName: 'broken-rows.csv', undoneAt: null })]);
    expect((await invoke('exchange.importErrors', { batchId })).csv).toContain('Fieldbook problem');
    expect(await invoke('exchange.undoImport', { batchId })).toMatchObject({ removed: 5 });
    expect(allContacts(core)).toEqual([]);
  });

  it('answers a cancelled job as cancelled, with nothing imported', async () => {
    const uploadId = await upload('google-contacts.csv');
    const { jobId } = await invoke('exchange.runImport', { uploadId });
    expect(await invoke('exchange.cancel', { jobId })).toEqual({ cancelled: true });
    expect(await finished(jobId)).toMatchObject({ state: 'cancelled' });
    expect(allContacts(core)).toEqual([]);
    expect(await invoke('exchange.cancel', { jobId })).toEqual({ cancelled: false });
  });

  it('refuses bad input at the boundary with the field to blame', async () => {
    expect(await errorOf(invoke('exchange.previewImport', { uploadId: 'not-an-id' }))).toMatchObject({ code: 'invalid_input', field: 'uploadId' });
    expect(await errorOf(invoke('exchange.previewImport', { uploadId: '0190a0a0-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'not_found', field: 'uploadId' });
    const uploadId = await upload('google-contacts.csv');
    expect(await errorOf(invoke('exchange.previewImport', { uploadId, onDuplicate: 'merge' as never }))).toMatchObject({ code: 'invalid_input', field: 'onDuplicate' });
    expect(await errorOf(invoke('exchange.previewImport', { uploadId, mapping: [{ column: 0, target: { field: 'name' } }, { column: 0, target: { field: 'ignore' } }] }))).toMatchObject({
      code: 'invalid_input',
      message: 'mapping: Map each column once',
    });
    expect(await errorOf(invoke('exchange.undoImport', { batchId: '0190a0a0-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'not_found' });
  });

  it('reports a job that failed on bad input with its error, and stores nothing', async () => {
    const uploadId = await upload('google-contacts.csv');
    const { jobId } = await invoke('exchange.runImport', { uploadId, region: 'ZZ' });
    expect(await finished(jobId)).toMatchObject({ state: 'failed', error: { code: 'invalid_input', message: expect.stringContaining('"ZZ"') } });
    expect(allContacts(core)).toEqual([]);
  });
});

describe('exports and backups over channels', () => {
  it('exports into the exports folder and answers where the file is', async () => {
    await core.call('contacts.create', { draft: { name: 'Ann Smith' } });
    const { jobId } = await invoke('exchange.exportCsv', { entity: 'contacts', preset: 'accountant' });
    const status = await finished(jobId);
    expect(status).toMatchObject({ state: 'done', exportResult: { rows: 1, fileName: expect.stringMatching(/^contacts-accountant-\d{8}T\d{9}Z\.csv$/) } });
    expect(status.exportResult!.path.startsWith(exchange.exportsDir)).toBe(true);
    expect(fs.readFileSync(status.exportResult!.path, 'utf8')).toContain('Ann Smith');
  });

  it('refuses an export with an unknown column before starting a job', async () => {
    expect(await errorOf(invoke('exchange.exportCsv', { entity: 'notes', columns: ['body', 'mood'] }))).toMatchObject({ code: 'invalid_input', field: 'columns.1' });
  });

  it('makes a backup as a job and lists it', async () => {
    const { jobId } = await invoke('exchange.backup', {});
    const status = await finished(jobId);
    expect(status).toMatchObject({ state: 'done', backupResult: { blobs: 0 } });
    expect(await invoke('exchange.listBackups', {})).toEqual([expect.objectContaining({ fileName: status.backupResult!.fileName })]);
    const json = await finished((await invoke('exchange.exportJson', {})).jobId);
    expect(json.exportResult!.fileName).toMatch(/^fieldbook-export-.*\.json$/);
  });

  it('keeps the newest seven backups made from the app, as it does for the daily ones', async () => {
    let now = Date.UTC(2026, 0, 10, 8);
    const clocked = new ExchangeService({ ...core, now: () => (now += 60_000) });
    const made: string[] = [];
    for (let index = 0; index < 9; index += 1) made.push((await clocked.jobs.settled(clocked.startBackup().jobId)).backupResult!.fileName);
    expect(clocked.listBackups().map((backup) => backup.fileName)).toEqual(made.slice(2).reverse());
  });
});
