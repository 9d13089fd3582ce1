import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { solidPng } from '../helpers/png';
import { expect, test } from './app-fixture';

// vCards from phones through the import wizard, as a person would: the iPhone export with CR CR
// LF line ends and a folded photo arrives whole and its photo is on the contact; an Android card
// with a number that cannot be used keeps it as written and says so; a photo set by hand; the
// contacts go back out as a vCard. Screenshots go to /tmp/shots-vcard/ for a human look.

const cards = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/vcard');
const shotsDir = '/tmp/shots-vcard';

test.use({ viewport: { width: 1280, height: 1400 } });
// Two imports, navigation and downloads: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png`, fullPage: true });
}

async function openScreen(page: Page, name: 'Import & export' | 'Contacts'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function importCards(page: Page, file: string): Promise<Locator> {
  await openScreen(page, 'Import & export');
  await page.getByLabel('Choose a CSV or vCard file').setInputFiles({ name: file, mimeType: 'text/vcard', buffer: fs.readFileSync(path.join(cards, file)) });
  const preview = page.getByRole('table', { name: /Preview/ });
  await expect(preview).toBeVisible();
  return preview;
}

/** Whether an <img> has loaded real pixels (not a broken image). */
async function showsPicture(image: Locator): Promise<boolean> {
  return image.evaluate((element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0);
}

test('imports an iPhone vCard with a folded photo in the wizard and shows the photo on the contact', async ({ app: _app, page }) => {
  const preview = await importCards(page, 'iphone-crcrlf-photo.vcf');
  await expect(preview.getByRole('row', { name: /Zoë Hartley/ })).toContainText('Hartley & Sons Builders');
  await expect(preview.getByRole('row', { name: /Zoë Hartley/ }).getByRole('cell', { name: 'Yes' })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Priya Shah/ })).toBeVisible();
  await shot(page, '01-preview');

  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  const report = page.getByLabel('Import report');
  await expect(report).toContainText('Imported2');
  await expect(report).toContainText('Failed0');
  await shot(page, '02-report');

  await openScreen(page, 'Contacts');
  const grid = page.getByRole('grid', { name: 'Contacts' });
  const inList = grid.getByRole('row', { name: /Zoë Hartley/ }).getByRole('img', { name: 'Photo of Zoë Hartley' });
  await expect(inList).toBeVisible();
  await expect.poll(() => showsPicture(inList)).toBe(true);
  await shot(page, '03-list');

  await grid.getByRole('row', { name: /Zoë Hartley/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Hartley' })).toBeVisible();
  const onContact = page.getByRole('main').getByRole('img', { name: 'Photo of Zoë Hartley' });
  await expect(onContact).toBeVisible();
  await expect.poll(() => showsPicture(onContact)).toBe(true);
  const box = await onContact.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(48);
  await shot(page, '04-contact');
});

test('keeps an Android number that cannot be used as written, sets a photo by hand, and exports vCards with it', async ({ app, page }) => {
  // An Android phone in the US: 123456789 has too few digits for a US number.
  const settings = await page.request.post(`${app.origin}/rpc/settings.update`, { data: { defaultRegion: 'US' } });
  expect(await settings.json()).toMatchObject({ ok: true });
  await importCards(page, 'android-123456789.vcf');
  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(page.getByLabel('Import report')).toContainText('Imported2');
  const warnings = page.getByRole('table', { name: 'Values imported as written' });
  await expect(warnings.getByRole('row', { name: /^5 / })).toContainText('Phone "123456789" (TEL at line 5)');
  await expect(warnings.getByRole('row', { name: /^14 / })).toContainText('kept in the summary as written');
  await shot(page, '05-android-report');

  await openScreen(page, 'Contacts');
  await page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: /Dana Kim/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Kim' })).toBeVisible();
  await expect(page.getByText('Imported as written: phone 123456789')).toBeVisible();

  await page.getByLabel('Choose a photo of Dana Kim').setInputFiles({ name: 'dana.png', mimeType: 'image/png', buffer: solidPng(96, 96, [46, 110, 80]) });
  const photo = page.getByRole('img', { name: 'Photo of Dana Kim' });
  await expect(photo).toBeVisible();
  await expect.poll(() => showsPicture(photo)).toBe(true);
  await expect(page.getByRole('button', { name: 'Remove photo' })).toBeVisible();
  await shot(page, '06-photo-by-hand');

  await openScreen(page, 'Import & export');
  await page.getByText('vCard 4.0', { exact: true }).click();
  await page.getByRole('button', { name: 'Export contacts as vCard' }).click();
  const link = page.getByRole('link', { name: /^Download contacts-vcard-4\.0-.*\.vcf/ });
  await expect(link).toBeVisible();
  await shot(page, '07-vcard-export');
  const download = page.waitForEvent('download');
  await link.click();
  const text = fs.readFileSync((await (await download).path())!, 'utf8').replace(/\r\n /g, '');
  expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
  expect(text).toContain('FN:Dana Kim');
  expect(text).toMatch(/PHOTO:data:image\/png;base64,iVBORw0KGgo/);
});
