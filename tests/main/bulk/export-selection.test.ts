import fs from 'node:fs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../src-shared/ipc/contract';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { seedContacts } from './bulk-helpers';

let core: TempCore;
beforeEach(async () => {
  core = createTempCore();
  await core.call('settings.update', { userName: 'Ann' });
});
afterEach(() => core.dispose());

/** Exports the selection and answers the file's rows by header. */
async function exported(input: ChannelInput<'bulk.exportCsv'>) {
  const { jobId } = await core.call('bulk.exportCsv', input);
  const status = await core.exchange.jobs.settled(jobId);
  expect(status.state).toBe('done');
  expect(status.exportResult!.fileName).toMatch(/-selection-standard-/);
  const text = fs.readFileSync(status.exportResult!.path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('export of a selection', () => {
  it('writes exactly the chosen contacts, in the order they were chosen', async () => {
    const ids = seedContacts(core, 12);
    const rows = await exported({ list: 'contacts', request: {}, selection: { mode: 'ids', ids: [ids[7]!, ids[2]!, ids[9]!] } });
    expect(rows.map((row) => row.Name)).toEqual(['Person 00007', 'Person 00002', 'Person 00009']);
  });

  it('writes every contact matching the list except those left out, and no deleted one', async () => {
    const ids = seedContacts(core, 20, (index) => ({ contactType: index % 2 ? 'Plumber' : 'Lead' }));
    await core.call('contacts.delete', { id: ids[3]! });
    const rows = await exported({ list: 'contacts', request: { filters: { contactType: 'Plumber' } }, selection: { mode: 'matching', except: [ids[1]!] } });
    const expected = ids.filter((_, index) => index % 2 === 1 && index !== 1 && index !== 3);
    expect(rows.map((row) => row.Id).sort()).toEqual(expected.sort());
  });

  it('writes the selected follow-ups of the list, not the others', async () => {
    const contactIds = seedContacts(core, 4);
    const made = [];
    for (const [index, contactId] of contactIds.entries()) {
      made.push(await core.call('followups.create', { contactId, title: `Call back ${index}`, dueAt: Date.now() + (index + 2) * 86_400_000 }));
    }
    const request = { view: 'upcoming' as const, scope: 'team' as const, endOfToday: Date.now() };
    const rows = await exported({ list: 'followups', request, selection: { mode: 'ids', ids: [made[1]!.id, made[3]!.id] } });
    expect(rows.map((row) => row.Title).sort()).toEqual(['Call back 1', 'Call back 3']);
  });

  it('refuses an empty selection before starting a job', async () => {
    const result = await core.invoke('bulk.exportCsv', { list: 'contacts', request: { query: 'nobody' }, selection: { mode: 'matching', except: [] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('No rows are selected, so nothing was changed.');
  });
});
