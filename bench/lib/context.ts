import type Database from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../src-main/core/create-core';
import type { DataSetSummary } from '../generator/dataset';
import type { BareQueries } from './bare-sql';

/** What every suite gets: the core on a copy of the data set, and a bare connection to the same file. */
export interface BenchContext {
  core: Core;
  dataDir: string;
  summary: DataSetSummary;
  quick: boolean;
  seed: number;
  /** A plain better-sqlite3 connection to the same database file, for baselines. */
  bareDb: Database.Database;
  bare: BareQueries;
  /** The core's clock: the data set's end, moving on in real time. */
  now: () => number;
  endOfToday: number;
  startOfWeek: number;
  log: (line: string) => void;
}

export async function call(core: Pick<Core, 'invoke'>, channel: string, input: unknown): Promise<unknown> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Scales iteration counts: quick runs do fewer rounds. */
export function rounds(context: BenchContext, full: number, quick: number): number {
  return context.quick ? quick : full;
}

export function sameIds(subject: unknown, baseline: unknown): boolean {
  const left = (subject as { items: { id: string }[] }).items.map((item) => item.id);
  const right = (baseline as { id: string }[]).map((row) => row.id);
  return left.length === right.length && left.every((id, index) => id === right[index]);
}
