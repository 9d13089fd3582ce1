import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The embedded database's memory, for a relay on a small virtual server. PGlite runs PostgreSQL
// in WebAssembly, whose memory grows and is never given back while the process lives:
//   - creating a new database folder (initdb) grows it to ~850 MB, so that is done in a short
//     child process, and the relay opens the finished folder (~100 MB of database instead);
//   - PostgreSQL's shared buffers default to 128 MB; 16 MB holds the relay's hot pages (the
//     newest changes and the row states being folded) — its reads are by index, near the end.

/** postgresql.conf lines for the embedded database. */
export const pgliteSettings = ['shared_buffers = 16MB', 'wal_buffers = 1MB'];

/** Creates the database cluster in `dataDir` in a child process, unless it is there already. */
export function createPgliteCluster(dataDir: string): void {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); const db = await PGlite.create({ dataDir: process.argv[1] }); await db.close();`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script, dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
}
