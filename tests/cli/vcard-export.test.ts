import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `fieldbook export vcard` through the real bin in a child process.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'fieldbook.mjs');
const card = (name: string) => path.join(root, 'tests', 'fixtures', 'vcard', name);

let work: string;
let dataDir: string;

function fieldbook(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { FIELDBOOK_DATA_DIR: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args, '--data-dir', dataDir], { cwd: work, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-cli-vcard-'));
  dataDir = path.join(work, 'data');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('fieldbook export vcard', { timeout: 60_000 }, () => {
  it('imports an iPhone export and writes it back as vCard 4.0 with the photo, and refuses an unknown version', async () => {
    expect((await fieldbook('import', 'vcard', card('iphone-crcrlf-photo.vcf'), '--json')).code).toBe(0);
    const out = path.join(work, 'back.vcf');
    const run = await fieldbook('export', 'vcard', '--version', '4.0', '--out', out, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 2, fileName: 'back.vcf' });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.match(/^BEGIN:VCARD$/gm)).toHaveLength(2);
    expect(text.replace(/\r\n /g, '')).toMatch(/\r\nPHOTO:data:image\/jpeg;base64,\/9j\//);

    const bad = await fieldbook('export', 'vcard', '--version', '2.1', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--version/);
  });
});
