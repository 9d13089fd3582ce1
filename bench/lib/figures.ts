import { summarise, type Distribution } from './stats';

// One line of the report: a figure of Fieldbook beside its baseline measured in the same run on
// the same data, and the target of docs/architecture.md it is held to. A miss is reported, never hidden.

export interface Rate {
  rows: number;
  /** Field values written (for the change log: changed fields; for inserts: columns). */
  fieldChanges: number;
  seconds: number;
  rowsPerSecond: number;
  fieldChangesPerSecond: number;
}

export interface Amount {
  value: number;
  unit: 'MB' | 'ms' | 'MB/s';
}

export type Measurement =
  | { kind: 'latency'; distribution: Distribution }
  | { kind: 'rate'; rate: Rate }
  | { kind: 'amount'; amount: Amount };

export interface Check {
  text: string;
  pass: boolean;
}

export interface Figure {
  id: string;
  title: string;
  status: 'measured' | 'not measured' | 'not implemented';
  /** Why a figure is not measured, or what to keep in mind reading it. */
  note?: string;
  value?: Measurement;
  baseline?: { title: string; value: Measurement };
  /** Fieldbook / baseline on the statistic the target uses (p95, p99, rows/s…). */
  ratio?: { statistic: string; value: number };
  /** The target of docs/architecture.md, in its words. */
  target?: string;
  checks?: Check[];
  /** true: every check passes; false: at least one misses; null: nothing to check. */
  pass?: boolean | null;
  /** Extra numbers that explain the figure (SQL split, query plans…), for the JSON report. */
  details?: Record<string, unknown>;
}

export function latency(distribution: Distribution): Measurement {
  return { kind: 'latency', distribution };
}

export function rate(rows: number, fieldChanges: number, seconds: number): Measurement {
  return {
    kind: 'rate',
    rate: { rows, fieldChanges, seconds, rowsPerSecond: rows / seconds, fieldChangesPerSecond: fieldChanges / seconds },
  };
}

/** Fills in ratio and pass from checks. */
export function finish(figure: Figure): Figure {
  const checks = figure.checks ?? [];
  return { ...figure, pass: checks.length === 0 ? null : checks.every((check) => check.pass) };
}

export function statistic(measurement: Measurement, name: 'p50' | 'p95' | 'p99'): number {
  if (measurement.kind !== 'latency') throw new Error('not a latency');
  return measurement.distribution[name];
}

export function latencyRatio(subject: Measurement, baseline: Measurement, name: 'p50' | 'p95' | 'p99') {
  return { statistic: name, value: statistic(subject, name) / statistic(baseline, name) };
}

export function notMeasured(id: string, title: string, status: 'not measured' | 'not implemented', note: string, target?: string): Figure {
  return { id, title, status, note, ...(target ? { target } : {}), pass: null };
}

/** A latency figure held to a p95 limit, beside its baseline's samples (ratio at p95). */
export function p95Figure(options: {
  id: string;
  title: string;
  samples: readonly number[];
  baseline: { title: string; samples: readonly number[] };
  target: string;
  limitMs: number;
  note?: string;
  details?: Record<string, unknown>;
}): Figure {
  const value = latency(summarise(options.samples));
  const base = latency(summarise(options.baseline.samples));
  const limit = options.limitMs >= 1000 ? `${options.limitMs / 1000} s` : `${options.limitMs} ms`;
  return finish({
    id: options.id,
    title: options.title,
    status: 'measured',
    value,
    baseline: { title: options.baseline.title, value: base },
    ratio: latencyRatio(value, base, 'p95'),
    target: options.target,
    checks: [{ text: `p95 ≤ ${limit}`, pass: statistic(value, 'p95') <= options.limitMs }],
    ...(options.note ? { note: options.note } : {}),
    ...(options.details ? { details: options.details } : {}),
  });
}
