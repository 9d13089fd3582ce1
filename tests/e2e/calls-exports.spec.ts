import fs from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './app-fixture';
import { rpc } from './rpc';
import { readPdf } from '../helpers/pdf-text';

// The calls screen's two files, downloaded as a person would: the list as filtered (CSV) and the
// printable report of the list's period (PDF).

test('downloads the filtered calls as CSV and the period’s report as PDF from the calls screen', async ({ app, page }) => {
  await page.goto(`${app.origin}/#/calls`);
  await rpc(page, app, 'settings.update', { userName: 'Robin', callDispositions: ['booked', 'quote needed'] });
  const today = new Date();
  today.setHours(9, 0, 0, 0);
  const at = (hours: number) => today.getTime() + hours * 60 * 60_000;
  await rpc(page, app, 'contacts.create', { draft: { name: 'Ann Example', phones: [{ type: 'mobile', number: '07400 123456' }] } });
  await rpc(page, app, 'calls.log', { direction: 'inbound', number: '07400 123456', startedAt: at(0), durationSeconds: 95, disposition: 'booked', notes: '=cmd|calc' });
  await rpc(page, app, 'calls.log', { direction: 'inbound', number: '07400 123456', startedAt: at(1), durationSeconds: 30, disposition: 'quote needed' });
  await rpc(page, app, 'calls.log', { direction: 'outbound', number: '07400 123456', startedAt: at(2), durationSeconds: 40, disposition: 'booked' });
  await page.reload();

  const grid = page.getByRole('grid', { name: 'Call history' });
  await expect(grid.getByRole('row', { name: /Ann Example/ })).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('booked');
  await expect(grid.getByRole('row', { name: /Ann Example/ })).toHaveCount(2);

  await page.getByRole('button', { name: 'Export calls' }).click();
  await page.getByRole('menuitem', { name: 'Export these calls as CSV' }).click();
  const csvLink = page.getByRole('link', { name: /^Download calls-.*\.csv/ });
  await expect(csvLink).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await csvLink.click();
  const csvText = fs.readFileSync(await (await csvDownload).path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true }).data;
  expect(rows.map((row) => [row.Direction, row.Outcome, row['Duration (seconds)']])).toEqual([
    ['Outgoing', 'booked', '40'],
    ['Incoming', 'booked', '95'],
  ]);
  expect(rows[1]!.Notes).toBe("'=cmd|calc");

  await page.getByRole('button', { name: 'Export calls' }).click();
  await page.getByRole('menuitem', { name: 'Report of this period (PDF)' }).click();
  const pdfLink = page.getByRole('link', { name: /^Download calls-report-.*\.pdf/ });
  await expect(pdfLink).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calls-exports.png') });
  const pdfDownload = page.waitForEvent('download');
  await pdfLink.click();
  const { text } = await readPdf(fs.readFileSync(await (await pdfDownload).path()));
  // The report covers the period (this month so far), not the outcome filter: all three calls.
  expect(text).toContain('Calls 3 ');
  expect(text).toMatch(/By outcome booked 2 quote needed 1 By member Robin 3 /);
});
