import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// Dark mode follows the system, and the switch in Settings overrides it either way. Each scheme
// is photographed (attached to the report, and kept in the test's output folder to look at).

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** Perceived lightness, 0 (black) to 255 (white), of an `rgb(r, g, b)` colour. */
function lightness(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

async function photograph(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

test('the colour scheme follows the system, and the Settings switch chooses light or dark over it', async ({ app, page }) => {
  await rpc(page, app, 'settings.update', { userName: 'Jo Castle', firstRunChecklistDismissed: true });
  await rpc(page, app, 'contacts.create', { draft: { name: 'Ann Example', emails: [{ type: 'work', address: 'ann@example.com' }] } });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });

  await page.emulateMedia({ colorScheme: 'light' });
  const light = await pageBackground(page);
  await photograph(page, 'dashboard-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await pageBackground(page);
  await photograph(page, 'dashboard-dark');
  expect(lightness(light)).toBeGreaterThan(200);
  expect(lightness(dark)).toBeLessThan(60);

  // The system says dark; the setting says Light, and wins.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const scheme = page.getByRole('group', { name: 'Colour scheme' });
  await expect(scheme.getByRole('radio', { name: 'System' })).toBeChecked();
  await scheme.getByText('Light', { exact: true }).click();
  await expect.poll(() => pageBackground(page)).toBe(light);
  await photograph(page, 'settings-light-over-dark-system');

  // The system says light; the setting says Dark, and it stays so after a reload.
  await page.emulateMedia({ colorScheme: 'light' });
  await scheme.getByText('Dark', { exact: true }).click();
  await expect.poll(() => pageBackground(page)).toBe(dark);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Colour scheme' }).getByRole('radio', { name: 'Dark' })).toBeChecked({ timeout: 15_000 });
  expect(await pageBackground(page)).toBe(dark);
  await photograph(page, 'settings-dark-over-light-system');

  // Back to System: the system's light again.
  await page.getByRole('group', { name: 'Colour scheme' }).getByText('System', { exact: true }).click();
  await expect.poll(() => pageBackground(page)).toBe(light);
});
