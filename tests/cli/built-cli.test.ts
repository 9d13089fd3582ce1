import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The compiled command line (dist/cli/, what bin/fieldbook.mjs runs once built): loaded by plain
// Node with no TypeScript loader, it answers --help and runs a command that opens a new data
// folder (its migrations found from dist/cli/) and writes to it.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = path.join(root, 'dist', 'cli', 'main.mjs');
const bin = path.join(root, 'bin', 'fieldbook.mjs');

let work: string;

/** Runs `file` (the built main, or the bin) in a plain Node child. */
function run(file: 'built' | 'bin', ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  const nodeArgs = [file === 'built' ? path.join(work, 'run-built.mjs') : bin, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, nodeArgs, { cwd: work, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-built-cli-'));
  fs.writeFileSync(
    path.join(work, 'run-built.mjs'),
    `const { main } = await import(${JSON.stringify(built)});\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'cli'], { cwd: root, stdio: 'ignore' });
}, 120_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the built fieldbook command', { timeout: 60_000 }, () => {
  it('prints its commands with --help, without compiling any TypeScript', async () => {
    const help = await run('built', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('fieldbook import csv|vcard <file>');
    expect(help.stdout).toContain('fieldbook contacts list|search');
  });

  it('opens a new data folder and imports and lists contacts', async () => {
    const dataDir = path.join(work, 'data');
    const csv = path.join(work, 'people.csv');
    fs.writeFileSync(csv, 'Name,Email\nAda Lovelace,ada@example.com\nAlan Turing,alan@example.com\n');
    const imported = await run('built', 'import', 'csv', csv, '--data-dir', dataDir, '--json');
    expect(imported.stderr).not.toContain('Error');
    expect(imported.code).toBe(0);
    const listed = await run('built', 'contacts', 'search', 'lovelace', '--data-dir', dataDir, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.stringify(JSON.parse(listed.stdout))).toContain('ada@example.com');
  });

  it('is what bin/fieldbook.mjs runs, with the same answers', async () => {
    const viaBin = await run('bin', 'nonsense');
    const viaBuild = await run('built', 'nonsense');
    expect(viaBin).toEqual(viaBuild);
    expect(viaBin.code).toBe(2);
    expect(viaBin.stderr).toContain('unknown command "nonsense"');
  });
});
