import { v7 as uuidv7 } from 'uuid';
import type { BackupResult, ExportResult, ImportReport, JobFinished, JobKind, JobProgress, JobStatus } from '../../src-shared/domain/exchange';
import { AppError } from '../../src-shared/errors';
import type { JobControl } from './deps';

export type ExchangeEvent = { name: 'exchange.progress'; payload: JobProgress } | { name: 'exchange.finished'; payload: JobFinished };
export type ExchangeEmit = (name: ExchangeEvent['name'], payload: ExchangeEvent['payload']) => void;

export type JobOutcome =
  | { importReport: ImportReport }
  | { exportResult: ExportResult }
  | { backupResult: BackupResult };

interface Job {
  status: JobStatus;
  controller: AbortController;
  lastEmit: number;
}

const progressEveryMs = 100;
const keptFinishedJobs = 50;

/**
 * Long work (imports, exports, backups) as jobs: started at once with an id, followed through
 * exchange.progress events and jobStatus, stopped with cancel. Finished jobs are remembered
 * (the last 50) so the renderer can still ask how one ended.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly emit: ExchangeEmit = () => {},
    private readonly logError: (error: unknown, context: string) => void = () => {},
  ) {}

  start(kind: JobKind, work: (control: JobControl) => Promise<JobOutcome>): { jobId: string } {
    const jobId = uuidv7();
    const job: Job = {
      controller: new AbortController(),
      lastEmit: 0,
      status: {
        jobId,
        kind,
        phase: 'starting',
        done: 0,
        total: 0,
        state: 'running',
        error: null,
        importReport: null,
        exportResult: null,
        backupResult: null,
      },
    };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    const control: JobControl = {
      signal: job.controller.signal,
      onProgress: (phase, done, total) => {
        Object.assign(job.status, { phase, done, total });
        const now = Date.now();
        if (now - job.lastEmit < progressEveryMs && done < total) return;
        job.lastEmit = now;
        this.emit('exchange.progress', { jobId, kind, phase, done, total });
      },
    };
    // Started on the next turn, so the caller has the id before the first progress event.
    setImmediate(() => {
      work(control).then(
        (outcome) => {
          Object.assign(job.status, outcome);
          const cancelled = 'importReport' in outcome && outcome.importReport.state === 'cancelled';
          this.finish(job, cancelled ? 'cancelled' : 'done');
        },
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'cancelled') return this.finish(job, 'cancelled');
          if (error instanceof AppError) job.status.error = { code: error.code, message: error.message };
          else {
            this.logError(error, `${kind} job failed`);
            job.status.error = { code: 'internal', message: 'Something went wrong inside Fieldbook. The details are in its log.' };
          }
          this.finish(job, 'failed');
        },
      );
    });
    return { jobId };
  }

  status(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'There is no such job (it may be from before the app restarted).', 'jobId');
    return structuredClone(job.status);
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'There is no such job.', 'jobId');
    if (job.status.state !== 'running') return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async settled(jobId: string, pollMs = 10): Promise<JobStatus> {
    for (;;) {
      const status = this.status(jobId);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private finish(job: Job, state: JobStatus['state']): void {
    job.status.state = state;
    const { jobId, kind, phase, done, total } = job.status;
    this.emit('exchange.progress', { jobId, kind, phase, done, total });
    this.emit('exchange.finished', { jobId, kind, state });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - keptFinishedJobs))) this.jobs.delete(job.status.jobId);
  }
}
