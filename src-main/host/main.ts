import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core';
import { readFlag, resolveDataDir } from '../core/data-dir';
import { securePermissions } from '../core/private-files';
import { findChromium, hasDisplay, openInChromium } from './open-browser';
import { withTerminalPassphrase } from '../security/terminal-unlock';
import type { UnlockedKeys } from '../security/key-source';
import { processIo } from '../cli/output';
import { startHost, type RunningHost } from './server';
import { clockConversionPending } from '../db/open';
import { convertClocksInThread, describeClockConversion } from '../db/clock-conversion-thread';
import { startUpgradePage, type UpgradePage } from './upgrade-page';
import type { ClockConversionProgress } from '../writes/clock-conversion';

// The browser-host entry: `npm start` runs it (bundled as dist/host/host.cjs, started by dist/host/main.mjs) when Electron cannot
// run, and the e2e fixture (tests/e2e/app-fixture.ts) parses its "Fieldbook is running at" line.
// Flags: --data-dir DIR, --port N (0 = any free port), --no-open.

// Both src-main/host/main.ts and dist/host/main.mjs sit two folders below the repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(repoRoot, 'dist', 'renderer');

async function main(argv: readonly string[]): Promise<void> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    fail(`The user interface is not built (${path.join(rendererDir, 'index.html')} is missing). Run \`npm run build\` first.`);
  }
  const port = parsePort(readFlag(argv, '--port'));
  const dataDir = resolveDataDir(argv, process.env);

  const migrationsFolder = path.join(repoRoot, 'migrations', 'local');
  const openBrowser = argv.includes('--no-open') || !hasDisplay() ? undefined : findChromium();
  if (!argv.includes('--no-open') && hasDisplay() && !openBrowser) console.log('Open the address below in a browser (no Chromium found to open it for you).');

  let keys: UnlockedKeys;
  let upgradePage: UpgradePage | undefined;
  let core: Core;
  try {
    // The folder exists, private, before its key file is written in it (createCore does it again).
    securePermissions(dataDir);
    // No keychain here: the database key is sealed by a passphrase, typed at the terminal (twice
    // for a new data folder) or taken from FIELDBOOK_PASSPHRASE. Unlocked once, here: a wrong
    // passphrase is asked again before anything else happens.
    keys = await withTerminalPassphrase(dataDir, processIo(), (keySource) => keySource.unlock(dataDir));
    const file = path.join(dataDir, 'fieldbook.db');
    const key = keys.databaseKey ?? undefined;
    if (clockConversionPending({ file, key })) {
      // The page is up before the minutes of the update, so the browser shows how far it is.
      upgradePage = await startUpgradePage({ port });
      console.log(`Fieldbook is updating your data for this version; follow it at ${upgradePage.url}`);
      if (openBrowser) openInChromium(openBrowser, upgradePage.url, dataDir);
      const page = upgradePage;
      const terminal = terminalProgress();
      const run = convertClocksInThread({ file, key, migrationsFolder, onProgress: (progress) => (page.report(progress), terminal(progress)) });
      // Stopping now leaves the folder as it was (one transaction); the next start updates it.
      let stopping = false;
      const cancel = () => {
        stopping = true;
        console.log('Stopping. Your data stays as it was; the update starts again at the next start.');
        void run.cancel();
      };
      process.once('SIGINT', cancel);
      process.once('SIGTERM', cancel);
      try {
        await run.finished;
      } catch (error) {
        if (stopping) process.exit(130);
        page.fail(error instanceof Error ? error.message : String(error));
        throw error;
      }
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
      console.log('Your data is up to date.');
    }
    core = createCore({ dataDir, shell: 'browser', keys, migrationsFolder, lock: lockMinuteFromEnv() });
  } catch (error) {
    fail(`Could not open the data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }

  let host: RunningHost;
  try {
    host = upgradePage ? await upgradePage.handOver((samePort) => startHost({ core, port: samePort, rendererDir })) : await startHost({ core, port, rendererDir });
  } catch (error) {
    core.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    fail(inUse ? `Port ${port} is already in use; pick another with --port or use --port 0.` : String(error));
  }

  console.log(`Fieldbook is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);

  // An update's page is open already and goes to the app by itself.
  if (openBrowser && !upgradePage) openInChromium(openBrowser, host.url, dataDir);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    host
      .close()
      .catch((error: unknown) => console.error('Closing the host failed:', error))
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The update's progress at the terminal: a line at each tenth, and when the file is compacted. */
function terminalProgress(): (progress: ClockConversionProgress) => void {
  let printed = '';
  return (progress) => {
    const { percent, line } = describeClockConversion(progress);
    const step = progress.stage === 'compacting' ? 'compacting' : String(Math.floor(percent / 10));
    if (step === printed) return;
    printed = step;
    console.log(line);
  };
}

/**
 * FIELDBOOK_LOCK_MINUTE_MS shortens the app lock's idle minute, so the end-to-end test sees the
 * idle lock in seconds; people never set it.
 */
function lockMinuteFromEnv(): { minuteMs?: number } {
  const value = Number(process.env.FIELDBOOK_LOCK_MINUTE_MS);
  return Number.isInteger(value) && value > 0 ? { minuteMs: value } : {};
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a number from 0 to 65535, not "${value}".`);
  return port;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// Not awaited at the top: the host is built as CommonJS (start.ts runs it with V8's code cache).
void main(process.argv.slice(2));
