import type { Page } from '@playwright/test';
import { generateDemo } from '../../bench/generate';
import { expect, test } from './app-fixture';

// `npm start -- --demo` opens on a firm in full swing: the data folder is filled by the demo
// generator (the same call start.mjs makes) before the app opens it.

test.use({ prepareDataDir: { fill: (dataDir: string) => generateDemo(dataDir) } });
// Generating the demo's year of history takes several seconds on a busy machine.
test.setTimeout(120_000);

/** All reminders the window put up: the cards shown plus the "N more follow-ups due" card's N. */
async function remindersOnScreen(page: Page): Promise<number> {
  const region = page.getByRole('region', { name: 'Reminders' });
  const cards = await region.getByRole('article').count();
  const more = region.getByRole('heading', { name: /more follow-ups? due$/ });
  if ((await more.count()) === 0) return cards;
  const rest = Number((await more.textContent())?.match(/^(\d+)/)?.[1]);
  return cards - 1 + rest;
}

test('the demo opens on a pipeline with deals in every stage and a sent quote, and only a handful of reminders', async ({ app, page }) => {
  expect(page.url()).toContain(app.origin);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByRole('article').first()).toBeVisible({ timeout: 15_000 });
  // Reminders arrive with the first check after the window opens; give a late batch time to land.
  await page.waitForTimeout(2_500);
  const shown = await remindersOnScreen(page);
  expect(shown).toBeGreaterThanOrEqual(1);
  expect(shown).toBeLessThanOrEqual(5);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prospects' })).toBeVisible();
  for (const stage of ['Prospect', 'First contact', 'In discussion', 'Quote sent', 'Thinking about it', 'Won', 'Lost']) {
    await expect(page.getByRole('group', { name: stage, exact: true }).getByRole('button', { name: /, .*£/ }).first()).toBeVisible();
  }

  await page.getByRole('group', { name: 'Quote sent', exact: true }).getByRole('button', { name: /, .*£/ }).first().click();
  const deal = page.getByRole('dialog');
  await expect(deal.getByRole('link', { name: /^Quote Q-/ }).first()).toBeVisible();
  await expect(deal.getByText('Sent', { exact: true }).first()).toBeVisible();
});
