import type { Locator, Page } from '@playwright/test';
import { solidPng } from '../helpers/png';
import { readPdf } from '../helpers/pdf-text';
import { expect, test, type RunningApp } from './app-fixture';
import { rpc, type PipelineData } from './rpc';

// The quote a customer receives: the office's name, address, contact details, tax number and
// logo (uploaded in Settings), dates and money in the office's locale, a validity date and the
// payment terms.

const card = (scope: Page | Locator, title: string): Locator => scope.getByRole('button', { name: new RegExp(`^${title},`) });
const longDate = (epochMs: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(epochMs);

async function sendQuote(page: Page, app: RunningApp, dealTitle: string, line: { description: string; price: string }) {
  await card(page, dealTitle).click();
  await page.getByRole('dialog', { name: dealTitle }).getByRole('button', { name: 'New quote' }).click();
  const editor = page.getByRole('dialog', { name: 'New quote' });
  await editor.getByLabel('Description, line 1').fill(line.description);
  await editor.getByLabel('Unit price, line 1').fill(line.price);
  await editor.getByRole('button', { name: 'Make PDF and mark as sent' }).click();
  const sent = page.getByRole('dialog', { name: /^Quote / });
  const pdfLink = sent.getByRole('link', { name: /\.pdf/ });
  await expect(pdfLink).toBeVisible();
  const title = (await sent.getByRole('heading').first().textContent()) ?? '';
  const pdf = await page.request.get(`${app.origin}${await pdfLink.getAttribute('href')}`);
  await sent.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog', { name: dealTitle }).press('Escape');
  return { title, contents: await readPdf(await pdf.body()) };
}

test('a sent quote carries the office, its logo, local dates and money, the validity date and the terms', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', {
    draft: { name: 'Ann Example', address: { street: '4 Mill Lane', city: 'Bath', postcode: 'BA1 1AA', country: 'United Kingdom' } },
  });
  const pipeline = await rpc<PipelineData>(page, app, 'pipelines.createFromTemplate', { template: 'prospects' });
  await rpc(page, app, 'deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler replacement', valueMinor: 120_000 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const office = page.getByRole('region', { name: 'Office & quotes' });
  await office.getByLabel('Office name').fill('Harbour Plumbing Ltd');
  await office.getByLabel('Office address').fill('12 Quay Street\nBristol BS1 4DJ');
  await office.getByLabel('Office phone').fill('0117 496 0123');
  await office.getByLabel('Office e-mail').fill('office@harbour-plumbing.example');
  await office.getByLabel('VAT or tax number').fill('GB 123 4567 89');
  await office.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(64, 32, [16, 96, 160]) });
  await expect(office.getByRole('img', { name: /Your logo/ })).toBeVisible();
  await office.getByLabel('Payment terms').fill('Payment within 14 days of completion, by bank transfer.');
  await office.getByLabel('Quotes are valid for').fill('30');
  await office.getByRole('button', { name: 'Save office & quotes' }).click();
  await expect(office.getByRole('status')).toHaveText('Saved');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  const first = await sendQuote(page, app, 'Boiler replacement', { description: 'Combi boiler, fitted', price: '1,250' });
  const today = Date.now();
  // The office's first quote, in the series of this laptop (alone, so four letters of its own).
  expect(first.title).toMatch(new RegExp(`^Quote Q-${new Date().getFullYear()}-[A-Z]{4}-0001`));
  const text = first.contents.text;
  for (const expected of [
    'Harbour Plumbing Ltd',
    '12 Quay Street',
    'Bristol BS1 4DJ',
    '0117 496 0123',
    'office@harbour-plumbing.example',
    'GB 123 4567 89',
    longDate(today),
    longDate(today + 30 * 24 * 60 * 60 * 1000),
    'Payment within 14 days of completion, by bank transfer.',
    'Ann Example',
    '4 Mill Lane',
    'Combi boiler, fitted',
    '£1,250.00',
    '£1,500.00',
  ]) {
    expect(text, `the PDF should say "${expected}"`).toContain(expected);
  }
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(first.contents.imagesPerPage[0]).toBeGreaterThanOrEqual(1);
});
