import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the database's worker threads: the bundled `<name>.mjs` beside the shell's bundle
 * (scripts/build.mjs) when there is one; from the sources (tests, tsx) the TypeScript `<name>.ts`
 * beside this file, loaded through tsx since a worker inherits no loader.
 */
export function startDatabaseWorker(name: string, workerData: object): Worker {
  const built = new URL(`./${name}.mjs`, import.meta.url);
  if (fs.existsSync(fileURLToPath(built))) return new Worker(built, { workerData, execArgv: [] });
  const source = new URL(`./${name}.ts`, import.meta.url).href;
  const viaTsx = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));`;
  return new Worker(viaTsx, { eval: true, workerData: { ...workerData, entry: source }, execArgv: [] });
}
