import fs from 'node:fs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../src-shared/ipc/contract';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { seedContacts } from './bulk-helpers';

// "Export CSV" of the jobs and deals lists' selections: a file for a person in a spreadsheet.

let core: TempCore;
beforeEach(async () => {
  core = createTempCore();
  await core.call('settings.update', { userName: 'Ann', timeZone: 'Europe/London', defaultRegion: 'GB' });
});
afterEach(() => core.dispose());

/** Exports the selection and answers the file's rows by header, and its raw text. */
async function exported(input: ChannelInput<'bulk.exportCsv'>) {
  const { jobId } = await core.call('bulk.exportCsv', input);
  const status = await core.exchange.jobs.settled(jobId);
  expect(status.state).toBe('done');
  expect(status.exportResult!.fileName).toMatch(new RegExp(`^${input.list}-selection-\\d+T\\d+Z\\.csv$`));
  const text = fs.readFileSync(status.exportResult!.path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(status.exportResult!.rows).toBe(rows.length);
  return rows;
}

// 14:30 on 5 December 2026 in London (GMT) is 14:30 UTC; 20 June is BST, an hour ahead.
const winterAfternoon = Date.UTC(2026, 11, 5, 14, 30);
const summerMorning = Date.UTC(2026, 5, 20, 8, 15);

describe('export of a jobs selection', () => {
  it('writes the chosen jobs in the list’s order, with labels, local times and money as people read them', async () => {
    const [contactId] = seedContacts(core, 1);
    const boiler = await core.call('jobs.create', {
      contactId: contactId!,
      title: 'Boiler service',
      status: 'invoiced',
      priority: 'urgent',
      scheduledAt: summerMorning,
      invoicedMinor: 123_450,
      currency: 'GBP',
      address: '=HYPERLINK("http://evil")',
    });
    const roof = await core.call('jobs.create', { reach: { phone: '07700 900123' }, title: '0123', scheduledAt: winterAfternoon });
    await core.call('jobs.create', { contactId: contactId!, title: 'Not chosen' });

    const rows = await exported({ list: 'jobs', request: {}, selection: { mode: 'ids', ids: [roof.id, boiler.id] } });
    expect(rows.map((row) => row.Job)).toEqual(["'0123", 'Boiler service']);
    const [roofRow, boilerRow] = rows;
    expect(boilerRow).toMatchObject({
      Contact: 'Person 00000',
      Status: 'Invoiced',
      Priority: 'Urgent',
      'Assigned to': 'Ann',
      Scheduled: '20 Jun 2026, 09:15',
      'Scheduled (ISO, office time zone)': '2026-06-20T09:15:00',
      Invoiced: '£1,234.50',
      // Text a person typed is never run as a formula.
      Address: `'=HYPERLINK("http://evil")`,
    });
    expect(roofRow).toMatchObject({ Contact: '', 'Booked with': 'Phone: 07700 900123', Scheduled: '5 Dec 2026, 14:30', Invoiced: '' });
  });

  it('writes every job matching the list’s filter except those left out, and no deleted one', async () => {
    const [contactId] = seedContacts(core, 1);
    const made = [];
    for (let index = 0; index < 6; index++) {
      made.push(await core.call('jobs.create', { contactId: contactId!, title: `Job ${index}`, status: index % 2 ? 'done' : 'new' }));
    }
    await core.call('jobs.delete', { id: made[2]!.id });
    const rows = await exported({ list: 'jobs', request: { status: 'open', sort: { field: 'title', direction: 'asc' } }, selection: { mode: 'matching', except: [made[4]!.id] } });
    expect(rows.map((row) => row.Job)).toEqual(['Job 0']);
  });
});

describe('export of a deals selection', () => {
  it('writes the chosen deals with their pipeline, stage, value and weighted value as people read them', async () => {
    const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
    const contactIds = seedContacts(core, 3);
    const stage = pipeline.stages[1]!;
    const big = await core.call('deals.create', {
      contactId: contactIds[0]!,
      pipelineId: pipeline.id,
      stageId: stage.id,
      title: 'Loft conversion',
      valueMinor: 1_250_000,
      expectedCloseAt: winterAfternoon,
      owner: 'Ann',
    });
    const small = await core.call('deals.create', { contactId: contactIds[1]!, pipelineId: pipeline.id, title: '@SUM(A1)', valueMinor: 9_900 });
    await core.call('deals.create', { contactId: contactIds[2]!, pipelineId: pipeline.id, title: 'Not chosen' });

    const rows = await exported({ list: 'deals', request: { pipelineId: pipeline.id }, selection: { mode: 'ids', ids: [big.id, small.id] } });
    expect(rows.map((row) => row.Deal)).toEqual(['Loft conversion', "'@SUM(A1)"]);
    const weighted = Math.round((1_250_000 * stage.probabilityBp) / 10_000) / 100;
    expect(rows[0]).toMatchObject({
      Contact: 'Person 00000',
      Pipeline: pipeline.name,
      Stage: stage.name,
      Value: '£12,500.00',
      Probability: `${stage.probabilityBp / 100}%`,
      'Weighted value': `£${weighted.toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
      'Expected close': '5 Dec 2026',
      'Expected close (ISO)': '2026-12-05',
      Owner: 'Ann',
    });
    expect(rows[1]!.Value).toBe('£99.00');
  });

  it('writes all deals matching the list (a stage filter) except those left out', async () => {
    const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
    const [first, second] = pipeline.stages;
    const contactIds = seedContacts(core, 5);
    const made = [];
    for (const [index, contactId] of contactIds.entries()) {
      made.push(await core.call('deals.create', { contactId, pipelineId: pipeline.id, stageId: (index < 4 ? first : second)!.id, title: `Deal ${index}` }));
    }
    const rows = await exported({
      list: 'deals',
      request: { pipelineId: pipeline.id, stageId: first!.id, sort: { field: 'title', direction: 'desc' } },
      selection: { mode: 'matching', except: [made[1]!.id] },
    });
    expect(rows.map((row) => row.Deal)).toEqual(['Deal 3', 'Deal 2', 'Deal 0']);
  });
});
