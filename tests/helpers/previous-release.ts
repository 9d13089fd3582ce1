import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultMigrationsFolder } from '../../src-main/db/open';

/**
 * The migrations folder as the previous release had it: every migration before the one named
 * `firstNewName` (found by name, so renumbering the migrations does not change what is tested).
 * The folder is made under the system's temp dir; `dirs` collects it for the test to remove.
 */
export function previousRelease(firstNewName: string, dirs: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-migrations-'));
  dirs.push(dir);
  fs.cpSync(defaultMigrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const firstNew = journal.entries.findIndex((entry) => entry.tag.endsWith(`_${firstNewName}`));
  if (firstNew < 0) throw new Error(`No migration named ${firstNewName}`);
  journal.entries = journal.entries.slice(0, firstNew);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}
