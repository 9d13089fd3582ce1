import { AppError } from '../../src-shared/errors';
import { channelsWhileLocked, type IdleMinutes, type LockStatus } from '../../src-shared/ipc/lock';
import type { EventName } from '../../src-shared/ipc/events';
import type { LocalState } from '../settings/local-state';
import { passphraseOpens, passphraseSealOf } from './passphrase-check';

// The app lock, kept by the core so that every shell (Electron IPC, the browser host's HTTP) is
// refused the same way while it is locked: the renderer's lock screen only shows what the core
// already enforces. Sync, mail sync and the phone line keep running underneath; only what a
// person at the screen could see or change stops.

/** The operating system's own unlock (Touch ID on a Mac), given by the Electron shell where it exists. */
export interface OsUnlock {
  /** Its name as the button says it: "Touch ID". */
  label: string;
  /** Asks the person; true when they passed. */
  prompt(reason: string): Promise<boolean>;
}

export interface AppLockDeps {
  state: LocalState;
  dataDir: string;
  /** The key the database is open with; a passphrase unlocks when its seal opens to this key. */
  databaseKey: Buffer | null;
  now: () => number;
  /** How long a "minute" of the idle setting is; tests shorten it. */
  minuteMs?: number;
  osUnlock?: OsUnlock;
  onChange: (status: LockStatus) => void;
}

const settingKey = 'app_lock';
/** Wrong passphrases taken at once before each further try waits: 1 s, 2 s, 4 s … up to 5 minutes. */
const freeTries = 3;
const maxWaitMs = 5 * 60_000;
/** Events a locked app still sends: the lock's own, and sync's (which names no customer). */
// The upgrade's progress is counts only: the lock screen shows it, so the person sees why the start takes long.
const eventsWhileLocked: readonly EventName[] = ['lock.changed', 'sync.status', 'privacy.upgradeProgress'];

export const lockedMessage = 'Fieldbook is locked. Unlock it with your passphrase to continue.';

export class AppLock {
  private locked: boolean;
  private idleMinutes: IdleMinutes | null;
  private lastActivity: number;
  private timer: NodeJS.Timeout | undefined;
  private wrongTries = 0;
  private nextTryAt = 0;
  private checking = false;
  private readonly minuteMs: number;

  constructor(private readonly deps: AppLockDeps) {
    this.minuteMs = deps.minuteMs ?? 60_000;
    this.idleMinutes = deps.state.get<{ idleMinutes: IdleMinutes | null }>(settingKey)?.idleMinutes ?? null;
    // The lock is on: every start begins locked (a laptop found switched off must not open to its data).
    this.locked = this.idleMinutes !== null && this.canUnlock();
    this.lastActivity = deps.now();
    this.schedule();
  }

  isLocked(): boolean {
    return this.locked;
  }

  /** Refuses a channel while locked: everything but the lock's own status and unlock. */
  check(channel: string): void {
    if (this.locked && !channelsWhileLocked.includes(channel)) throw new AppError('locked', lockedMessage);
  }

  /** Whether an event may reach the renderer now: while locked, none that could name a customer. */
  passes(event: EventName): boolean {
    return !this.locked || eventsWhileLocked.includes(event);
  }

  status(): LockStatus {
    return {
      locked: this.locked,
      idleMinutes: this.idleMinutes,
      idleAfterMs: this.idleMinutes === null ? null : this.idleMinutes * this.minuteMs,
      passphrase: this.hasPassphrase(),
      osUnlock: this.deps.osUnlock?.label ?? null,
      retryInMs: Math.max(0, this.nextTryAt - this.deps.now()),
    };
  }

  configure(idleMinutes: IdleMinutes | null): LockStatus {
    if (idleMinutes !== null && !this.canUnlock()) throw cannotUnlock();
    this.idleMinutes = idleMinutes;
    this.deps.state.set(settingKey, { idleMinutes });
    this.lastActivity = this.deps.now();
    this.schedule();
    return this.changed();
  }

  lockNow(): LockStatus {
    if (!this.canUnlock()) throw cannotUnlock();
    this.lock();
    return this.status();
  }

  activity(): void {
    if (this.locked) return;
    this.lastActivity = this.deps.now();
  }

  async unlock(input: { passphrase: string } | { useOs: true }): Promise<LockStatus> {
    if (!this.locked) return this.status();
    const waitMs = this.nextTryAt - this.deps.now();
    if (waitMs > 0) throw new AppError('forbidden', `Too many wrong tries. Wait ${Math.ceil(waitMs / 1000)} seconds, then try again.`, 'passphrase');
    // One check at a time: parallel guesses would get around the wait.
    if (this.checking) throw new AppError('conflict', 'The passphrase is still being checked.', 'passphrase');
    this.checking = true;
    let passed: boolean;
    try {
      passed = 'passphrase' in input ? await this.passphraseOpens(input.passphrase) : await this.osUnlocks();
    } finally {
      this.checking = false;
    }
    if (!passed) {
      this.wrongTries += 1;
      if (this.wrongTries >= freeTries) this.nextTryAt = this.deps.now() + Math.min(maxWaitMs, 1000 * 2 ** (this.wrongTries - freeTries));
      this.deps.onChange(this.status());
      throw 'passphrase' in input
        ? new AppError('forbidden', 'That passphrase is not right. Fieldbook stays locked; try again.', 'passphrase')
        : new AppError('forbidden', `${this.deps.osUnlock?.label ?? 'The system'} did not confirm it is you. Fieldbook stays locked.`);
    }
    this.wrongTries = 0;
    this.nextTryAt = 0;
    this.locked = false;
    this.lastActivity = this.deps.now();
    this.schedule();
    return this.changed();
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private lock(): void {
    if (this.locked) return;
    this.locked = true;
    clearTimeout(this.timer);
    this.changed();
  }

  private changed(): LockStatus {
    const status = this.status();
    this.deps.onChange(status);
    return status;
  }

  /** Wakes when the idle time would run out; locks if no input came meanwhile, or waits again. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.locked || this.idleMinutes === null) return;
    const idleAfterMs = this.idleMinutes * this.minuteMs;
    const dueIn = this.lastActivity + idleAfterMs - this.deps.now();
    this.timer = setTimeout(() => {
      if (this.deps.now() - this.lastActivity >= idleAfterMs) this.lock();
      else this.schedule();
    }, Math.max(0, dueIn));
    this.timer.unref();
  }

  private hasPassphrase(): boolean {
    return this.deps.databaseKey !== null && passphraseSealOf(this.deps.dataDir) !== undefined;
  }

  private canUnlock(): boolean {
    return this.hasPassphrase() || this.deps.osUnlock !== undefined;
  }

  private async passphraseOpens(passphrase: string): Promise<boolean> {
    const seal = passphraseSealOf(this.deps.dataDir);
    if (!seal || !this.deps.databaseKey) {
      throw new AppError('invalid_input', `This data folder has no passphrase.${this.deps.osUnlock ? ` Unlock with ${this.deps.osUnlock.label}.` : ''}`, 'passphrase');
    }
    return passphraseOpens(passphrase, seal, this.deps.databaseKey);
  }

  private async osUnlocks(): Promise<boolean> {
    if (!this.deps.osUnlock) throw new AppError('invalid_input', 'This computer offers no unlock of its own here: use the passphrase.');
    try {
      return await this.deps.osUnlock.prompt('unlock Fieldbook');
    } catch {
      return false;
    }
  }
}

function cannotUnlock(): AppError {
  return new AppError(
    'invalid_input',
    'The app lock needs a way to unlock: this data folder has no passphrase. Start Fieldbook once with FIELDBOOK_PASSPHRASE set to add one.',
    'idleMinutes',
  );
}
