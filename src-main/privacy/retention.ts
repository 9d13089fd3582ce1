import { AppError } from '../../src-shared/errors';
import type { RetentionRules } from '../../src-shared/ipc/privacy';
import type { LocalState } from '../settings/local-state';
import type { Sqlite } from '../db/open';
import type { PrivacyService } from './service';

// Retention rules, run the way forgetting runs: a call's recording and transcript older than the
// admin's limit are cleared by an ordinary write and their past values erased by an erasure
// record (fields only), here, at the relay and on every laptop at its next sync. The rules are
// kept on the laptop of the admin who set them, which applies them now and every few hours.

const rulesKey = 'privacy.retention';
const dayMs = 24 * 60 * 60 * 1000;
const recordingFields = ['recording_sha256', 'transcript'];

export class Retention {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: { sqlite: Sqlite; state: LocalState; privacy: PrivacyService; now: () => number; isAdmin: () => boolean },
  ) {}

  rules(): RetentionRules {
    return this.deps.state.get<RetentionRules>(rulesKey) ?? { callRecordingDays: null };
  }

  /** Saves the rules (admins) and applies them at once; answers how many calls were cleared. */
  setRules(rules: RetentionRules): { rules: RetentionRules; cleared: number } {
    if (!this.deps.isAdmin()) throw new AppError('forbidden', 'Only an admin of the workspace can set retention rules.');
    this.deps.state.set(rulesKey, rules);
    return { rules, cleared: this.run() };
  }

  /** Applies the rules now; the number of calls whose recording and transcript were erased. */
  run(): number {
    const days = this.rules().callRecordingDays;
    if (days === null || !this.deps.isAdmin()) return 0;
    const before = this.deps.now() - days * dayMs;
    const calls = this.deps.sqlite
      .prepare("SELECT id FROM calls WHERE started_at < ? AND (coalesce(recording_sha256, '') <> '' OR transcript <> '')")
      .all(before) as { id: string }[];
    if (calls.length === 0) return 0;
    this.deps.privacy.clearAndErase(
      calls.map((call) => ({ table: 'calls', rowId: call.id, fields: recordingFields })),
      { recording_sha256: null, transcript: '' },
    );
    return calls.length;
  }

  /** Applies the rules every few hours while the app runs. */
  start(everyMs = 6 * 60 * 60 * 1000): void {
    this.timer = setInterval(() => this.safeRun(), everyMs);
    this.timer.unref?.();
    this.first = setTimeout(() => this.safeRun(), 10_000);
    this.first.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.first);
  }

  private safeRun(): void {
    try {
      this.run();
    } catch {
      // A read-only or not-yet-synced laptop, or a database closing: the next run tries again.
    }
  }
}
