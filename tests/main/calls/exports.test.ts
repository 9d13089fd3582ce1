import fs from 'node:fs';
import Papa from 'papaparse';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../src-shared/domain/exchange';
import { CallHandlingSchema } from '../../../src-shared/domain/telephony';
import { phoneSettingsKey } from '../../../src-main/phone/service';
import { LocalState } from '../../../src-main/settings/local-state';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { readPdf } from '../../helpers/pdf-text';

// Thursday 3 December 2026, London (UTC in winter); the office opens 08:00–17:30 on weekdays.
const day = Date.UTC(2026, 11, 3);
const hour = 60 * 60_000;
const now = day + 23 * hour;
let clock = now;
let core: TempCore;

beforeEach(async () => {
  clock = now;
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', {
    userName: 'Sam',
    officeName: 'Acme Plumbing',
    timeZone: 'Europe/London',
    defaultRegion: 'GB',
    callDispositions: ['booked', 'quote needed', 'no answer'],
    slaRules: [{ id: 'quote-call', name: 'Quote asked for', callOutcome: 'quote needed', withinMinutes: 60, followUpTitle: 'Ring back with a price' }],
  });
  new LocalState(core.sqlite).set(phoneSettingsKey, {
    configured: true,
    handling: CallHandlingSchema.parse({ timeZone: 'Europe/London', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ day: weekday, opens: '08:00', closes: '17:30' })) }),
  });
});
afterEach(() => core.dispose());

async function finished(jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await core.call('exchange.jobStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function exported(job: Promise<{ jobId: string }>): Promise<{ fileName: string; bytes: Buffer }> {
  const status = await finished((await job).jobId);
  expect(status).toMatchObject({ state: 'done', kind: 'export' });
  const result = status.exportResult!;
  return { fileName: result.fileName, bytes: fs.readFileSync(result.path) };
}

/** A call from the phone line, as the relay's change writes it on this laptop. */
function arrive(at: number, fields: Record<string, string | number> = {}): string {
  const id = uuidv7();
  core.engine.transaction((tx) =>
    tx.write('calls', id, {
      direction: 'inbound',
      number: '+447400123456',
      office_number: '+442079460000',
      started_at: at,
      duration_seconds: 0,
      status: 'no-answer',
      disposition: '',
      provider: 'twilio',
      provider_id: `CA${id}`,
      created_at: at,
      cl: 1,
      ...fields,
    }),
  );
  return id;
}

function parseCsv(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the calls list as CSV', () => {
  it('writes exactly the calls the list shows for its filters, in its order, with every column', async () => {
    await core.call('contacts.create', { draft: { name: 'Ann Example', phones: [{ type: 'mobile', number: '07400 123456' }] } });
    await core.call('calls.log', { direction: 'inbound', number: '07400 123456', startedAt: day + 10 * hour, durationSeconds: 185, disposition: 'booked', notes: 'Boiler, "urgent", call back' });
    await core.call('calls.log', { direction: 'inbound', number: '07400 123456', startedAt: day + 11 * hour, durationSeconds: 60, disposition: 'booked' });
    // Left out by the filters: another outcome, an outgoing call, a call before the period.
    await core.call('calls.log', { direction: 'inbound', number: '07400 123456', startedAt: day + 12 * hour, disposition: 'quote needed' });
    await core.call('calls.log', { direction: 'outbound', number: '07400 123456', startedAt: day + 13 * hour, disposition: 'booked' });
    await core.call('calls.log', { direction: 'inbound', number: '07400 123456', startedAt: day - 24 * hour, disposition: 'booked' });

    const filters = { from: day, to: day + 24 * hour, direction: 'inbound', disposition: 'booked', sort: { field: 'durationSeconds', direction: 'asc' } } as const;
    const shown = await core.call('calls.list', filters);
    const { fileName, bytes } = await exported(core.call('calls.exportCsv', filters));
    expect(fileName).toMatch(/^calls-.*\.csv$/);
    const rows = parseCsv(bytes);
    expect(rows).toHaveLength(shown.total);
    expect(rows.map((row) => row['Duration (seconds)'])).toEqual(['60', '185']);
    expect(Object.keys(rows[0]!)).toEqual(['Time', 'Time (ISO, office time zone)', 'Direction', 'From', 'To', 'Contact', 'Duration (seconds)', 'Outcome', 'Owner', 'Tags', 'Flags', 'Notes']);
    expect(rows[1]).toMatchObject({
      Time: '3 Dec 2026, 10:00',
      'Time (ISO, office time zone)': '2026-12-03T10:00:00',
      Direction: 'Incoming',
      Contact: 'Ann Example',
      Outcome: 'booked',
      Owner: 'Sam',
      Flags: '',
      // Commas and quotes survive the round trip through a CSV reader.
      Notes: 'Boiler, "urgent", call back',
    });
    // A number as the office writes it is kept as text, so the spreadsheet keeps its leading zero.
    expect(rows[1]!.From).toBe("'07400 123456");
  });

  it('never lets a spreadsheet run or reinterpret what a caller or colleague typed', async () => {
    arrive(day + 9 * hour, { notes: '=HYPERLINK("http://evil.example","click")', disposition: '+SUM(A1:A3)', logged_by: '@admin' });
    arrive(day + 10 * hour, { notes: '-42', disposition: '0123' });
    const rows = parseCsv((await exported(core.call('calls.exportCsv', { sort: { field: 'startedAt', direction: 'asc' } }))).bytes);
    expect(rows[0]).toMatchObject({ Notes: `'=HYPERLINK("http://evil.example","click")`, Outcome: "'+SUM(A1:A3)", Owner: "'@admin" });
    expect(rows[1]).toMatchObject({ Notes: "'-42", Outcome: "'0123" });
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@]/);
  });

  it('marks after-hours, emergency and missed calls in the flags column', async () => {
    arrive(day + 22 * hour, { emergency: 1 });
    arrive(day + 10 * hour, { status: 'completed', duration_seconds: 30 });
    const rows = parseCsv((await exported(core.call('calls.exportCsv', {}))).bytes);
    expect(rows.map((row) => row.Flags)).toEqual(['Emergency; After hours; Missed', '']);
  });
});

describe('the printable report of a period', () => {
  it('adds up the period: answered and missed, after hours, by outcome and by member, and the call-backs made in time', async () => {
    await core.call('contacts.create', { draft: { name: 'Bob Builder', phones: [{ type: 'mobile', number: '07400 123456' }] } });
    // In the period: two booked by Sam, one quote needed by Alex (its call-back due at 13:00), three missed phone line calls (two after hours).
    await core.call('calls.log', { direction: 'inbound', number: '07400 123456', startedAt: day + 9 * hour, durationSeconds: 120, disposition: 'booked' });
    await core.call('calls.log', { direction: 'outbound', number: '07400 123456', startedAt: day + 10 * hour, durationSeconds: 60, disposition: 'booked' });
    await core.call('settings.update', { userName: 'Alex' });
    clock = day + 12 * hour;
    await core.call('calls.log', { direction: 'inbound', number: '07400 123456', startedAt: day + 12 * hour, durationSeconds: 30, disposition: 'quote needed' });
    clock = now;
    const stranger = { number: '+447400123999' };
    arrive(day + 6 * hour, stranger);
    arrive(day + 20 * hour, stranger);
    arrive(day + 14 * hour, stranger);
    // Outside the period.
    arrive(day - 2 * hour, stranger);

    const { fileName, bytes } = await exported(core.call('calls.exportReport', { from: day, to: day + 24 * hour }));
    expect(fileName).toMatch(/^calls-report-2026-12-03-to-2026-12-03-.*\.pdf$/);
    const { text } = await readPdf(bytes);
    expect(text).toContain('Calls from 3 December 2026 to 3 December 2026');
    expect(text).toContain('Calls 6 ');
    expect(text).toContain('Answered 3 ');
    expect(text).toContain('Missed 3 ');
    expect(text).toContain('Incoming / outgoing 5 / 1');
    expect(text).toContain('After hours 2 ');
    // The quote call's call-back (due 13:00) was never made: 0 of 1 in time.
    expect(text).toContain('Call-backs made within their promise 0% (0 of 1)');
    expect(text).toMatch(/By outcome No outcome yet 3 booked 2 quote needed 1 By member Phone line \(not logged by anyone\) 3 Sam 2 Alex 1 /);
    expect(text.match(/Bob Builder/g)).toHaveLength(3);
    expect(text).toContain('3 Dec 2026, 20:00 Incoming 07400 123999 0:00 After hours, Missed');
  });
});
