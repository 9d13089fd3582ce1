import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SyncStatus } from '../../src-shared/domain/sync';
import { toStorableText } from '../../src-shared/sync/change-contract';
import { KeysChangedSchema, LiveHelloSchema, type DeviceCredentials, type SequencedChange, type WireChange } from '../../src-shared/sync/protocol';
import type { WorkspaceRole } from '../../src-shared/sync/roles';
import { maxPushBatch, maxRequestBytes } from '../../src-shared/sync/protocol';
import type { SecretStore } from '../core/secret-store';
import type { LocalState } from '../settings/local-state';
import type { ChangeRecord } from '../writes/change-log';
import type { MutationEngine } from '../writes/mutation-engine';
import { carriedChangesPlan } from './carried-changes';
import { describeSyncFailure, type SyncProblem } from './failures';
import { openChanges, openSnapshotRows, sealChanges, type Unopened } from './keys/sealed-changes';
import { WorkspaceKeys } from './keys/workspace-keys';
import { RelayClient, RelayError, type Fetch } from './relay-client';
import { snapshotRowToChanges, type SnapshotLoader, type SnapshotRow } from './snapshot-load';

interface SyncConfig {
  relayUrl: string;
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  memberName: string;
  role: WorkspaceRole;
  deviceId: string;
  /** This device's number in the workspace (its quote series); learnt after joining on relays that did not give it. */
  deviceNumber?: number;
}

const configKey = 'sync.config';
const cursorKey = 'sync.cursor';
const rejoinKey = 'sync.rejoin';
/** A snapshot being loaded as given: the next page to ask for, saved with each page loaded. */
const bootstrapKey = 'sync.bootstrap';
const tokenSecret = 'relay-device-token';

/** Where a copied or restored laptop synced before, so it can be asked to join again. */
export interface RejoinNotice {
  relayUrl: string;
  workspaceName: string;
  /** `restored`: from a Fieldbook backup; `copied`: a data folder whose sealing key is elsewhere. */
  reason: 'restored' | 'copied';
  backupCreatedAt: string | null;
}

/**
 * Whether this data folder holds a device token this computer cannot open (the folder was copied
 * from another computer without the key that seals it).
 */
export function hasUnreadableToken(secrets: SecretStore): boolean {
  try {
    secrets.get(tokenSecret);
    return false;
  } catch {
    return true;
  }
}

/**
 * Forgets this laptop's place in its workspace (its token, cursor and settings; the data stays)
 * and remembers where it was, so the sync status asks to join that workspace again.
 */
export function forgetWorkspaceForRejoin(state: LocalState, secrets: SecretStore, notice: Omit<RejoinNotice, 'relayUrl' | 'workspaceName'>): void {
  const config = state.get<SyncConfig>(configKey);
  if (!config) return;
  state.set<RejoinNotice>(rejoinKey, { relayUrl: config.relayUrl, workspaceName: config.workspaceName, ...notice });
  secrets.delete(tokenSecret);
  state.delete(configKey);
  state.delete(cursorKey);
}

function rejoinMessage(notice: RejoinNotice): string {
  const what =
    notice.reason === 'restored'
      ? `This data was restored from a backup${notice.backupCreatedAt ? ` made ${notice.backupCreatedAt.slice(0, 10)}` : ''}`
      : "This data was copied from another computer (this laptop's sync key stayed there)";
  return `${what}, so this laptop must join the workspace "${notice.workspaceName}" again: ask an admin of the workspace for an invite code, then choose Join a workspace. Everything on this laptop is kept and shared once it has joined.`;
}
const pullPage = 1000;
const snapshotPage = 2000;

type SnapshotPage = Awaited<ReturnType<RelayClient['snapshot']>>;

/** Asks the relay for a snapshot page; a failure is seen where the page is awaited, not as an unhandled rejection meanwhile. */
function askSnapshotPage(client: RelayClient, after: string | null): Promise<SnapshotPage> {
  const page = client.snapshot(after, snapshotPage);
  page.catch(() => undefined);
  return page;
}

export interface SyncEngineOptions {
  engine: MutationEngine;
  state: LocalState;
  secrets: SecretStore;
  now: () => number;
  onStatus: (status: SyncStatus) => void;
  /**
   * Wait between a local write made while no sync is under way and its push: 0 by default, so a
   * teammate sees it at once. Writes made while a cycle runs are pushed by that cycle's next round.
   */
  pushDelayMs?: number;
  periodicMs?: number;
  /** The network, replaceable in fault tests. */
  fetch?: Fetch;
  /**
   * Runs before each push with the batch about to go (the files module declares the blobs the
   * batch's rows refer to, src-main/files/references.ts); a failure fails the push.
   */
  beforePush?: (changes: readonly WireChange[], client: RelayClient) => Promise<void>;
  /** Files waiting to be uploaded, for the status. */
  pendingUploads?: () => number;
  /** Live messages other than pokes (a ringing call), unchecked: the receiver validates them. */
  onLiveMessage?: (message: unknown) => void;
  /** After a cycle that pushed and pulled everything: this laptop is caught up with the relay. */
  onCaughtUp?: () => void;
  /** Changes this laptop set aside (remote-validation.ts): counted in the status, and where the relay's refusals go. */
  setAside?: { count(): number; add(change: ChangeRecord, reason: string): void };
  /** Where each failure is logged with its cause (never shown as such to the person). */
  logError?: (error: unknown, context: string) => void;
  /**
   * Loads the relay's snapshot as given into an empty database (snapshot-load.ts); without it,
   * or when this laptop holds data already, the snapshot is merged like any other changes.
   */
  snapshots?: SnapshotLoader;
  /**
   * The ids of rows derived from content (src-main/privacy/row-id-keys.ts): re-keyed once the
   * workspace's keys give a row-id key, before anything is pushed; arriving rows named as here.
   */
  rowIds?: {
    adopt(epochs: ReturnType<WorkspaceKeys['epochs']>): Promise<void>;
    arriving<T extends { tableName: string; rowId: string; fields: Record<string, unknown> }>(changes: readonly T[]): T[];
  };
}

interface BootstrapProgress {
  /** The page token to continue from; null before the first page. */
  after: string | null;
  /** The snapshot's cursor, to pull from once every page is in. */
  cursor: number;
}

/**
 * The client side of sync: pushes the outbox (marked pushed only after the relay's
 * acknowledgement), pulls pages after a cursor and applies each page with its cursor in one
 * transaction, bootstraps a new device from the relay's snapshot, and listens for live pokes,
 * applying the changes a poke carries as a pull page when they follow the cursor.
 * Works offline: failures back off and retry, and the status says what is going on.
 */
export class SyncEngine {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = 0;
  private live: { close(): void } | undefined;
  private failures = 0;
  private stopped = true;
  /** After close() the database is gone: a cycle still in flight must not touch it. */
  private closed = false;
  private lastSyncedAt: number | null = null;
  private offlineSince: number | null = null;
  private problem: SyncProblem | null = null;
  /**
   * A cycle has run to its end since this laptop joined or started: its keys and row-id key are
   * current, so changes a poke carries may be applied without one.
   */
  private cycledOnce = false;
  /**
   * The relay greeted the open live channel with a hello announcing key changes: while the socket
   * stays open, a key change reaches this laptop as a message (src-relay/live.ts).
   */
  private liveAnnouncesKeys = false;
  /** Counts what may have changed the workspace's keys unseen: a key announcement, a hello, a socket closed. */
  private keyNews = 0;
  /**
   * The `keyNews` at the start of the last key check made while the relay announced key changes:
   * when it is still current, nothing can have changed since and the check is skipped.
   */
  private keysCheckedAt: number | undefined;
  /** Asked the relay for this device's number since the engine started (relays that did not give it at joining). */
  private deviceNumberAsked = false;
  private readonly unsubscribe: () => void;
  /** The workspace's end-to-end keys on this laptop. */
  readonly keys: WorkspaceKeys;

  constructor(private readonly options: SyncEngineOptions) {
    this.keys = new WorkspaceKeys(options.secrets, options.state);
    this.unsubscribe = options.engine.onCommitted(() => {
      if (!this.stopped && options.engine.pendingCount() > 0) this.pushSoon();
      this.publish();
    });
  }

  get config(): SyncConfig | undefined {
    return this.options.state.get<SyncConfig>(configKey);
  }

  status(): SyncStatus {
    const config = this.config;
    const pendingChanges = this.options.engine.pendingCount();
    const rejoin = config ? undefined : this.options.state.get<RejoinNotice>(rejoinKey);
    const base = {
      pendingChanges,
      pendingUploads: this.options.pendingUploads?.() ?? 0,
      lastSyncedAt: this.lastSyncedAt,
      offlineSince: this.offlineSince,
      relayUrl: config?.relayUrl ?? rejoin?.relayUrl ?? null,
      workspaceName: config?.workspaceName ?? rejoin?.workspaceName ?? null,
      memberName: config?.memberName ?? null,
      role: config?.role ?? null,
      secretProtection: this.options.secrets.protection,
      setAsideChanges: this.options.setAside?.count() ?? 0,
      action: null,
      keyEpoch: config ? this.keys.status().epoch : null,
    };
    if (!config) return { ...base, state: 'not_configured', message: rejoin ? rejoinMessage(rejoin) : null, action: rejoin ? 'rejoin' : null };
    if (this.problem) return { ...base, state: this.problem.state, message: this.problem.message, action: this.problem.action };
    if (this.running) return { ...base, state: 'syncing', message: null };
    return { ...base, state: pendingChanges > 0 ? 'pending' : 'synced', message: null };
  }

  /** Keeps the credentials of a newly created or joined workspace; the token goes to the secret store. */
  configure(relayUrl: string, credentials: DeviceCredentials): void {
    const { deviceToken, ...rest } = credentials;
    this.keys.forget();
    this.options.secrets.set(tokenSecret, deviceToken);
    this.options.state.set<SyncConfig>(configKey, {
      relayUrl,
      workspaceId: rest.workspaceId,
      workspaceName: rest.workspaceName,
      memberId: rest.memberId,
      memberName: rest.memberName,
      role: rest.role,
      deviceId: rest.deviceId,
      ...(rest.deviceNumber !== undefined ? { deviceNumber: rest.deviceNumber } : {}),
    });
    this.options.state.set(cursorKey, 0);
    this.options.state.delete(bootstrapKey);
    this.options.state.delete(rejoinKey);
    this.problem = null;
    this.failures = 0;
    this.cycledOnce = false;
    this.keysCheckedAt = undefined;
    this.deviceNumberAsked = false;
  }

  client(): RelayClient {
    const config = this.config;
    if (!config) throw new RelayError('not_configured', 'This laptop is not in a workspace yet.', 0);
    return new RelayClient(config.relayUrl, this.options.secrets.get(tokenSecret), this.options.fetch);
  }

  /** Leaves the workspace on this laptop: forgets the relay, the token and the cursor; the data stays. */
  leave(): void {
    this.stop();
    // A snapshot load this laptop will not carry on: its indexes and derived data are built now.
    this.options.snapshots?.finishLoad();
    this.keys.forget();
    this.options.secrets.delete(tokenSecret);
    this.options.state.delete(configKey);
    this.options.state.delete(cursorKey);
    this.options.state.delete(bootstrapKey);
    this.options.state.delete(rejoinKey);
    this.problem = null;
    this.offlineSince = null;
    this.lastSyncedAt = null;
    this.cycledOnce = false;
    this.keysCheckedAt = undefined;
    this.stopped = false;
    this.publish();
  }

  /** A client without a device token, for creating or joining a workspace. */
  anonymousClient(relayUrl: string): RelayClient {
    return new RelayClient(relayUrl, undefined, this.options.fetch);
  }

  start(): void {
    this.stopped = false;
    if (!this.config) return;
    this.connectLive();
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.live?.close();
    this.live = undefined;
  }

  close(): void {
    this.closed = true;
    this.stop();
    this.unsubscribe();
  }

  /**
   * Pushes soon, as after a local write (unless sync is stopped): at once when no cycle is under
   * way; otherwise the cycle under way runs once more, so writes made meanwhile go together.
   */
  pushSoon(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(this.options.pushDelayMs ?? 0);
  }

  /** Runs one full cycle now (or right after the one under way) and reports the outcome. */
  async syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      await new Promise<void>((resolve) => {
        const check = () => (this.running ? setTimeout(check, 10) : resolve());
        check();
      });
      if (!this.running) await this.cycle();
      return this.status();
    }
    await this.cycle();
    return this.status();
  }

  /** Runs a cycle after `delayMs`, unless one is already due sooner (a sooner request always wins). */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const dueAt = Date.now() + delayMs;
    if (this.timer && this.timerDueAt <= dueAt) return;
    clearTimeout(this.timer);
    this.timerDueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.cycle();
    }, delayMs);
    this.timer.unref?.();
  }

  private connectLive(): void {
    if (this.stopped || this.live || !this.config) return;
    try {
      this.live = this.client().live(
        (newestSeq, carried) => {
          if (newestSeq <= this.cursor()) return;
          if (carried && this.applyCarried(newestSeq, carried)) return;
          this.schedule(0);
        },
        () => {
          this.live = undefined;
          // Announcements sent while the socket is down are lost: the next cycle asks.
          this.liveAnnouncesKeys = false;
          this.keyNews += 1;
          if (this.stopped) return;
          // The relay may be gone: find out soon (the status then says offline) and reconnect.
          this.schedule(1000);
          setTimeout(() => this.connectLive(), this.retryDelay()).unref?.();
        },
        // Pokes sent while the socket was down are lost: pull once it is back.
        () => this.schedule(0),
        (message) => this.onLiveMessage(message),
      );
    } catch {
      this.live = undefined;
    }
  }

  /** The relay's hello and key announcements are the engine's; every other message goes on (a ringing call). */
  private onLiveMessage(message: unknown): void {
    const hello = LiveHelloSchema.safeParse(message);
    if (hello.success) {
      this.liveAnnouncesKeys = hello.data.announces.includes('keys');
      this.keyNews += 1;
      return;
    }
    if (KeysChangedSchema.safeParse(message).success) {
      this.keyNews += 1;
      // A new epoch to seal with, a key ring for this laptop, or a teammate's device waiting for one.
      this.schedule(0);
      return;
    }
    this.options.onLiveMessage?.(message);
  }

  /**
   * Whether this laptop's keys are as current as the relay's: checked since the last announcement
   * over a live channel that announces key changes, and holding the key to seal with.
   */
  private keysCurrent(): boolean {
    return this.live !== undefined && this.liveAnnouncesKeys && this.keysCheckedAt === this.keyNews && this.keys.sealingKeys() !== undefined;
  }

  private async cycle(): Promise<void> {
    if (!this.config) return;
    if (this.running) {
      // A write or a poke during a cycle: run once more at its end rather than drop the request.
      this.again = true;
      return;
    }
    this.running = true;
    this.publish();
    try {
      do {
        this.again = false;
        const client = this.client();
        if (!this.keysCurrent()) {
          const news = this.keyNews;
          const announced = this.liveAnnouncesKeys;
          await this.keys.sync(client, this.config);
          this.keysCheckedAt = announced ? news : undefined;
        }
        if (this.keys.waitingForKey()) {
          // Values sealed with a key this laptop lacks cannot be read, and plain ones must not be sent.
          throw new RelayError(
            'waiting_for_key',
            "This laptop is waiting for the workspace key, which a teammate's Fieldbook seals to it when it next syncs. Your changes are kept here meanwhile.",
            0,
          );
        }
        await this.options.rowIds?.adopt(this.keys.epochs());
        await this.bootstrapIfNew(client);
        // A push the relay refuses must not stop this laptop hearing from the others.
        let pushFailure: unknown;
        let pushedUpTo = 0;
        try {
          pushedUpTo = await this.pushAll(client);
        } catch (error) {
          pushFailure = error;
        }
        // After a push whose own poke has already brought this laptop up to it, over an open
        // live channel that pokes about anything later, a pull would bring nothing.
        if (pushedUpTo === 0 || !this.live || this.cursor() < pushedUpTo) await this.pullAll(client);
        if (pushFailure !== undefined) throw pushFailure;
        await this.learnDeviceNumber(client);
      } while (this.again);
      this.lastSyncedAt = this.options.now();
      this.cycledOnce = true;
      this.problem = null;
      this.offlineSince = null;
      this.failures = 0;
      this.schedule(this.options.periodicMs ?? 30_000);
      if (!this.live) this.connectLive();
      this.options.onCaughtUp?.();
    } catch (error) {
      this.recordFailure(error);
    } finally {
      this.running = false;
      this.publish();
    }
  }

  /** A laptop that joined before relays numbered devices asks once for its number (its quote series). */
  private async learnDeviceNumber(client: RelayClient): Promise<void> {
    // Once per start: a relay that did not number the device at the first asking is asked again after a restart.
    if (this.config?.deviceNumber !== undefined || this.deviceNumberAsked) return;
    const { you } = await client.workspace();
    this.deviceNumberAsked = true;
    const config = this.config;
    if (you.deviceNumber === undefined || !config || this.closed) return;
    this.options.state.set<SyncConfig>(configKey, { ...config, deviceNumber: you.deviceNumber });
  }

  /** An admin may change this member's role at any time; every pull answer says what it is now. */
  private learnRole(role: WorkspaceRole | undefined): void {
    const config = this.config;
    if (role === undefined || !config || config.role === role || this.closed) return;
    this.options.state.set<SyncConfig>(configKey, { ...config, role });
  }

  private async bootstrapIfNew(client: RelayClient): Promise<void> {
    if ((this.options.state.get<number>(cursorKey) ?? 0) > 0) return;
    const { state, snapshots } = this.options;
    let progress = state.get<BootstrapProgress>(bootstrapKey);
    // A load left unfinished when this laptop joined again: its indexes and derived data first.
    if (!progress) snapshots?.finishLoad();
    if (!progress && snapshots?.canLoad()) progress = state.set<BootstrapProgress>(bootstrapKey, { after: null, cursor: 0 });
    if (progress && snapshots) return this.loadSnapshot(client, snapshots, progress);
    let after: string | null = null;
    let cursor = 0;
    do {
      const page = await client.snapshot(after, snapshotPage);
      cursor = page.cursor;
      const { opened, unopened } = openSnapshotRows(this.keys.keyOf, page.rows);
      const changes = this.arriving(opened).flatMap((row) => snapshotRowToChanges(row));
      this.options.engine.applyRemoteChanges(changes, () => this.setAsideRows(unopened));
      after = page.nextPageAfter;
    } while (after !== null);
    if (cursor > 0) this.options.state.set(cursorKey, cursor);
  }

  /**
   * The snapshot loaded as given, page by page, each page with the progress that follows it in
   * its transaction: interrupted (the app closed, the laptop off), it continues where it was.
   * The next page is asked for before the page in hand is loaded, so the relay reads it while
   * this laptop writes. The cursor is set, and the progress dropped, in the transaction of the
   * last page.
   */
  private async loadSnapshot(client: RelayClient, snapshots: SnapshotLoader, progress: BootstrapProgress): Promise<void> {
    let fetching: Promise<SnapshotPage> | null = askSnapshotPage(client, progress.after);
    while (fetching) {
      const page: SnapshotPage = await fetching;
      if (this.closed) return;
      // Every page carries the first page's cursor (src-relay/routes/pull.ts).
      const next: BootstrapProgress = { after: page.nextPageAfter, cursor: page.cursor };
      fetching = next.after === null ? null : askSnapshotPage(client, next.after);
      // The request just made goes out before the load holds the thread.
      if (fetching) await yieldToEventLoop();
      if (this.closed) return;
      const { opened, unopened } = openSnapshotRows(this.keys.keyOf, page.rows);
      snapshots.loadPage(
        this.arriving(opened),
        () => {
          this.setAsideRows(unopened);
          if (next.after !== null) {
            this.options.state.set(bootstrapKey, next);
            return;
          }
          this.options.state.delete(bootstrapKey);
          if (next.cursor > 0) this.options.state.set(cursorKey, next.cursor);
        },
        { last: next.after === null },
      );
    }
  }

  /** Pushes the whole outbox; the relay's newest sequence after the last push, or 0 when there was nothing to push. */
  private async pushAll(client: RelayClient): Promise<number> {
    let newestSeq = 0;
    for (;;) {
      const plain = this.options.engine.outbox(maxPushBatch).map(({ change }) => toWire(change));
      const sealed = limitBySize(sealChanges(this.keys.sealingKeys(), plain));
      if (sealed.length === 0) return newestSeq;
      const batch = plain.slice(0, sealed.length);
      await this.options.beforePush?.(batch, client);
      const response = await client.push(sealed);
      // A change the relay refuses can never be sent as it is: it is kept aside here, with the
      // relay's reason, and no longer holds up the outbox.
      for (const refusal of response.refused) {
        const change = batch.find((candidate) => candidate.changeId === refusal.changeId);
        if (change) this.options.setAside?.add({ ...change, deviceId: this.options.engine.deviceId }, `the relay refused it: ${refusal.reason}`);
        this.options.logError?.(new Error(refusal.reason), `sync: the relay refused change ${refusal.changeId}`);
      }
      this.options.engine.markPushed([...response.acknowledged, ...response.refused.map((refusal) => refusal.changeId)]);
      newestSeq = response.newestSeq;
      if (response.acknowledged.length + response.refused.length === 0) return newestSeq;
    }
  }

  private cursor(): number {
    return this.options.state.get<number>(cursorKey) ?? 0;
  }

  /**
   * Applies the changes a poke carried, as a pull page is applied (opened, named as here, merged
   * with the cursor in one transaction), when they are exactly the ones after the cursor. False
   * when a cycle must fetch them instead: a gap, a key or bootstrap this laptop lacks, no cycle
   * yet since it started (its keys may be old), or a failure.
   */
  private applyCarried(newestSeq: number, carried: readonly SequencedChange[]): boolean {
    if (this.closed || this.stopped || !this.cycledOnce || !this.config || this.keys.waitingForKey()) return false;
    const cursor = this.cursor();
    if (cursor === 0 || this.options.state.get<BootstrapProgress>(bootstrapKey)) return false;
    if (carriedChangesPlan(cursor, newestSeq, carried) !== 'apply') return false;
    const { opened, unopened } = openChanges(this.keys.keyOf, carried.map(({ change }) => change));
    // Sealed with a key this laptop has not learnt yet: the cycle fetches the keys, then the changes.
    if (unopened.length > 0) return false;
    try {
      this.options.engine.applyRemoteChanges(this.arriving(opened), () => this.options.state.set(cursorKey, newestSeq));
    } catch (error) {
      this.options.logError?.(error, 'sync: applying the changes a poke carried');
      return false;
    }
    return true;
  }

  private async pullAll(client: RelayClient): Promise<void> {
    for (;;) {
      const cursor = this.cursor();
      const page = await client.pull(cursor, pullPage);
      if (cursor > 0 && page.oldestSeq > cursor + 1) {
        // The relay no longer has the changes after our cursor: start again from its snapshot.
        this.options.state.set(cursorKey, 0);
        await this.bootstrapIfNew(client);
        continue;
      }
      // A poke may have carried changes of this page while it was on its way: those are applied
      // already (the cursor only ever moves past changes applied), so they are left out, and the
      // cursor never moves back.
      const applied = this.cursor();
      const entries = applied > cursor ? page.changes.filter((entry) => entry.seq > applied) : page.changes;
      // The highest sequence of the page, not its last entry: nothing here relies on the order
      // of a page, which the network or a proxy may have changed.
      const nextCursor = entries.reduce((highest, entry) => Math.max(highest, entry.seq), applied);
      const { opened, unopened } = openChanges(this.keys.keyOf, entries.map(({ change }) => change));
      this.options.engine.applyRemoteChanges(this.arriving(opened), () => {
        for (const { item, reason } of unopened) this.options.setAside?.add(item, reason);
        this.options.state.set(cursorKey, nextCursor);
      });
      this.learnRole(page.role);
      if (!page.hasMore) return;
    }
  }

  private arriving<T extends { tableName: string; rowId: string; fields: Record<string, unknown> }>(changes: T[]): T[] {
    return this.options.rowIds ? this.options.rowIds.arriving(changes) : changes;
  }

  /** Snapshot rows that did not open, set aside as the changes they stand for. */
  private setAsideRows(unopened: readonly Unopened<SnapshotRow>[]): void {
    for (const { item, reason } of unopened) for (const change of snapshotRowToChanges(item)) this.options.setAside?.add(change, reason);
  }

  private recordFailure(error: unknown): void {
    if (this.closed) return;
    this.failures += 1;
    this.problem = describeSyncFailure(error, this.failures);
    if (this.problem.state === 'offline') this.offlineSince ??= this.options.now();
    this.options.logError?.(error, `sync failed (${this.failures} in a row; shown as: ${this.problem.message})`);
    if (this.problem.retry) this.schedule(this.retryDelay());
  }

  private retryDelay(): number {
    const base = Math.min(60_000, 1000 * 2 ** Math.min(this.failures, 6));
    return base / 2 + Math.random() * (base / 2);
  }

  private publish(): void {
    if (this.closed) return;
    this.options.onStatus(this.status());
  }
}

/** The longest prefix of the batch that fits well inside the relay's request limit (at least one change). */
export function limitBySize(batch: WireChange[]): WireChange[] {
  const budget = maxRequestBytes / 2;
  let bytes = 0;
  for (let index = 0; index < batch.length; index += 1) {
    bytes += Buffer.byteLength(JSON.stringify(batch[index]));
    if (bytes > budget && index > 0) return batch.slice(0, index);
  }
  return batch;
}

/**
 * A change as the relay can store it. Text from before the write path cleaned it (an author
 * name with a NUL, a lone surrogate) would be refused by PostgreSQL and hold the outbox up.
 */
function toWire(change: ChangeRecord): WireChange {
  const fields: WireChange['fields'] = {};
  for (const [name, value] of Object.entries(change.fields)) fields[name] = typeof value === 'string' ? toStorableText(value) : value;
  return { ...change, fields, author: toStorableText(change.author).slice(0, 120) };
}
