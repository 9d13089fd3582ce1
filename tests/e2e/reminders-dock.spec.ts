import type { Locator, Page } from '@playwright/test';
import { generateDemo } from '../../bench/generate';
import { expect, test } from './app-fixture';

// The demo opens with a few follow-ups due. Their reminders sit beside the dashboard (or above it
// in a narrow window), never over its figures and charts, wherever the screen is scrolled.

test.use({ prepareDataDir: { fill: (dataDir: string) => generateDemo(dataDir) } });
// Generating the demo's year of history takes several seconds on a busy machine.
test.setTimeout(120_000);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every visible box of these elements, in the window's coordinates. */
async function boxes(locator: Locator): Promise<Box[]> {
  const found: Box[] = [];
  for (const element of await locator.all()) {
    const box = await element.boundingBox();
    if (box && box.width > 0 && box.height > 0) found.push(box);
  }
  return found;
}

/**
 * The part of each element a person can see: its box cut to every scrolling ancestor. The dock
 * scrolls when more reminders are due than fit (how many depends on the hour the demo opens), and
 * a reminder scrolled out of it is not over anything.
 */
async function shownBoxes(locator: Locator): Promise<Box[]> {
  const found: Box[] = [];
  for (const element of await locator.all()) {
    const box = await element.evaluate((node) => {
      let { left, top, right, bottom } = node.getBoundingClientRect();
      for (let parent = node.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      return { x: left, y: top, width: right - left, height: bottom - top };
    });
    if (box.width > 0 && box.height > 0) found.push(box);
  }
  return found;
}

/** The dashboard's figures and charts must not share a pixel with any reminder on screen. */
async function expectRemindersClearOfDashboard(page: Page): Promise<void> {
  const dashboard = page.getByRole('main');
  const content = [
    ...(await boxes(dashboard.getByRole('region', { name: 'Figures' }).getByRole('link'))),
    ...(await boxes(dashboard.getByRole('figure'))),
    ...(await boxes(dashboard.getByRole('region', { name: 'Figures' }))),
  ];
  expect(content.length).toBeGreaterThan(3);
  const region = page.getByRole('region', { name: 'Reminders' });
  const reminders = [...(await shownBoxes(region.getByRole('article'))), ...(await shownBoxes(region.getByRole('button')))];
  expect(reminders.length).toBeGreaterThan(0);
  for (const reminder of reminders) {
    for (const part of content) expect(overlaps(reminder, part), `reminder ${JSON.stringify(reminder)} over ${JSON.stringify(part)}`).toBe(false);
  }
}

async function scrollMain(page: Page, to: 'top' | 'end'): Promise<void> {
  await page.getByRole('main').evaluate((main, where) => main.scrollTo(0, where === 'top' ? 0 : main.scrollHeight), to);
}

for (const window of [
  { name: 'a laptop window', width: 1280, height: 800 },
  { name: 'a narrow window', width: 820, height: 700 },
]) {
  test.describe(`in ${window.name}`, () => {
    // Set before the app opens: each reminder is shown once, so a reload would show none.
    test.use({ viewport: { width: window.width, height: window.height } });

    test(`the reminders on opening the demo cover none of the dashboard's figures or charts (${window.width}px)`, async ({ app, page }, testInfo) => {
      expect(page.url()).toContain(app.origin);
      await expect(page.getByRole('region', { name: 'Figures' })).toBeVisible({ timeout: 20_000 });
      const reminders = page.getByRole('region', { name: 'Reminders' });
      await expect(reminders).toContainText(/due/, { timeout: 15_000 });
      // Reminders arrive with the first check after the window opens; give a late batch time to land.
      await page.waitForTimeout(1_500);
      await expectRemindersClearOfDashboard(page);
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${window.width}.png`) });
      await scrollMain(page, 'end');
      await expectRemindersClearOfDashboard(page);

      // In a narrow window the reminders wait in a bar above the screen; opened, they push it down.
      const show = reminders.getByRole('button', { name: 'Show' });
      if (window.width < 1180) {
        await expect(reminders.getByRole('article')).toHaveCount(0);
        await show.click();
        await expect(reminders.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
        await expect(reminders.getByRole('article').first()).toBeVisible();
        await scrollMain(page, 'top');
        await expectRemindersClearOfDashboard(page);
        await page.screenshot({ path: testInfo.outputPath(`dashboard-${window.width}-open.png`) });
      } else {
        await expect(show).toHaveCount(0);
      }
    });
  });
}
