import { openBenchDatabase } from './lib/data-file';
import { setTimeout as sleep } from 'node:timers/promises';

// Run in a fresh child process by suites/memory.ts, so that its memory is the core's (plus
// Node's) and not the benchmark's, and its open is a real first open. suites/memory.ts bundles
// it with esbuild first, as scripts/build.mjs bundles the browser host, so no TypeScript loader
// sits in its memory: `node probe.mjs core|bare DATA_DIR NOW_MS MIGRATIONS_DIR`. Prints one JSON line.
//   core: createCore on the folder and the first contacts page; then the facets, the dashboard
//         and a search, as the app's first screen does; then idle after a GC.
//   bare: better-sqlite3 alone opening the same file and running the first page's SQL and the
//         facet counts; the memory a process needs to hold the database at all.

interface ProbeResult {
  mode: string;
  /** RSS before opening anything (Node, the loader and the modules). */
  rssStartMb: number;
  openToFirstPageMs: number;
  rssLoadedMb: number;
  rssIdleMb: number;
  heapUsedIdleMb: number;
  gc: boolean;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

async function main(): Promise<void> {
  const [mode, dataDir, nowText, migrationsFolder] = process.argv.slice(2);
  if (!mode || !dataDir || !nowText || !migrationsFolder) throw new Error('usage: probe core|bare DATA_DIR NOW_MS MIGRATIONS_DIR');
  const gc = (globalThis as { gc?: () => void }).gc;
  const startNow = Number(nowText);
  const started = Date.now();
  const now = () => startNow + (Date.now() - started);
  let result: ProbeResult;
  if (mode === 'core') {
    const { createCore } = await import('../src-main/core/create-core');
    gc?.();
    const rssStart = process.memoryUsage().rss;
    const t0 = performance.now();
    const core = createCore({ dataDir, shell: 'test', logError: () => {}, now, migrationsFolder });
    const first = await core.invoke('contacts.list', {});
    const openMs = performance.now() - t0;
    if (!first.ok) throw new Error(first.error.message);
    const endOfToday = Math.floor(now() / 86_400_000) * 86_400_000 + 86_399_999;
    await core.invoke('contacts.facets', {});
    await core.invoke('dashboard.get', { endOfToday, startOfWeek: endOfToday - 7 * 86_400_000 });
    await core.invoke('contacts.list', { query: 'sm' });
    const rssLoaded = process.memoryUsage().rss;
    const idle = await idleMemory(gc);
    result = { mode, rssStartMb: mb(rssStart), openToFirstPageMs: openMs, rssLoadedMb: mb(rssLoaded), ...idle, gc: !!gc };
    core.close();
  } else {
    gc?.();
    const rssStart = process.memoryUsage().rss;
    const t0 = performance.now();
    const db = openBenchDatabase(dataDir);
    db.pragma('journal_mode = WAL');
    db.prepare(
      `SELECT c.id, c.kind, c.name, c.company, c.phones, c.emails, c.contact_type, c.status, c.owner,
              c.next_follow_up_at, c.potential_value_minor, c.potential_value_currency, c.do_not_contact, c.updated_at,
              (SELECT group_concat(t.tag, char(31)) FROM contact_tags t WHERE t.contact_id = c.id AND t.present = 1) AS tags
       FROM contacts c WHERE c.cl % 2 = 1 ORDER BY c.name COLLATE NOCASE ASC, c.id ASC LIMIT 50 OFFSET 0`,
    ).all();
    const openMs = performance.now() - t0;
    db.prepare('SELECT COUNT(*) FROM contacts c WHERE c.cl % 2 = 1').get();
    db.prepare('SELECT status, COUNT(*) FROM contacts c WHERE c.cl % 2 = 1 GROUP BY status').all();
    db.prepare('SELECT t.tag, COUNT(*) FROM contact_tags t JOIN contacts c ON c.id = t.contact_id WHERE t.present = 1 AND c.cl % 2 = 1 GROUP BY t.tag COLLATE NOCASE').all();
    const rssLoaded = process.memoryUsage().rss;
    const idle = await idleMemory(gc);
    result = { mode, rssStartMb: mb(rssStart), openToFirstPageMs: openMs, rssLoadedMb: mb(rssLoaded), ...idle, gc: !!gc };
    db.close();
  }
  console.log(JSON.stringify(result));
}

async function idleMemory(gc: (() => void) | undefined) {
  gc?.();
  await sleep(300);
  gc?.();
  const usage = process.memoryUsage();
  return { rssIdleMb: mb(usage.rss), heapUsedIdleMb: mb(usage.heapUsed) };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
