import { EventEmitter } from 'node:events';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppError, type ErrorPayload } from '../../src-shared/errors';
import { HybridLogicalClock } from '../../src-shared/hlc';
import { contract, isChannelName, type RpcResult } from '../../src-shared/ipc/contract';
import { eventSchemas, type EventName, type EventPayload } from '../../src-shared/ipc/events';
import { parseOrThrow } from '../../src-shared/ipc/validate';
import { startBackgroundCheckpoints } from '../db/background-checkpoints';
import { openDatabase, type Sqlite } from '../db/open';
import { ContactsService } from '../contacts/service';
import { SettingsService } from '../settings/service';
import type { MutationEngine } from '../writes/mutation-engine';
import { createRowLifecycle } from '../writes/row-lifecycle';
import type { WriteDeps } from '../writes/write-deps';
import { NotesService } from '../notes/service';
import { FollowUpsService } from '../followups/service';
import { startReminderJob } from '../followups/jobs';
import { CallsService } from '../calls/service';
import { CallExports } from '../calls/exports';
import { FilesService } from '../files/service';
import { ContactPhotos } from '../files/contact-photos';
import { startFileTransfers, type FileTransfers } from '../files/jobs';
import { TimelineService } from '../timeline/service';
import { DashboardService } from '../dashboard/service';
import { createCallNotesIndexer } from '../search/call-notes-index';
import { createCallNumberIndexer } from '../search/call-number-index';
import { createWorkSearchIndexer } from '../search/work-index';
import { createForgottenMemberDropper } from '../segments/members';
import { SearchService } from '../search/service';
import { SyncEngine } from '../sync/sync-engine';
import { canWrite, readOnlyRefusal } from '../../src-shared/sync/roles';
import { LoadingMutationEngine } from '../sync/loading-engine';
import { SnapshotLoader } from '../sync/snapshot-load';
import { SyncService } from '../sync/service';
import { installRemoteValidation } from '../sync/remote-validation';
import { PipelineService } from '../pipeline/service';
import { PipelineAnalytics } from '../pipeline/analytics';
import { ContactScorer } from '../pipeline/scores';
import { QuotesService } from '../pipeline/quotes';
import { defaultBackupDir, removeLeftoverSnapshots } from '../exchange/backup/backup';
import { startDailyBackups } from '../exchange/jobs';
import { BulkService } from '../bulk/service';
import { RowIdKeys } from '../privacy/row-id-keys';
import { UpgradeProgressTracker } from '../privacy/upgrade-progress';
import type { UpgradeProgress } from '../../src-shared/ipc/privacy';
import { applyRestoredErasures, erasedContactIds, writeErasureList } from '../privacy/kept-erasures';
import { scrubLocalCopies, tracesOf, unreferencedBlobs, type PersonTraces } from '../privacy/local-copies';
import { forgetLocalRows } from '../privacy/local-rows';
import { erasureTable } from '../../src-shared/sync/erasure';
import { ExchangeService } from '../exchange/service';
import { createSecretStore, fileKeyCipher, type SecretCipher } from './secret-store';
import { LocalState } from '../settings/local-state';
import { appVersion } from './version';
import { createPhoneModule } from '../phone';
import type { PhoneService } from '../phone/service';
import type { TextsService } from '../phone/texts';
import { createPrivateFile, makePrivateDir, securePermissions } from './private-files';
import { adoptCopiedData } from './restored-copy';
import { forwardChangeEvents } from './change-events';
import { registerHandlers } from './handlers';
import { MailService } from '../mail/service';
import { JobsService } from '../jobs/service';
import { RevenueService } from '../revenue/service';
import { LifecycleService } from '../lifecycle/service';
import { CompaniesService } from '../companies/service';
import { createCompanyLinker } from '../companies/linking';
import { createMerger } from '../companies/merge';
import { createMergeRedirect } from '../companies/merge-redirect';
import { createUndoStore } from '../companies/undo-store';
import { SegmentsService } from '../segments/service';
import { ViewsService } from '../views/service';
import { PrivacyService } from '../privacy/service';
import { Retention } from '../privacy/retention';
import { AuditService } from '../audit/service';
import type { ConnectionTimeouts } from '../mail/connection';
import { quoteSeries } from '../../src-shared/domain/quote-number';
import { officeTimeZone, yearInZone } from '../../src-shared/office-time';
import { testKeySource, type DatabaseKeySource, type UnlockedKeys } from '../security/key-source';
import { AppLock, type OsUnlock } from '../lock/app-lock';

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
  /**
   * Unlocks the database key (and the backup key) of the data folder: the OS keychain in
   * Electron, a passphrase in the browser host and the CLI. Tests may leave it out and get the
   * test passphrase with a cheap KDF; every other shell must pass one.
   */
  keySource?: DatabaseKeySource;
  /** Keys a shell unlocked already (to update the data folder before opening it): used instead of the key source. */
  keys?: UnlockedKeys;
  /** Seals secrets; the Electron shell passes one over safeStorage. Default: a key file. */
  secretCipher?: SecretCipher;
  /**
   * Checkpoint the database's write-ahead log in a worker thread rather than on the write that
   * fills it (db/background-checkpoints.ts). Default: in the shells a person uses (Electron, the
   * browser host); the CLI's short runs and tests checkpoint as SQLite does by default.
   */
  backgroundCheckpoints?: boolean;
  /** Start background sync when a workspace is configured (tests of sync itself may not want it). */
  autoSync?: boolean;
  /**
   * When the background work (sync with the relay, mail sync and the outbox, retention) starts:
   * `now`, or `after-first-screen`: once the first contacts page has been answered, or after
   * `firstScreenWaitMs` (default 3 s) when nobody asks for one, so that it does not compete with
   * the first screen. The shells a person opens wait for the first screen; by default the CLI and
   * tests start at once.
   */
  backgroundStart?: 'now' | 'after-first-screen';
  firstScreenWaitMs?: number;
  /** The network used by sync; replaceable in fault tests. */
  fetch?: typeof fetch;
  /** Where unexpected errors are logged with their stack (never sent to the renderer). */
  logError?: (error: unknown, context: string) => void;
  /** Mail servers' timeouts and the sync job's pacing; tests shorten them. */
  mail?: { timeouts?: ConnectionTimeouts; pollMs?: number; backoff?: { firstMs: number; maxMs: number }; batchSize?: number };
  /** The app lock: the OS's own unlock where the shell has one; tests shorten the idle minute. */
  lock?: { osUnlock?: OsUnlock; minuteMs?: number };
}

export interface Core {
  readonly dataDir: string;
  /** The keys the data folder was unlocked with: backups are sealed with them. */
  readonly keys: UnlockedKeys;
  readonly sqlite: Sqlite;
  readonly engine: MutationEngine;
  readonly contacts: ContactsService;
  readonly settings: SettingsService;
  readonly notes: NotesService;
  readonly followUps: FollowUpsService;
  readonly calls: CallsService;
  readonly files: FilesService;
  /** Files travelling through the relay: the upload queue, downloads, the offline policy. */
  readonly fileTransfers: FileTransfers;
  readonly timeline: TimelineService;
  readonly sync: SyncEngine;
  /** The key of row ids derived from content (src-main/privacy/row-id-keys.ts). */
  readonly rowIds: RowIdKeys;
  /** How far the upgrade's long steps are (files encrypted at rest, row ids re-keyed). */
  readonly upgradeProgress: UpgradeProgressTracker;
  readonly pipelines: PipelineService;
  readonly quotes: QuotesService;
  readonly exchange: ExchangeService;
  readonly phone: PhoneService;
  readonly texts: TextsService;
  readonly mail: MailService;
  readonly jobs: JobsService;
  readonly companies: CompaniesService;
  /** While locked, invoke refuses all but the lock's channels and the shells serve no file bytes. */
  readonly lock: AppLock;
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
  securePermissions(options.dataDir);
  makePrivateDir(path.join(options.dataDir, 'files'));
  createPrivateFile(path.join(options.dataDir, 'fieldbook.db'));
  removeLeftoverSnapshots(options.dataDir);
  const keys = unlockKeys(options);
  const { sqlite } = openDatabase({
    file: path.join(options.dataDir, 'fieldbook.db'),
    ...(keys.databaseKey ? { key: keys.databaseKey } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
  });

  const checkpoints =
    (options.backgroundCheckpoints ?? (options.shell === 'electron' || options.shell === 'browser'))
      ? startBackgroundCheckpoints({
          sqlite,
          ...(keys.databaseKey ? { key: keys.databaseKey } : {}),
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
          logError: (error) => logError(error, 'checkpoints'),
        })
      : undefined;

  const state = new LocalState(sqlite);
  const secrets = createSecretStore(state, options.secretCipher ?? fileKeyCipher(options.dataDir));
  adoptCopiedData(state, secrets);
  const deviceId = state.get<string>('device_id') ?? state.set('device_id', uuidv7());
  const clock = new HybridLogicalClock(deviceId, now, state.get<string>('hlc'));
  const appLock = new AppLock({
    state,
    dataDir: options.dataDir,
    databaseKey: keys.databaseKey,
    now,
    ...options.lock,
    onChange: (status) => emit('lock.changed', status),
  });
  const settings = new SettingsService({ state });
  const engine = new LoadingMutationEngine({ sqlite, clock, author: () => settings.get().userName });
  const remoteValidation = installRemoteValidation(engine, sqlite, { appVersion, now, log: (message) => logError(new Error(message), 'sync') });
  const lifecycle = createRowLifecycle({ sqlite, engine });
  // First of the hooks: rows a stale laptop attaches to a merged-away contact move to the survivor before the indexes are rebuilt.
  engine.onRowsWritten(createMergeRedirect(sqlite, engine));
  // Every service is given one deps object; those that write synced rows start from this one.
  // The upgrade's long steps report here; published as events once the emitter exists (below).
  const publishUpgrade: { current?: (progress: UpgradeProgress) => void } = {};
  const upgradeProgress = new UpgradeProgressTracker((progress) => publishUpgrade.current?.(progress));
  const rowIds = new RowIdKeys(sqlite, secrets, { progress: upgradeProgress });
  const writeDeps: WriteDeps = { sqlite, engine, lifecycle, settings, now, rowIdKey: () => rowIds.key() };
  const followUps = new FollowUpsService(writeDeps);
  const contacts = new ContactsService({
    ...writeDeps,
    afterCreate: (tx, contact) => followUps.applyRules(tx, { contactId: contact.id, contactType: contact.contactType, at: contact.createdAt }),
  });
  const notes = new NotesService(writeDeps);
  const calls = new CallsService({ ...writeDeps, followUps, state });
  const files = new FilesService({ ...writeDeps, dataDir: options.dataDir, databaseKey: keys.databaseKey });
  const timeline = new TimelineService({ sqlite });
  const dashboard = new DashboardService({ sqlite, now });
  engine.onRowsWritten(createCallNotesIndexer(sqlite));
  engine.onRowsWritten(createCallNumberIndexer(sqlite));
  engine.onRowsWritten(createWorkSearchIndexer(sqlite).reindexTouched);
  engine.onRowsWritten(createForgottenMemberDropper(sqlite));
  const search = new SearchService({ sqlite, now, contacts, notes, mail: { search: (query, limit) => mail.search(query, limit) } });
  const photos = new ContactPhotos({ ...writeDeps, blobs: files.blobs, uploads: files.uploads, getContact: (id) => contacts.get(id) });
  const phoneLine = createPhoneModule(
    {
      sqlite,
      engine,
      state,
      settings,
      files,
      followUps,
      calls,
      now,
      emit: { screenPop: (pop) => emit('phone.incomingCall', pop), textsChanged: (numbers) => emit('texts.changed', { numbers }) },
      logError,
    },
    () => syncEngine,
  );
  // Every service has registered its derived-data hooks: changes kept from a newer version that
  // this one now understands can be applied.
  engine.applyPendingChanges();
  remoteValidation.retryAfterUpgrade();
  const pipelines = new PipelineService(writeDeps);
  const quotes = new QuotesService({
    ...writeDeps,
    pipelines,
    contacts,
    files,
    notes,
    quoteSeries: () => {
      const config = syncEngine.config;
      return quoteSeries({ inWorkspace: config !== undefined, deviceNumber: config?.deviceNumber, deviceId });
    },
    officeYear: (at) => yearInZone(at, officeTimeZone(settings.get().timeZone)),
  });
  const analytics = new PipelineAnalytics({ sqlite });
  const scorer = new ContactScorer({ sqlite, now });

  const events = new EventEmitter();
  events.setMaxListeners(100);
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (!appLock.passes(event)) return;
    events.emit(event, payload);
    events.emit('*', event, payload);
  };
  forwardChangeEvents({ engine, sqlite, emit });
  publishUpgrade.current = (progress) => emit('privacy.upgradeProgress', progress);
  // Set right below: the sync engine and the file transfers each need the other.
  const transfersOnceStarted: { current?: FileTransfers } = {};
  const syncEngine = new SyncEngine({
    engine,
    state,
    secrets,
    now,
    onStatus: (status) => {
      emit('sync.status', status);
      transfersOnceStarted.current?.syncStatusChanged(status);
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onLiveMessage: phoneLine.onLiveMessage,
    onCaughtUp: phoneLine.onCaughtUp,
    setAside: remoteValidation.setAside,
    logError,
    beforePush: async (changes, client) => transfersOnceStarted.current?.declareReferences(changes, client),
    pendingUploads: () => files.uploads.waitingCount(),
    snapshots: new SnapshotLoader(sqlite, engine),
    rowIds,
  });
  const fileTransfers = startFileTransfers({
    files,
    sqlite,
    now,
    relay: () => (syncEngine.config ? syncEngine.client() : undefined),
    pushSoon: () => syncEngine.pushSoon(),
    onTransfer: (transfer) => emit('files.transfer', transfer),
    onQueueChanged: () => emit('sync.status', syncEngine.status()),
    logError,
    keys: () => (syncEngine.config ? syncEngine.keys : undefined),
    upgradeProgress,
  });
  transfersOnceStarted.current = fileTransfers;
  engine.onCommitted((touched) => fileTransfers.rowsWritten(touched.keys()));
  settings.onChanged(() => fileTransfers.keeper.kick());
  const syncService = new SyncService({ engine: syncEngine, settings });
  engine.refuseLocalWritesWhen(() => rowIds.busyReason() ?? (canWrite(syncEngine.config?.role) ? null : readOnlyRefusal));
  // A re-keying of row ids stopped part-way goes on now, before any sync (it needs no relay).
  rowIds.resumeUnfinished().catch((error: unknown) => logError(error, 're-keying row ids'));
  // Where the background work waits for the first screen, so does the first look for follow-ups
  // that fell due: a second after the start, its event reached the page while it was still loading
  // and made it drop the opening calls' answers not yet taken (src-renderer/api.ts), the first
  // contacts page among them, which the page then asked for again. It comes a second after the
  // first screen's call instead (below), or as late when none comes.
  const backgroundWhen = backgroundStartOf(options);
  const firstScreenWaitMs = options.firstScreenWaitMs ?? 3_000;
  const reminders = startReminderJob(followUps, (count) => emit('followups.reminderDue', { count }), {
    now,
    ...(backgroundWhen === 'after-first-screen' ? { firstCheckAfterMs: firstScreenWaitMs + remindersAfterFirstScreenMs } : {}),
  });
  let firstReminderCheck: ReturnType<typeof setTimeout> | undefined;
  engine.onCommitted((touched) => {
    if (touched.has('follow_ups')) reminders.reschedule();
  });
  const garbageTimer = setInterval(() => files.collectGarbage(), 10 * 60 * 1000);
  garbageTimer.unref();
  settings.onChanged(() => emit('settings.changed', {}));
  const exchange = new ExchangeService(
    { dataDir: options.dataDir, sqlite, engine, settings, contacts, now, keys, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
    { emit: (name, payload) => emit(name, payload as never), logError },
  );
  const callExports = new CallExports({ calls, settings, jobs: exchange.jobs, exportsDir: exchange.exportsDir, now });
  const mail = new MailService({
    ...writeDeps,
    blobs: files.blobs,
    secrets,
    contacts,
    emit,
    logError,
    ...options.mail,
  });
  timeline.addSource('email', (contactId) => mail.timelineItems(contactId));
  const jobs = new JobsService({ ...writeDeps, calls });
  const revenue = new RevenueService(writeDeps);
  timeline.addSource('job', (contactId) => jobs.timelineItems(contactId));
  const stages = new LifecycleService(writeDeps);
  timeline.addSource('change', (contactId) => stages.timelineItems(contactId));
  const companies = new CompaniesService({ ...writeDeps, contacts, timeline });
  const undoStore = createUndoStore(sqlite, now);
  const companyLinker = createCompanyLinker({ companies, engine, undo: undoStore, now });
  const merger = createMerger({ contacts, companies, engine, undo: undoStore, now });
  const privacy = new PrivacyService({ ...writeDeps, role: () => syncEngine.config?.role ?? null });
  const retention = new Retention({ sqlite, state, privacy, now, isAdmin: () => privacy.isAdmin() });
  const audit = new AuditService({ sqlite, isAdmin: () => privacy.isAdmin() });
  const segments = new SegmentsService(writeDeps);
  const views = new ViewsService(writeDeps);
  const bulk = new BulkService({
    sqlite,
    engine,
    now,
    userName: () => settings.get().userName,
    callOutcomes: () => settings.get().callDispositions,
    outcomeRules: calls.outcomeRules,
    rowIdKey: writeDeps.rowIdKey,
    emit: (status) => emit('bulk.progress', status),
    logError,
  });
  const background = scheduleBackground(backgroundWhen, firstScreenWaitMs, () => {
    if (backgroundWhen === 'after-first-screen') {
      firstReminderCheck = setTimeout(() => reminders.reschedule(), remindersAfterFirstScreenMs);
      firstReminderCheck.unref();
    }
    if (options.autoSync === false) return;
    syncEngine.start();
    retention.start();
    // Mail sync and the outbox run where the app runs, not for a one-off CLI command.
    mail.start();
  });
  // Daily backups where a person uses the app; not for the CLI or tests.
  const backups =
    options.shell === 'electron' || options.shell === 'browser'
      ? startDailyBackups({ dataDir: options.dataDir, sqlite, keys, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }, { dir: defaultBackupDir(options.dataDir), keep: 7, logError })
      : null;
  // Forgetting reaches backups: the erasures are kept beside them, and a restored folder applies
  // those it was restored with (src-main/privacy/kept-erasures.ts).
  // And the copies outside the database: what the person's rows said is read before the erasure
  // deletes them (and their mail in the outbox and other local-only rows go in its transaction),
  // and taken out of the import records, exports and file bytes once it is committed.
  let forgotten: PersonTraces | undefined;
  engine.onRowsWritten((touched) => {
    const erasures = touched.get(erasureTable);
    if (!erasures) return;
    forgotten = tracesOf(sqlite, erasedContactIds(sqlite, erasures));
    forgetLocalRows(sqlite, forgotten, [...erasures]);
  });
  engine.onCommitted((touched) => {
    if (!touched.has(erasureTable)) return;
    writeErasureList(exchange.backupDir, sqlite, keys.databaseKey);
    if (forgotten) {
      scrubLocalCopies(options.dataDir, forgotten);
      fileTransfers.forgetBytes(unreferencedBlobs(sqlite, forgotten));
    }
    forgotten = undefined;
  });
  applyRestoredErasures(options.dataDir, engine, keys.databaseKey);

  // What the core hands out (the CLI, the shells and tests reach the services through it).
  const services = { contacts, settings, notes, followUps, calls, files, timeline, pipelines, quotes, exchange };
  const handlers = registerHandlers({
    ...services,
    app: { version: appVersion, dataDir: options.dataDir, deviceId, shell: options.shell ?? 'test' },
    photos,
    dashboard,
    search,
    syncEngine,
    syncService,
    setAside: remoteValidation.setAside,
    analytics,
    scorer,
    phoneLine: phoneLine.handlers,
    fileTransfers,
    mail,
    jobs,
    revenue,
    lifecycle: stages,
    companies,
    companyLinker,
    merger,
    privacy,
    upgradeProgress,
    retention,
    audit,
    segments,
    appLock,
    views,
    callExports,
    bulk,
  });

  async function invoke(channelName: string, input: unknown): Promise<RpcResult<unknown>> {
    try {
      if (!isChannelName(channelName)) {
        throw new AppError('unknown_channel', `There is no channel named "${channelName}"`);
      }
      appLock.check(channelName);
      const spec = contract[channelName];
      const parsed = parseOrThrow(spec.input, input ?? {});
      const handler = handlers[channelName] as (value: unknown) => unknown;
      const output = await handler(parsed);
      if (channelName === firstScreenChannel) background.firstScreenServed();
      return { ok: true, data: spec.output.parse(output) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error, channelName, logError) };
    }
  }

  return {
    dataDir: options.dataDir,
    keys,
    sqlite,
    engine,
    ...services,
    fileTransfers,
    sync: syncEngine,
    rowIds,
    upgradeProgress,
    phone: phoneLine.phone,
    texts: phoneLine.texts,
    mail,
    jobs,
    companies,
    lock: appLock,
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
      background.cancel();
      appLock.close();
      void backups?.stop();
      phoneLine.close();
      fileTransfers.stop();
      rowIds.stop();
      syncEngine.close();
      retention.stop();
      void mail.close();
      clearTimeout(firstReminderCheck);
      reminders.stop();
      clearInterval(garbageTimer);
      events.removeAllListeners();
      checkpoints?.stop();
      sqlite.close();
    },
  };
}

/** The call that fills the first screen a person sees (the contacts list). */
const firstScreenChannel = 'contacts.list';

/** How long after the first screen's call the first look for due reminders comes. */
const remindersAfterFirstScreenMs = 1_000;

function backgroundStartOf(options: CoreOptions): 'now' | 'after-first-screen' {
  return options.backgroundStart ?? (options.shell === 'browser' || options.shell === 'electron' ? 'after-first-screen' : 'now');
}

/**
 * Runs `start` now, or (`after-first-screen`) on the turn of the event loop after the first
 * screen's call was answered, so its answer is sent first, or after the wait when none comes.
 */
function scheduleBackground(when: 'now' | 'after-first-screen', waitMs: number, start: () => void) {
  let pending = true;
  const run = () => {
    if (!pending) return;
    pending = false;
    clearTimeout(timer);
    start();
  };
  const timer = when === 'now' ? undefined : setTimeout(run, waitMs);
  timer?.unref();
  if (when === 'now') run();
  return {
    firstScreenServed: () => {
      if (pending) setImmediate(run);
    },
    cancel: () => {
      pending = false;
      clearTimeout(timer);
    },
  };
}

function unlockKeys(options: CoreOptions): UnlockedKeys {
  if (options.keys) return options.keys;
  if (options.keySource) return options.keySource.unlock(options.dataDir);
  if (options.shell !== undefined && options.shell !== 'test') throw new Error(`The ${options.shell} shell must say how the database key is unlocked (keySource).`);
  return testKeySource().unlock(options.dataDir);
}

function toErrorPayload(error: unknown, channelName: string, logError: (error: unknown, context: string) => void): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  logError(error, `unexpected error in ${channelName}`);
  return { code: 'internal', message: 'Something went wrong inside Fieldbook. The details are in its log.' };
}
