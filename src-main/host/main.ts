import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core';
import { readFlag, resolveDataDir } from '../core/data-dir';
import { findChromium, hasDisplay, openInChromium } from './open-browser';
import { withTerminalPassphrase } from '../security/terminal-unlock';
import { processIo } from '../cli/output';
import { startHost, type RunningHost } from './server';

// The browser-host entry: `npm start` runs it (bundled as dist/host/main.mjs) when Electron cannot
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

  let core: Core;
  try {
    // No keychain here: the database key is sealed by a passphrase, typed at the terminal (twice
    // for a new data folder) or taken from FIELDBOOK_PASSPHRASE.
    core = await withTerminalPassphrase(dataDir, processIo(), (keySource) =>
      createCore({ dataDir, shell: 'browser', keySource, migrationsFolder: path.join(repoRoot, 'migrations', 'local'), lock: lockMinuteFromEnv() }),
    );
  } catch (error) {
    fail(`Could not open the data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }

  let host: RunningHost;
  try {
    host = await startHost({ core, port, rendererDir });
  } catch (error) {
    core.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    fail(inUse ? `Port ${port} is already in use; pick another with --port or use --port 0.` : String(error));
  }

  console.log(`Fieldbook is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);

  if (!argv.includes('--no-open') && hasDisplay()) {
    const chromium = findChromium();
    if (chromium) openInChromium(chromium, host.url, dataDir);
    else console.log('Open the address above in a browser (no Chromium found to open it for you).');
  }

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

await main(process.argv.slice(2));
