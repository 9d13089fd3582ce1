#!/usr/bin/env node
// Builds everything `npm start`, the e2e tests and electron-builder run from:
//   dist/renderer/            the React renderer (Vite, config in vite.config.ts)
//   dist/host/main.mjs        the browser host's start, running dist/host/host.cjs (Node; first-use and native
//                             dependencies left in node_modules) with V8's code cache
//   dist/electron/main.cjs    the Electron main process (dependencies bundled, native ones not)
//   dist/electron/preload.cjs the sandboxed preload (one file: a sandboxed preload cannot require ours)
//   dist/*/mail-parse-worker.mjs  mail parsing in worker threads, beside each main bundle
//   dist/{host,electron}/clock-conversion-worker.mjs  the update of clocks from before 0035, in a worker thread
//   dist/{host,cli,electron}/vacuum-into-worker.mjs  a backup's snapshot of the database, in a worker thread
//   dist/{host,electron}/checkpoint-worker.mjs  the write-ahead log's checkpoints, in a worker thread
//   dist/cli/main.mjs         the fieldbook command (bin/fieldbook.mjs), one chunk per command
//   dist/relay/main.mjs       the sync relay (bin/fieldbook-relay.mjs, `npm run relay`)
// Usage: node scripts/build.mjs [renderer] [host] [electron] [cli] [relay]   (no argument: all five)
import esbuild from 'esbuild';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = ['renderer', 'host', 'electron', 'cli', 'relay'];
const requested = process.argv.slice(2);
const unknown = requested.filter((target) => !targets.includes(target));
if (unknown.length > 0) {
  console.error(`Unknown build target ${unknown.join(', ')}; choose from ${targets.join(', ')}.`);
  process.exit(1);
}
const wanted = new Set(requested.length > 0 ? requested : targets);

// Mail sync parses in worker threads, which load this file from next to the main bundle
// (src-main/mail/parse-pool.ts); without it, parsing happens on the main thread.
const mailParseWorker = { entryPoints: ['src-main/mail/mail-parse-worker.mjs'], platform: 'node', format: 'esm' };
// The one-time update of an earlier version's clocks runs in a worker thread, loaded from next to
// the main bundle (src-main/db/clock-conversion-thread.ts), so the shell can show its progress.
const clockConversionWorker = { entryPoints: ['src-main/db/clock-conversion-worker.ts'], platform: 'node', format: 'esm' };
// A backup's snapshot of the database (VACUUM INTO) runs in a worker thread, loaded from next to the
// main bundle (src-main/db/vacuum-into-thread.ts), so the app answers while it is taken.
const vacuumIntoWorker = { entryPoints: ['src-main/db/vacuum-into-worker.ts'], platform: 'node', format: 'esm' };
// The write-ahead log is checkpointed by a worker thread (src-main/db/background-checkpoints.ts),
// not by the write that fills it.
const checkpointWorker = { entryPoints: ['src-main/db/checkpoint-worker.ts'], platform: 'node', format: 'esm' };

// Vite resolves the config's relative root against the working directory.
process.chdir(repoRoot);
const started = performance.now();

const builds = [
  wanted.has('renderer') ? buildRenderer() : undefined,
  wanted.has('host') ? buildHost() : undefined,
  wanted.has('electron') ? buildElectron() : undefined,
  wanted.has('cli') ? buildCli() : undefined,
  wanted.has('relay') ? buildRelay() : undefined,
];
// Settled, not raced: exiting at the first failure would cut the other builds off mid-write.
const failures = (await Promise.allSettled(builds)).filter((outcome) => outcome.status === 'rejected');
if (failures.length > 0) {
  for (const { reason } of failures) {
    // esbuild and Vite errors carry an `errors` list and have been printed already.
    if (!Array.isArray(reason?.errors)) console.error(reason instanceof Error ? reason.message : reason);
  }
  console.error('Build failed.');
  process.exit(1);
}
console.log(`Built in ${Math.round(performance.now() - started)} ms.`);

async function buildRenderer() {
  const { build } = await import('vite');
  const configFile = path.join(repoRoot, 'vite.config.ts');
  try {
    await build(
      fs.existsSync(configFile)
        ? { configFile, logLevel: 'warn' }
        : // Without a config yet, the same layout the config is meant to declare.
          { configFile: false, root: 'src-renderer', base: './', logLevel: 'warn', build: { outDir: '../dist/renderer', emptyOutDir: true } },
    );
  } catch (error) {
    // At logLevel 'warn' Vite reports only that it failed; the reason is in the error.
    console.error(error instanceof Error ? error.message : error);
    throw error;
  }
  report('dist/renderer/', directorySize(path.join(repoRoot, 'dist', 'renderer')));
}

/**
 * The browser host: main.ts as one CommonJS file, dist/host/host.cjs, run by dist/host/main.mjs
 * (src-main/host/start.ts) through V8's code cache, which Node 20 offers only to scripts compiled by
 * vm.Script (src-main/host/code-cache.ts). Libraries imported where first used (mail, PDFs, the
 * like) stay external and are still loaded only then (tests/main/host/first-page-modules.test.ts).
 */
async function buildHost() {
  await bundle({
    entryPoints: ['src-main/host/main.ts'],
    outfile: 'dist/host/host.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    plugins: [externalExcept(hostBundledPackages())],
    // import() as require() inside a promise: in Node 20, code taken from V8's cache loses vm.Script's
    // dynamic import callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and every library the host
    // imports where first used can be required.
    supported: { 'dynamic-import': false },
    // Our ESM sources use import.meta.url to find files next to them; CommonJS has __filename.
    define: { 'import.meta.url': '__fieldbookImportMetaUrl' },
    banner: { js: "const __fieldbookImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await bundle({ entryPoints: ['src-main/host/start.ts'], outfile: 'dist/host/main.mjs', platform: 'node', format: 'esm', target: 'node20', packages: 'external' });
  await bundle({ ...mailParseWorker, outfile: 'dist/host/mail-parse-worker.mjs', target: 'node20', packages: 'external' });
  await bundle({ ...clockConversionWorker, outfile: 'dist/host/clock-conversion-worker.mjs', target: 'node20', packages: 'external' });
  await bundle({ ...vacuumIntoWorker, outfile: 'dist/host/vacuum-into-worker.mjs', target: 'node20', packages: 'external' });
  await bundle({ ...checkpointWorker, outfile: 'dist/host/checkpoint-worker.mjs', target: 'node20', packages: 'external' });
}

/**
 * The pure-ESM packages the host needs before its first page, bundled into it: left in
 * node_modules they were ~370 files, each resolved, read and compiled as a module of its own at
 * every start (BENCHMARKS.md, "Cold start: …"). The rest stay external: better-sqlite3 is native,
 * CommonJS packages (ws, papaparse) would need require() inside an ES module, and the heavy
 * libraries loaded on first use (mail, PDFs, NLP) stay out of the start altogether.
 */
function hostBundledPackages() {
  return ['zod', 'drizzle-orm', 'libphonenumber-js', 'uuid', '@noble/curves', '@noble/hashes', '@noble/ciphers', '@scure/base'];
}

/** An esbuild plugin that leaves every package external except those named. */
function externalExcept(bundled) {
  const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  return {
    name: 'external-except',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (bundled.includes(packageName(args.path)) ? undefined : { path: args.path, external: true }));
    },
  };
}

/**
 * The command line, compiled once instead of by tsx at every start. Each command is a chunk of its
 * own, loaded when it runs. dist/cli/ sits two folders below the repository root, as
 * src-main/db/ does, so the migrations are found from either.
 */
async function buildCli() {
  await splitBundle('src-main/cli/main.ts', 'dist/cli');
  await bundle({ ...mailParseWorker, outfile: 'dist/cli/mail-parse-worker.mjs', target: 'node20', packages: 'external' });
  await bundle({ ...vacuumIntoWorker, outfile: 'dist/cli/vacuum-into-worker.mjs', target: 'node20', packages: 'external' });
}

/**
 * The relay, compiled once instead of by tsx at every start (tsx alone holds ~30 MB). Code behind
 * a dynamic import() (the database driver not in use, twilio, the S3 client) is a chunk loaded
 * only when needed, so a relay without a phone line or S3 never holds them. dist/relay/ sits two
 * folders below the repository root, as src-relay/db/ does, so migrations/relay is found from both.
 */
async function buildRelay() {
  await splitBundle('src-relay/main.ts', 'dist/relay');
}

/** One entry point as dist/<folder>/main.mjs, with every dynamic import() its own chunk. */
async function splitBundle(entryPoint, outdir, options = {}) {
  await esbuild.build({
    entryPoints: { main: entryPoint },
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: repoRoot,
    ...options,
  });
  report(`${outdir}/main.mjs`, fs.statSync(path.join(repoRoot, outdir, 'main.mjs')).size);
}

async function buildElectron() {
  await Promise.all([
    bundle({
      entryPoints: ['src-main/electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      platform: 'node',
      format: 'cjs',
      // Electron 41 ships Node 24; node22 syntax runs on every Electron since 35.
      target: 'node22',
      // Electron provides itself; better-sqlite3 is native and is loaded from node_modules (or the
      // Electron build in dist/native) at run time.
      external: ['electron', 'better-sqlite3-multiple-ciphers'],
      sourcemap: true,
      // Our ESM sources use import.meta.url to find files next to them; CommonJS has __filename.
      define: { 'import.meta.url': '__fieldbookImportMetaUrl' },
      banner: { js: "const __fieldbookImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    bundle({
      ...mailParseWorker,
      outfile: 'dist/electron/mail-parse-worker.mjs',
      target: 'node22',
      // Its dependencies are bundled, and some of them require() Node's modules.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    }),
    bundle({
      ...clockConversionWorker,
      outfile: 'dist/electron/clock-conversion-worker.mjs',
      target: 'node22',
      external: ['better-sqlite3-multiple-ciphers'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    }),
    bundle({
      ...vacuumIntoWorker,
      outfile: 'dist/electron/vacuum-into-worker.mjs',
      target: 'node22',
      external: ['better-sqlite3-multiple-ciphers'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    }),
    bundle({
      ...checkpointWorker,
      outfile: 'dist/electron/checkpoint-worker.mjs',
      target: 'node22',
      external: ['better-sqlite3-multiple-ciphers'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    }),
    contractNames().then((names) =>
      bundle({
        entryPoints: ['src-main/electron/preload.ts'],
        outfile: 'dist/electron/preload.cjs',
        platform: 'browser',
        format: 'cjs',
        target: 'es2023',
        external: ['electron'],
        sourcemap: true,
        define: {
          FIELDBOOK_CHANNEL_NAMES: JSON.stringify(names.channelNames),
          FIELDBOOK_EVENT_NAMES: JSON.stringify(names.eventNames),
        },
      }),
    ),
  ]);
}

/**
 * The contract's channel and event names, for the preload, which must not carry the schemas. Read
 * from the contract itself (bundled and loaded here) so the preload can never drift from it.
 */
async function contractNames() {
  const result = await esbuild.build({
    stdin: {
      contents: "export { channelNames } from './src-shared/ipc/contract';\nexport { eventNames } from './src-shared/ipc/events';",
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const source = result.outputFiles[0].text;
  const { channelNames, eventNames } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  if (channelNames.length === 0 || eventNames.length === 0) throw new Error('The contract lists no channels or no events.');
  return { channelNames, eventNames };
}

async function bundle(options) {
  await esbuild.build({ bundle: true, logLevel: 'warning', absWorkingDir: repoRoot, ...options });
  report(options.outfile, fs.statSync(path.join(repoRoot, options.outfile)).size);
}

function directorySize(directory) {
  let total = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function report(what, bytes) {
  console.log(`  built ${what.padEnd(26)} ${(bytes / 1024).toFixed(1).padStart(8)} kB`);
}
