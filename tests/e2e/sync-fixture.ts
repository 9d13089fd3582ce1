import { test as base, expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Two teammates and their relay: ONE relay (`node --import tsx src-relay/main.ts`, embedded PGlite in a
// temporary folder) and TWO Fieldbook browser hosts from the build (dist/host/main.mjs, as in
// app-fixture.ts), each in its own browser context so they share nothing but the relay. The relay
// can be killed and started again on the same port with the same data folder, as when the
// office's relay machine goes down. Every process and folder is removed after the test.

export interface RunningRelay {
  /** http://127.0.0.1:PORT, as the relay printed it. */
  url: string;
  dataDir: string;
  /** Everything the relay printed since its first start (one JSON line per request). */
  output: string[];
  /** Stops the relay at once (SIGKILL), as a crash or a pulled plug would; its data folder stays. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data folder. */
  restart(): Promise<void>;
  /** Resolves once the relay has logged a request matching `match` after `fromLine`. */
  waitForLog(match: (entry: Record<string, unknown>) => boolean, fromLine: number, timeoutMs?: number): Promise<void>;
}

export interface TeamApp {
  page: Page;
  /** The tokened address the host printed. */
  url: string;
  origin: string;
  dataDir: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hostEntry = path.join(repoRoot, 'dist', 'host', 'main.mjs');
const hostReadyLine = /^Fieldbook is running at (\S+)$/m;
const relayReadyLine = /^Fieldbook relay listening on (http:\/\/\S+)/m;
// The relay starts PGlite (WebAssembly) and runs its migrations: slow on a busy 2-core machine.
const startTimeoutMs = 90_000;

interface SyncFixtures {
  relay: RunningRelay;
  appA: TeamApp;
  appB: TeamApp;
}

export const test = base.extend<SyncFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  relay: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-relay-e2e-'));
    const output: string[] = [];
    let child: ChildProcess | undefined;
    let url = '';
    const start = async (port: number) => {
      child = spawnGroup(process.execPath, ['--import', 'tsx', 'src-relay/main.ts', '--port', String(port), '--data-dir', dataDir]);
      url = await waitForLine(child, relayReadyLine, output, 'The relay');
    };
    try {
      await start(0);
      const port = Number(new URL(url).port);
      await use({
        get url() {
          return url;
        },
        dataDir,
        output,
        kill: async () => {
          if (child) await stopGroup(child, 'SIGKILL');
        },
        restart: async () => {
          if (child) await stopGroup(child, 'SIGKILL');
          await start(port);
        },
        waitForLog: (match, fromLine, timeoutMs = 65_000) => waitForLog(output, match, fromLine, timeoutMs),
      });
    } finally {
      if (child) await stopGroup(child, 'SIGTERM');
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('relay-output', { body: output.join(''), contentType: 'text/plain' });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  appA: async ({ browser }, use, testInfo) => {
    await runTeamApp(browser, 'A', use, testInfo);
  },
  appB: async ({ browser }, use, testInfo) => {
    await runTeamApp(browser, 'B', use, testInfo);
  },
});

export { expect };

async function runTeamApp(
  browser: Browser,
  label: string,
  use: (app: TeamApp) => Promise<void>,
  testInfo: TestInfo,
): Promise<void> {
  if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run \`npm run build\` first.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `fieldbook-e2e-${label}-`));
  const context = await browser.newContext();
  const output: string[] = [];
  const child = spawnGroup(process.execPath, [hostEntry, '--data-dir', dataDir, '--port', '0', '--no-open']);
  try {
    const url = await waitForLine(child, hostReadyLine, output, `Fieldbook ${label}`);
    const page = await context.newPage();
    const response = await page.goto(url);
    if (!response?.ok()) throw new Error(`Opening ${url} answered ${response?.status()}: ${await response?.text()}`);
    await use({ page, url, origin: new URL(url).origin, dataDir });
  } finally {
    await context.close();
    await stopGroup(child, 'SIGTERM');
    if (testInfo.status !== testInfo.expectedStatus && output.length > 0) {
      await testInfo.attach(`host-${label}-output`, { body: output.join(''), contentType: 'text/plain' });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Its own process group: the relay runs under tsx (a loader in its node process, which may start children), and
 * signalling the group reaches all of them, never anything this fixture did not start.
 */
function spawnGroup(command: string, args: string[]): ChildProcess {
  return spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

function waitForLine(child: ChildProcess, line: RegExp, output: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(`it did not print its address within ${startTimeoutMs} ms`), startTimeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${what} did not start: ${why}.\n${output.join('')}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      stdout += text;
      const match = line.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
  });
}

async function stopGroup(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (which: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, which);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup(signal);
  const killTimer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killTimer);
  // npm may exit before the relay under it has let go of its port: make sure the group is gone.
  if (signal === 'SIGKILL') return;
  signalGroup('SIGKILL');
}

async function waitForLog(
  output: string[],
  match: (entry: Record<string, unknown>) => boolean,
  fromLine: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = output.join('').split('\n').slice(fromLine);
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        if (match(JSON.parse(line) as Record<string, unknown>)) return;
      } catch {
        // A line cut between two chunks; it is complete on the next look.
      }
    }
    if (Date.now() > deadline) throw new Error(`The relay did not log the awaited request within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many lines the relay has printed so far, to wait only for what comes after. */
export function logLineCount(relay: RunningRelay): number {
  return relay.output.join('').split('\n').length - 1;
}
