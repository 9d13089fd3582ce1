import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Figure, Measurement } from './figures';

// The printed table (Markdown, so it can be pasted into BENCHMARKS.md as it is) and the JSON
// report, bench/results/latest.json.

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  platform: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  /** 1-minute load average when the run started: other work on the machine skews latencies. */
  loadAverageAtStart: number;
}

export function describeMachine(db: Database.Database, repoRoot: string, loadAverageAtStart: number): Machine {
  const cpus = os.cpus();
  const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'better-sqlite3-multiple-ciphers', 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite: (db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version,
    betterSqlite3: packageJson.version,
    loadAverageAtStart,
  };
}

export function gitCommit(repoRoot: string): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return { commit, dirty: status.length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

const number = (value: number, digits = 2) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const compact = (value: number) =>
  value >= 1e6 ? `${number(value / 1e6, 2)}M` : value >= 1e3 ? `${number(value / 1e3, 1)}k` : number(value, 0);

export function formatMeasurement(measurement: Measurement): string {
  switch (measurement.kind) {
    case 'latency': {
      const { p50, p95, p99, samples } = measurement.distribution;
      return `p50 ${number(p50)} · p95 ${number(p95)} · p99 ${number(p99)} ms (n=${samples})`;
    }
    case 'rate': {
      const { rowsPerSecond, fieldChangesPerSecond, rows, seconds } = measurement.rate;
      return `${compact(rowsPerSecond)} rows/s · ${compact(fieldChangesPerSecond)} fields/s (${compact(rows)} rows in ${number(seconds, 1)} s)`;
    }
    case 'amount':
      return `${number(measurement.amount.value, 1)} ${measurement.amount.unit}`;
  }
}

function result(figure: Figure): string {
  if (figure.status !== 'measured') return figure.status;
  if (figure.pass === null || figure.pass === undefined) return 'n/a';
  const checks = (figure.checks ?? []).map((check) => `${check.pass ? 'pass' : 'MISS'}: ${check.text}`).join('; ');
  return `**${figure.pass ? 'PASS' : 'MISS'}** (${checks})`;
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(figures: Figure[]): string {
  const lines = [
    '| Figure | Fieldbook | Baseline (same run, same data) | Ratio | Target (docs/architecture.md) | Result |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const figure of figures) {
    const value = figure.value ? formatMeasurement(figure.value) : (figure.note ?? '');
    const baseline = figure.baseline ? `${formatMeasurement(figure.baseline.value)} — ${figure.baseline.title}` : '—';
    const ratio = figure.ratio ? `${number(figure.ratio.value)}x (${figure.ratio.statistic})` : '—';
    lines.push(`| ${[figure.title, value, baseline, ratio, figure.target ?? '—', result(figure)].map(escape).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function notes(figures: Figure[]): string[] {
  return figures.filter((figure) => figure.status === 'measured' && figure.note).map((figure) => `- ${figure.title}: ${figure.note}`);
}
