import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A fresh Fieldbook per test: its own data folder and its own browser host on a free port, started
// from the build (`npm run test:e2e` runs scripts/build.mjs first). The page arrives through the
// tokened URL, so it holds the cookie like a real user's window does.

export interface RunningApp {
  /** The tokened address the host printed. */
  url: string;
  origin: string;
  dataDir: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hostEntry = path.join(repoRoot, 'dist', 'host', 'main.mjs');
const readyLine = /^Fieldbook is running at (\S+)$/m;
const startTimeoutMs = 15_000;

/** Fills the data folder before the app opens it: `test.use({ prepareDataDir: { fill } })`. */
export interface DataDirPreparation {
  fill(dataDir: string): Promise<unknown>;
}

export const test = base.extend<{ app: RunningApp; prepareDataDir: DataDirPreparation | undefined }>({
  prepareDataDir: [undefined, { option: true }],
  app: async ({ page, prepareDataDir }, use, testInfo) => {
    if (!fs.existsSync(hostEntry)) throw new Error(`${hostEntry} is missing: run \`npm run build\` first.`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-e2e-'));
    await prepareDataDir?.fill(dataDir);
    const child = spawn(process.execPath, [hostEntry, '--data-dir', dataDir, '--port', '0', '--no-open'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    try {
      const url = await waitForReadyLine(child, output);
      const response = await page.goto(url);
      if (!response?.ok()) throw new Error(`Opening ${url} answered ${response?.status()}: ${await response?.text()}`);
      await use({ url, origin: new URL(url).origin, dataDir });
    } finally {
      await stop(child);
      if (testInfo.status !== testInfo.expectedStatus && output.length > 0) {
        await testInfo.attach('host-output', { body: output.join(''), contentType: 'text/plain' });
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

function waitForReadyLine(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(`it did not print its address within ${startTimeoutMs} ms`), startTimeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`The Fieldbook host did not start: ${why}.\n${output.join('')}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      stdout += text;
      const match = readyLine.exec(stdout);
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

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killTimer);
}
