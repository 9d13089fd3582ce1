import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from '../../../src-main/db/open';
import { createCore } from '../../../src-main/core/create-core';

// The phone line's migrations applied to a laptop's database made by the release before them,
// with calls in it: the calls keep everything, gain the new columns, and become searchable
// once their transcript is written.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-phone-migration-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const phoneMigrations = ['phone_line', 'call_search'];

it('upgrades a database of the previous release, keeping its calls', () => {
  // The migrations folder as the previous release shipped it.
  const previous = path.join(work, 'previous-migrations');
  fs.cpSync(defaultMigrationsFolder, previous, { recursive: true });
  const journalFile = path.join(previous, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  // Everything before the first of them: the migrator applies only migrations newer than the
  // newest one a database has, so later ones must not be in the previous release either.
  const first = journal.entries.findIndex((entry) => phoneMigrations.some((name) => entry.tag.endsWith(`_${name}`)));
  expect(first).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, first);
  fs.writeFileSync(journalFile, JSON.stringify(journal));

  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  const old = openDatabase({ file: path.join(dataDir, 'fieldbook.db'), migrationsFolder: previous });
  old.sqlite
    .prepare(`INSERT INTO calls (id, number, started_at, status, disposition, transcript, provider) VALUES ('call-1', '+447700900123', 1000, 'completed', 'booked', '', 'manual')`)
    .run();
  expect(() => old.sqlite.prepare('SELECT office_number FROM calls').get()).toThrow();
  old.sqlite.close();

  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    const call = core.calls.get('call-1');
    expect(call).toMatchObject({ number: '+447700900123', disposition: 'booked', officeNumber: '', recordingSeconds: 0, sentiment: null, keywords: [] });
    core.engine.transaction((tx) => tx.write('calls', 'call-1', { transcript: 'Great service, the leak is fixed, thank you.' }));
    const found = core.calls.list({ search: 'leak', unansweredOnly: false, sort: { field: 'startedAt', direction: 'desc' }, offset: 0, limit: 5 });
    expect(found.items.map((item) => item.id)).toEqual(['call-1']);
    expect(found.items[0]!.sentiment).toBeGreaterThan(0);
  } finally {
    core.close();
  }
});
