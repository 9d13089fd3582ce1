#!/usr/bin/env node
// `npm start [-- args]`: builds what is out of date, then runs Fieldbook in Electron when it can,
// otherwise in the browser host (which prints its address and opens a Chromium window if there is
// a display). Args such as --data-dir and --port go to whichever runs.
//
// Electron needs two things npm does not give us here (package.json allowScripts has
// electron:false): its binary, which install.js downloads, and better-sqlite3-multiple-ciphers compiled for its
// ABI (node_modules holds the Node build for tests and the host). Each is attempted once; a
// failure is remembered for a day in node_modules/.cache/fieldbook, so an offline machine does
// not wait on the network at every start.
// FIELDBOOK_NO_ELECTRON=1 (or CI) skips Electron altogether.
// The data is encrypted: Electron seals its key in the OS keychain; the browser host asks for a
// passphrase on this terminal (twice, the first time) unless FIELDBOOK_PASSPHRASE is set.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromRoot = (...parts) => path.join(repoRoot, ...parts);
const args = prepareDemo(process.argv.slice(2));
const stateFile = fromRoot('node_modules', '.cache', 'fieldbook', 'start-state.json');
const failureMemoryMs = 24 * 60 * 60 * 1000;

buildIfStale();
const electron = prepareElectron();
if (electron) {
  console.log('Starting Fieldbook in Electron.');
  run(electron.executable, [...electron.flags, repoRoot, ...args], { ...process.env, FIELDBOOK_ELECTRON_SQLITE: electron.sqliteBinding });
} else {
  run(process.execPath, [fromRoot('dist', 'host', 'main.mjs'), ...args], process.env);
}

/**
 * `--demo`: a populated CRM in one command. Fills a demo data folder with ~300 generated contacts
 * and their history, then starts on it. Its own folder is made afresh at every start, so the demo
 * is dated from today and made by this version's generator; a folder named with --data-dir is
 * filled once and then left as it is (it may hold what someone typed).
 */
function prepareDemo(argv) {
  if (!argv.includes('--demo')) return argv;
  const rest = argv.filter((arg) => arg !== '--demo');
  const flagIndex = rest.findIndex((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
  let dataDir;
  if (flagIndex === -1) {
    dataDir = path.join(os.tmpdir(), 'fieldbook-demo');
    fs.rmSync(dataDir, { recursive: true, force: true });
    rest.push('--data-dir', dataDir);
  } else {
    dataDir = rest[flagIndex].includes('=') ? rest[flagIndex].split('=').slice(1).join('=') : rest[flagIndex + 1];
  }
  // The generator seals its data folders with the test passphrase (src-main/security/key-source.ts);
  // the demo's data is made up, so the app is given it rather than asking.
  process.env.FIELDBOOK_PASSPHRASE = 'fieldbook test passphrase';
  console.log(`Preparing the demo data in ${dataDir} (its passphrase: "${process.env.FIELDBOOK_PASSPHRASE}") …`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', fromRoot('bench', 'generate.ts'), '--demo', '--out', dataDir], {
    stdio: 'inherit',
    cwd: repoRoot,
  });
  if (result.status !== 0) {
    console.error('The demo data could not be generated.');
    process.exit(1);
  }
  return rest;
}

function buildIfStale() {
  const shared = ['src-shared', 'package.json'];
  const targets = {
    renderer: { outputs: ['dist/renderer/index.html'], sources: [...shared, 'src-renderer', 'vite.config.ts'] },
    host: { outputs: ['dist/host/main.mjs'], sources: [...shared, 'src-main'] },
    electron: { outputs: ['dist/electron/main.cjs', 'dist/electron/preload.cjs'], sources: [...shared, 'src-main'] },
  };
  const stale = Object.entries(targets)
    .filter(([, { outputs, sources }]) => {
      const built = Math.min(...outputs.map((output) => mtimeOf(fromRoot(output)) ?? -Infinity));
      return sources.some((source) => newestMtime(fromRoot(source)) > built);
    })
    .map(([name]) => name);
  if (stale.length === 0) return;
  console.log(`Building ${stale.join(', ')}…`);
  const build = spawnSync(process.execPath, [fromRoot('scripts', 'build.mjs'), ...stale], { stdio: 'inherit', cwd: repoRoot });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** The Electron executable and its better-sqlite3-multiple-ciphers binding, or undefined (with the reason said) to use the host. */
function prepareElectron() {
  if (process.env.FIELDBOOK_NO_ELECTRON === '1' || process.env.CI) return undefined;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No display found: starting the browser host instead of Electron.');
    return undefined;
  }
  const executable = electronExecutable();
  if (!executable) {
    console.log('Electron is not available: starting the browser host instead.');
    return undefined;
  }
  const sqliteBinding = electronSqliteBinding();
  if (!sqliteBinding) {
    console.log('better-sqlite3-multiple-ciphers could not be built for Electron: starting the browser host instead.');
    return undefined;
  }
  // Chromium refuses to run as root with its sandbox on; the page stays sandboxed by Electron's
  // renderer settings, but say so rather than do it silently.
  const flags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  if (flags.length > 0) console.log('Running as root: Electron needs --no-sandbox, which start.mjs adds.');
  return { executable, sqliteBinding, flags };
}

function electronExecutable() {
  const found = resolveElectronPath();
  if (found) return found;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return undefined;
  if (recentlyFailed('electronDownload')) {
    console.log(`(The Electron download failed recently; delete ${path.dirname(stateFile)} to try again now.)`);
    return undefined;
  }
  console.log('Downloading Electron (once; up to a minute)…');
  const install = spawnSync(process.execPath, [fromRoot('node_modules', 'electron', 'install.js')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 60_000,
  });
  const installed = install.status === 0 ? resolveElectronPath() : undefined;
  if (!installed) {
    const reason = install.error?.message ?? firstLine(install.stderr) ?? 'unknown reason';
    console.log(`Could not download Electron: ${reason}`);
    rememberFailure('electronDownload');
  }
  return installed;
}

/** node_modules/electron's own answer (path.txt, ELECTRON_OVERRIDE_DIST_PATH), asked in a fresh process so a new download counts. */
function resolveElectronPath() {
  const probe = spawnSync(process.execPath, ['-p', "require('electron')"], { cwd: repoRoot, encoding: 'utf8' });
  const executable = probe.status === 0 ? probe.stdout.trim() : '';
  return executable && fs.existsSync(executable) ? executable : undefined;
}

function electronSqliteBinding() {
  if (process.env.FIELDBOOK_ELECTRON_SQLITE) return process.env.FIELDBOOK_ELECTRON_SQLITE;
  const electronVersion = JSON.parse(fs.readFileSync(fromRoot('node_modules', 'electron', 'package.json'), 'utf8')).version;
  const outDir = fromRoot('dist', 'native', 'electron');
  const binding = path.join(outDir, 'better_sqlite3.node');
  const versionFile = path.join(outDir, 'electron-version.txt');
  // Which driver the binding was built from too: one built from plain better-sqlite3 (before
  // encryption) would ignore the database key and leave the data in the clear.
  const sqlitePackage = JSON.parse(fs.readFileSync(fromRoot('node_modules', 'better-sqlite3-multiple-ciphers', 'package.json'), 'utf8'));
  const builtFor = `${electronVersion} ${sqlitePackage.name}@${sqlitePackage.version}`;
  if (fs.existsSync(binding) && readText(versionFile) === builtFor) return binding;

  const failureKey = `sqliteBuild-${electronVersion}`;
  if (recentlyFailed(failureKey)) {
    console.log(`(Building better-sqlite3-multiple-ciphers for Electron failed recently; delete ${path.dirname(stateFile)} to try again now.)`);
    return undefined;
  }
  console.log(`Building better-sqlite3-multiple-ciphers for Electron ${electronVersion} (first start only; a few minutes)…`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-sqlite-electron-'));
  try {
    const packageDir = fromRoot('node_modules', 'better-sqlite3-multiple-ciphers');
    // The Node build's objects are left behind: node-gyp rebuilds from scratch anyway.
    fs.cpSync(packageDir, workDir, { recursive: true, filter: (source) => path.relative(packageDir, source) !== 'build' });
    const env = { ...process.env };
    // npm passes its config as npm_config_*; a nodedir there (ours points at /usr) would make
    // node-gyp build against Node's headers and produce the wrong ABI.
    for (const key of ['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl', 'npm_config_dist_url']) delete env[key];
    const gyp = spawnSync(
      process.execPath,
      [fromRoot('node_modules', 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: workDir, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 },
    );
    const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
    if (gyp.status !== 0 || !fs.existsSync(built)) {
      console.log(`node-gyp failed: ${gyp.error?.message ?? gypErrorMessage(gyp.stderr)}`);
      rememberFailure(failureKey);
      return undefined;
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, binding);
    fs.writeFileSync(versionFile, builtFor);
    return binding;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function run(command, argv, env) {
  const child = spawn(command, argv, { stdio: 'inherit', env, cwd: repoRoot });
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
}

function recentlyFailed(key) {
  const at = readState()[key];
  return typeof at === 'number' && Date.now() - at < failureMemoryMs;
}

function rememberFailure(key) {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify({ ...readState(), [key]: Date.now() }, null, 2));
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  } catch {
    return {};
  }
}

function newestMtime(target) {
  const own = mtimeOf(target);
  if (own === undefined) return -Infinity;
  if (!fs.statSync(target).isDirectory()) return own;
  let newest = own;
  for (const entry of fs.readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() || entry.isDirectory()) newest = Math.max(newest, mtimeOf(path.join(entry.parentPath, entry.name)) ?? -Infinity);
  }
  return newest;
}

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function firstLine(text) {
  return text?.toString().trim().split('\n')[0] || undefined;
}

/** node-gyp's error message without its stack frames and environment dump. */
function gypErrorMessage(text) {
  const lines = (text ?? '').toString().trim().split('\n');
  const message = lines.filter((line) => /ERR! stack (?!\s*at )/.test(line)).map((line) => line.replace(/^.*ERR! stack /, ''));
  return (message.length > 0 ? message : lines.slice(-5)).join('\n') || 'unknown reason';
}
