import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it, vi } from 'vitest';
import type { LoadingMutationEngine } from '../../../src-main/sync/loading-engine';
import { readThroughWhileLoading } from '../../../src-main/sync/snapshot-indexes';
import { SnapshotLoader } from '../../../src-main/sync/snapshot-load';
import { createTempCore } from '../../helpers/temp-core';

// While a new laptop loads the relay's snapshot, the synced tables' secondary indexes are set
// aside (src-main/sync/snapshot-indexes.ts). A query that names an index (INDEXED BY) fails with
// "no such index" while it is gone: the contacts list, the calls desk or the phone line would
// stop with an error on a laptop that is joining. Every index the app's code names is kept.

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('indexes a snapshot load keeps', () => {
  it('keeps every index a query of the app names with INDEXED BY', () => {
    const named = new Map<string, string>();
    for (const file of sourceFiles(path.resolve(__dirname, '../../../src-main'))) {
      // Comments name the set itself; only code counts.
      const code = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      for (const match of code.matchAll(/INDEXED BY ([a-z_][a-z0-9_]*)/g)) named.set(match[1]!, path.basename(file));
    }
    expect(named.size).toBeGreaterThan(0);
    const missing = [...named].filter(([name]) => !readThroughWhileLoading.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('keeps the index the follow-up reminders read after every page of follow-ups', () => {
    // After each committed page that wrote follow-ups, the reminder job asks which are due and
    // when the next one is (create-core.ts, followups/jobs.ts). Without their index each asking
    // scanned every follow-up loaded so far: at 100k, 0.2–0.6 s a page, growing with each page.
    const prepared: string[] = [];
    const prepare = Database.prototype.prepare;
    const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
      prepared.push(sql);
      return prepare.call(this, sql);
    } as typeof prepare);
    const core = createTempCore({ autoSync: false });
    spy.mockRestore();
    try {
      // The first page sets the indexes aside, as a load does.
      new SnapshotLoader(core.sqlite, core.engine as LoadingMutationEngine).loadPage([], () => {});
      const reminderQueries = prepared.filter((sql) => /FROM follow_ups f\b/.test(sql) && sql.includes('reminders_shown r'));
      expect(reminderQueries.length).toBeGreaterThanOrEqual(2);
      const scans = reminderQueries.flatMap((sql) => {
        const plan = core.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => 0)) as { detail: string }[];
        return plan.filter(({ detail }) => /^SCAN f\b/.test(detail)).map(({ detail }) => `${detail} in: ${sql.replace(/\s+/g, ' ').slice(0, 80)}`);
      });
      expect(scans).toEqual([]);
    } finally {
      core.dispose();
    }
  });
});
