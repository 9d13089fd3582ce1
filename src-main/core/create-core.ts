import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppError, type ErrorPayload } from '../../src-shared/errors';
import { HybridLogicalClock } from '../../src-shared/hlc';
import { contract, isChannelName, type Handlers, type RpcResult } from '../../src-shared/ipc/contract';
import { eventSchemas, type EventName, type EventPayload } from '../../src-shared/ipc/events';
import { parseOrThrow } from '../../src-shared/ipc/validate';
import { openDatabase, type Sqlite } from '../db/open';
import { ContactsService } from '../contacts/service';
import { contactsHandlers } from '../contacts/handlers';
import { contactIdOfTagRow } from '../contacts/search-index';
import { SettingsService } from '../settings/service';
import { settingsHandlers } from '../settings/handlers';
import { MutationEngine, type TouchedRows } from '../sync/mutation-engine';
import { createRowLifecycle } from '../sync/row-lifecycle';
import { NotesService } from '../notes/service';
import { notesHandlers } from '../notes/handlers';
import { FollowUpsService } from '../followups/service';
import { followUpsHandlers } from '../followups/handlers';
import { startReminderJob } from '../followups/jobs';
import { CallsService } from '../calls/service';
import { callsHandlers } from '../calls/handlers';
import { FilesService } from '../files/service';
import { filesHandlers } from '../files/handlers';
import { TimelineService } from '../timeline/service';
import { SyncEngine } from '../sync/sync-engine';
import { SyncService } from '../sync/service';
import { syncHandlers } from '../sync/handlers';
import { PipelineService } from '../pipeline/service';
import { QuotesService } from '../pipeline/quotes';
import { createPipelineAnalytics } from '../pipeline/analytics';
import { createScorer } from '../pipeline/scores';
import { pipelineHandlers } from '../pipeline/handlers';
import { defaultBackupDir } from '../exchange/backup';
import { exchangeHandlers } from '../exchange/handlers';
import { startDailyBackups } from '../exchange/jobs';
import { ExchangeService } from '../exchange/service';
import { createSecretStore, fileKeyCipher, type SecretCipher } from './secret-store';
import { timelineHandlers } from '../timeline/handlers';
import { LocalState } from '../settings/local-state';
import { appVersion } from './version';
import { MailService } from '../mail/service';
import { mailHandlers } from '../mail/handlers';
import type { ConnectionTimeouts } from '../mail/connection';

export type Shell = 'electron' | 'browser' | 'cli' | 'test';

export interface CoreOptions {
  /** The folder holding fieldbook.db and files/. Created when missing. */
  dataDir: string;
  shell?: Shell;
  /** Folder of the local migrations; defaults to the repository's migrations/local. */
  migrationsFolder?: string;
  /** better-sqlite3 binary for Electron's ABI; the Node build is used when absent. */
  nativeBinding?: string;
  /** The wall clock, replaceable in tests. */
  now?: () => number;
  /** Seals secrets; the Electron shell passes one over safeStorage. Default: a key file. */
  secretCipher?: SecretCipher;
  /** Start background sync when a workspace is configured (tests of sync itself may not want it). */
  autoSync?: boolean;
  /** The network used by sync; replaceable in fault tests. */
  fetch?: typeof fetch;
  /** Where unexpected errors are logged with their stack (never sent to the renderer). */
  logError?: (error: unknown, context: string) => void;
  /** Mail servers' timeouts and the sync job's pacing; tests shorten them. */
  mail?: { timeouts?: ConnectionTimeouts; pollMs?: number; backoff?: { firstMs: number; maxMs: number }; batchSize?: number };
}

export interface Core {
  readonly dataDir: string;
  readonly sqlite: Sqlite;
  readonly engine: MutationEngine;
  readonly contacts: ContactsService;
  readonly settings: SettingsService;
  readonly notes: NotesService;
  readonly followUps: FollowUpsService;
  readonly calls: CallsService;
  readonly files: FilesService;
  readonly timeline: TimelineService;
  readonly sync: SyncEngine;
  readonly pipelines: PipelineService;
  readonly quotes: QuotesService;
  readonly exchange: ExchangeService;
  readonly mail: MailService;
  /** Validates the input against the contract, runs the handler, validates the output. */
  invoke(channel: string, input: unknown): Promise<RpcResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const logError =
    options.logError ?? ((error: unknown, context: string) => console.error(`[fieldbook] ${context}:`, error));
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.mkdirSync(path.join(options.dataDir, 'files'), { recursive: true });
  const { sqlite } = openDatabase({
    file: path.join(options.dataDir, 'fieldbook.db'),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
  });

  const state = new LocalState(sqlite);
  const deviceId = state.get<string>('device_id') ?? state.set('device_id', uuidv7());
  const clock = new HybridLogicalClock(deviceId, now, state.get<string>('hlc'));
  const settings = new SettingsService(state);
  const engine = new MutationEngine(sqlite, clock, () => settings.get().userName);
  const lifecycle = createRowLifecycle(sqlite, engine);
  const followUps = new FollowUpsService(sqlite, engine, lifecycle, settings, now);
  const contacts = new ContactsService(sqlite, engine, settings, now, (tx, contact) =>
    followUps.applyRules(tx, { contactId: contact.id, contactType: contact.contactType, at: contact.createdAt }),
  );
  const notes = new NotesService(sqlite, engine, lifecycle, settings, now);
  const calls = new CallsService(sqlite, engine, lifecycle, settings, followUps, now);
  const files = new FilesService(sqlite, options.dataDir, engine, lifecycle, settings, now);
  const timeline = new TimelineService(sqlite, now);
  // Every service has registered its derived-data hooks: changes kept from a newer version that
  // this one now understands can be applied.
  engine.applyPendingChanges();
  const pipelines = new PipelineService(sqlite, engine, lifecycle, settings, now);
  const quotes = new QuotesService(sqlite, engine, lifecycle, settings, pipelines, contacts, files, notes, now);
  const secrets = createSecretStore(state, options.secretCipher ?? fileKeyCipher(options.dataDir));

  const events = new EventEmitter();
  events.setMaxListeners(100);
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    events.emit(event, payload);
    events.emit('*', event, payload);
  };
  engine.onCommitted((touched) => {
    const ids = new Set<string>(touched.get('contacts') ?? []);
    for (const tagRowId of touched.get('contact_tags') ?? []) ids.add(contactIdOfTagRow(tagRowId));
    const activity = contactsOfActivity(sqlite, touched);
    // A follow-up moves its contact's next follow-up date, which the list shows.
    for (const id of activity.followUpContactIds) ids.add(id);
    if (ids.size > 0) emit('contacts.changed', { ids: [...ids] });
    if (activity.tables.length > 0) emit('activity.changed', { contactIds: activity.contactIds, tables: activity.tables });
    if (touched.has('pipelines') || touched.has('stages') || touched.has('deals')) {
      emit('pipelines.changed', { pipelineIds: pipelinesTouched(sqlite, touched) });
    }
  });
  const syncEngine = new SyncEngine({
    engine,
    state,
    secrets,
    now,
    onStatus: (status) => emit('sync.status', status),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const syncService = new SyncService(syncEngine, settings);
  if (options.autoSync !== false) syncEngine.start();
  const reminders = startReminderJob(followUps, (count) => emit('followups.reminderDue', { count }));
  const garbageTimer = setInterval(() => files.collectGarbage(), 10 * 60 * 1000);
  garbageTimer.unref();
  settings.onChanged(() => emit('settings.changed', {}));
  const exchange = new ExchangeService(
    { dataDir: options.dataDir, sqlite, engine, settings, contacts, now },
    { emit: (name, payload) => emit(name, payload as never), logError },
  );
  // Daily backups where a person uses the app; not for the CLI or tests.
  const mail = new MailService({
    sqlite,
    engine,
    blobs: files.blobs,
    secrets,
    contacts,
    maxFileBytes: () => settings.get().maxFileBytes,
    now,
    emit,
    logError,
    ...options.mail,
  });
  timeline.addSource('email', (contactId) => mail.timelineItems(contactId));
  // Mail sync and the outbox run where the app runs, not for a one-off CLI command.
  if (options.autoSync !== false) mail.start();
  const backups =
    options.shell === 'electron' || options.shell === 'browser'
      ? startDailyBackups({ dataDir: options.dataDir, sqlite }, { dir: defaultBackupDir(options.dataDir), keep: 7, logError })
      : null;

  const handlers = {
    'app.info': () => ({ version: appVersion, dataDir: options.dataDir, deviceId, shell: options.shell ?? 'test' }),
    ...contactsHandlers(contacts),
    ...settingsHandlers(settings),
    ...notesHandlers(notes),
    ...followUpsHandlers(followUps),
    ...callsHandlers(calls),
    ...filesHandlers(files),
    ...timelineHandlers(timeline, contacts, notes, (query, limit) => mail.search(query, limit)),
    ...syncHandlers(syncEngine, syncService),
    ...exchangeHandlers(exchange),
    ...pipelineHandlers(pipelines, quotes, createPipelineAnalytics(sqlite), createScorer(sqlite, now)),
    ...mailHandlers(mail),
  } satisfies Handlers;

  async function invoke(channelName: string, input: unknown): Promise<RpcResult<unknown>> {
    try {
      if (!isChannelName(channelName)) {
        throw new AppError('unknown_channel', `There is no channel named "${channelName}"`);
      }
      const spec = contract[channelName];
      const parsed = parseOrThrow(spec.input, input ?? {});
      const handler = handlers[channelName] as (value: unknown) => unknown;
      const output = await handler(parsed);
      return { ok: true, data: spec.output.parse(output) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error, channelName, logError) };
    }
  }

  return {
    dataDir: options.dataDir,
    sqlite,
    engine,
    contacts,
    settings,
    notes,
    followUps,
    calls,
    files,
    timeline,
    sync: syncEngine,
    pipelines,
    quotes,
    exchange,
    mail,
    invoke,
    on(event, listener) {
      const schema = eventSchemas[event];
      const wrapped = (payload: unknown) => listener(schema.parse(payload) as never);
      events.on(event, wrapped);
      return () => events.off(event, wrapped);
    },
    onAny(listener) {
      events.on('*', listener);
      return () => events.off('*', listener);
    },
    close() {
      void backups?.stop();
      syncEngine.close();
      void mail.close();
      reminders.stop();
      clearInterval(garbageTimer);
      events.removeAllListeners();
      sqlite.close();
    },
  };
}

function toErrorPayload(error: unknown, channelName: string, logError: (error: unknown, context: string) => void): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  logError(error, `unexpected error in ${channelName}`);
  return { code: 'internal', message: 'Something went wrong inside Fieldbook. The details are in its log.' };
}

const activityTables = ['notes', 'follow_ups', 'calls', 'files', 'deals', 'quotes'] as const;

/** The contacts whose notes, follow-ups, calls or files were written, for the renderer to refresh. */
function contactsOfActivity(sqlite: Sqlite, touched: TouchedRows) {
  const contactIds = new Set<string>();
  const followUpContactIds = new Set<string>();
  const tables: string[] = [];
  for (const table of activityTables) {
    const ids = touched.get(table);
    if (!ids) continue;
    tables.push(table);
    const lookup = sqlite.prepare<[string], { contact_id: string | null }>(`SELECT contact_id FROM ${table} WHERE id = ?`);
    for (const id of ids) {
      const contactId = lookup.get(id)?.contact_id;
      if (!contactId) continue;
      contactIds.add(contactId);
      if (table === 'follow_ups') followUpContactIds.add(contactId);
    }
  }
  return { contactIds: [...contactIds], followUpContactIds, tables };
}

/** The pipelines whose stages or deals were written. */
function pipelinesTouched(sqlite: Sqlite, touched: TouchedRows): string[] {
  const ids = new Set<string>(touched.get('pipelines') ?? []);
  for (const [table, column] of [['stages', 'pipeline_id'], ['deals', 'pipeline_id']] as const) {
    const lookup = sqlite.prepare<[string], { pipeline_id: string }>(`SELECT ${column} AS pipeline_id FROM ${table} WHERE id = ?`);
    for (const id of touched.get(table) ?? []) {
      const pipelineId = lookup.get(id)?.pipeline_id;
      if (pipelineId) ids.add(pipelineId);
    }
  }
  return [...ids];
}
