import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real `fieldbook` bin (bin/fieldbook.mjs through tsx) in a child process.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'fieldbook.mjs');
const fixture = (name: string) => path.join(root, 'tests', 'fixtures', 'import', name);

let work: string;
let dataDir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fieldbook(...args: string[]): Promise<Run> {
  // The data folder comes from --data-dir only, never from the environment of whoever runs the tests.
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: work, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-'));
  dataDir = path.join(work, 'data');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('fieldbook CLI', { timeout: 60_000 }, () => {
  it('imports a CSV file into a new data folder, answering the report as JSON and progress on stderr', async () => {
    const run = await fieldbook('import', 'csv', fixture('google-contacts.csv'), '--data-dir', dataDir, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ state: 'done', fileName: 'google-contacts.csv', counts: { created: 4, skipped: 1, rejected: 0 } });
    expect(report.duplicates[0]).toMatchObject({ line: 11, action: 'skip' });
    expect(run.stderr).toMatch(/Writing: 5 of 5/);
  });

  it('lists and searches contacts', async () => {
    const list = await fieldbook('contacts', 'list', '--data-dir', dataDir, '--json', '--limit', '2');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 4, items: [{ name: 'Dr. José Álvarez' }, { name: "Megan O'Brien" }] });
    const search = await fieldbook('contacts', 'search', '0322', '--data-dir', dataDir);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Zoë Hartley');
  });

  it('exits with 3 when some rows could not be imported, writing them to the errors file', async () => {
    const errors = path.join(work, 'not-imported.csv');
    const run = await fieldbook('import', 'csv', fixture('broken-rows.csv'), '--data-dir', dataDir, '--errors', errors, '--on-duplicate', 'update');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('5 created, 0 updated, 0 skipped as duplicates, 3 not imported');
    expect(run.stdout).toContain('line 10: The row has no name, company, e-mail or phone Fieldbook can use.');
    expect(run.stdout).toContain('line 9: WARNING: E-mail "fay@@example" (column "Email") is not a valid address; kept in the summary as written.');
    expect(fs.readFileSync(errors, 'utf8')).toContain('Fieldbook problem');
  });

  it('explains a bad argument and exits with 2, changing nothing', async () => {
    const badChoice = await fieldbook('import', 'csv', fixture('google-contacts.csv'), '--data-dir', dataDir, '--on-duplicate', 'merge');
    expect(badChoice).toMatchObject({ code: 2, stdout: '' });
    expect(badChoice.stderr).toContain('fieldbook import csv: --on-duplicate must be one of skip, update, create (got "merge")');
    const unknown = await fieldbook('export', 'csv', '--out', 'x.csv', '--frobnicate', '--data-dir', dataDir, '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('fieldbook export csv: unknown option --frobnicate');
    expect(JSON.parse(unknown.stdout)).toEqual({ error: { code: 'usage', message: 'unknown option --frobnicate' } });
    const missing = await fieldbook('import', 'csv', '--data-dir', dataDir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing <file>');
    const list = JSON.parse((await fieldbook('contacts', 'list', '--data-dir', dataDir, '--json')).stdout);
    expect(list.total).toBe(9);
  });

  it('refuses a data folder that has no Fieldbook data, exiting with 1', async () => {
    const run = await fieldbook('contacts', 'list', '--data-dir', path.join(work, 'typo'), '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'not_found' } });
    expect(run.stderr).toContain('There is no Fieldbook data in');
    expect(fs.existsSync(path.join(work, 'typo'))).toBe(false);
  });

  it('exports CSV for the accountant and restores a backup into a new folder only', async () => {
    const out = path.join(work, 'accounts.csv');
    const exported = await fieldbook('export', 'csv', 'contacts', '--out', out, '--preset', 'accountant', '--delimiter', ';', '--data-dir', dataDir, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 9 });
    expect(fs.readFileSync(out, 'utf8').startsWith('\uFEFFId;Name;Company;Kind;')).toBe(true);

    const backup = await fieldbook('backup', '--dir', path.join(work, 'backups'), '--data-dir', dataDir, '--json');
    expect(backup.code).toBe(0);
    const { path: backupFile } = JSON.parse(backup.stdout);
    const restored = path.join(work, 'restored');
    expect((await fieldbook('restore', backupFile, '--data-dir', restored)).code).toBe(0);
    expect(JSON.parse((await fieldbook('contacts', 'list', '--data-dir', restored, '--json')).stdout).total).toBe(9);
    const again = await fieldbook('restore', backupFile, '--data-dir', restored);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');
  });
});
