import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabaseFile } from '../../helpers/open-database-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldbookHere as fieldbook, killWhen, randomPoint, startChild } from './kill-helpers';

// An import killed with SIGKILL part-way: what it had stored is listed as an interrupted import
// (never as a finished one), and undo takes it back out.

let work: string;
const rows = 12_000; // six chunks of the import's 2,000 rows: the kill below comes after at most four

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-kill-'));
  const lines = ['Name,Email,Phone,Company'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(`Customer ${index},customer${index}@example.test,+44 7700 ${String(900000 + (index % 99999)).padStart(6, '0')},Firm ${index % 50}`);
  }
  fs.writeFileSync(path.join(work, 'customers.csv'), `${lines.join('\n')}\n`);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const logLines = (dataDir: string) => {
  const dir = path.join(dataDir, 'imports');
  if (!fs.existsSync(dir)) return 0;
  const log = fs.readdirSync(dir).find((name) => name.endsWith('.log.jsonl'));
  return log ? fs.readFileSync(path.join(dir, log), 'utf8').split('\n').filter((line) => line.endsWith('}')).length : 0;
};

const liveContacts = (dataDir: string) => {
  const db = openDatabaseFile(dataDir, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE cl % 2 = 1').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('an import killed part-way', { timeout: 120_000 }, () => {
  it('is listed as interrupted with what it stored, and undo takes it all back out', async () => {
    const dataDir = path.join(work, 'data');
    const chunks = randomPoint(1, 3);
    const child = startChild(work, ['import', 'csv', 'customers.csv', '--data-dir', dataDir, '--json']);
    // A chunk's log line is written inside its transaction, before the commit: the line of the
    // chunk after `chunks` says that `chunks` of them are committed.
    await killWhen(child, () => logLines(dataDir) > chunks, `${chunks} chunks of the import were written`);
    const point = `killed after ${chunks} chunks (FIELDBOOK_KILL_POINT=${chunks} repeats it)`;

    const stored = liveContacts(dataDir);
    expect(stored, point).toBeGreaterThan(0);
    expect(stored, point).toBeLessThan(rows);

    const list = await fieldbook('import', 'list', '--data-dir', dataDir, '--json');
    expect(list.code, `${point}\n${list.stderr}`).toBe(0);
    const imports = JSON.parse(list.stdout) as { batchId: string; fileName: string; interrupted: boolean; counts: { created: number } }[];
    expect(imports, point).toHaveLength(1);
    expect(imports[0], point).toMatchObject({ fileName: 'customers.csv', interrupted: true });
    // The count may include a chunk whose transaction had not committed when it was killed.
    expect(imports[0]!.counts.created, point).toBeGreaterThanOrEqual(stored);

    const human = await fieldbook('import', 'list', '--data-dir', dataDir);
    expect(human.stdout, point).toMatch(/interrupted/i);

    const undo = await fieldbook('import', 'undo', imports[0]!.batchId, '--data-dir', dataDir, '--json');
    expect(undo.code, `${point}\n${undo.stderr}`).toBe(0);
    expect(JSON.parse(undo.stdout), point).toMatchObject({ removed: stored });
    expect(liveContacts(dataDir), point).toBe(0);

    // And the file imports again from the start, in full.
    const again = await fieldbook('import', 'csv', path.join(work, 'customers.csv'), '--data-dir', dataDir, '--json', '--on-duplicate', 'create');
    expect(again.code, again.stderr).toBe(0);
    expect(liveContacts(dataDir)).toBe(rows);
  });
});
