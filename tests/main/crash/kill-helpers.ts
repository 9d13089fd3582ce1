import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src-main/cli/main';

// Helpers for tests that kill a long operation with SIGKILL in a child process, at a point
// chosen at random (the point is printed with each assertion so a failure can be replayed).

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'bin', 'fieldbook.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `fieldbook` command to its end. */
export function fieldbook(cwd: string, ...args: string[]): Promise<CliRun> {
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Runs the `fieldbook` command's code in this process (cheaper than a child, same code path). */
export async function fieldbookHere(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  const code = await main(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env });
  return { code, stdout, stderr };
}

/** Starts `fieldbook …` (or a tsx script when `script` is given) without waiting for it. */
export function startChild(cwd: string, args: string[], options: { script?: string } = {}): ChildProcess {
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  const argv = options.script ? ['--import', 'tsx', path.join(repoRoot, options.script), ...args] : [bin, ...args];
  return spawn(process.execPath, argv, { cwd: options.script ? repoRoot : cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Polls `reached` until it is true, then kills the child with SIGKILL. Fails when the child
 * ends by itself first (the operation finished before the chosen point: the test would prove
 * nothing) or when the point is not reached in time.
 */
export async function killWhen(child: ChildProcess, reached: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  let exited: number | null | undefined;
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the child ended (code ${exited}) before ${what}:\n${stderr}`);
    if (reached()) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  throw new Error(`timed out waiting for ${what}:\n${stderr}`);
}

/** A whole number in [min, max], with the seed printed so the run can be repeated. */
export function randomPoint(min: number, max: number): number {
  const fixed = process.env.FIELDBOOK_KILL_POINT;
  if (fixed) return Number(fixed);
  return min + Math.floor(Math.random() * (max - min + 1));
}
