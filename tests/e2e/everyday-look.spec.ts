import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// The everyday look: focus rings only for keyboard focus, long notes that expand on the
// timeline, e-mail addresses kept whole, and a sidebar that folds away on a narrow window.

const longNote = Array.from({ length: 12 }, (_, line) => `Line ${line + 1} of the site visit: the gutter, the render and the scaffold.`).join('\n');
const longAddress = 'accounts.department@hartley-and-sons-builders.co.uk';

test('focus rings show for keyboard focus only', async ({ app, page }) => {
  await rpc(page, app, 'settings.update', { userName: 'Jo Castle', firstRunChecklistDismissed: true });
  await page.reload();
  const logCall = page.getByRole('button', { name: 'Log a call' });
  const outline = () => logCall.evaluate((button) => getComputedStyle(button).outlineStyle);
  // Clicked, and its dialog closed with the mouse: focus is back on the button, with no ring.
  await logCall.click();
  const dialog = page.getByRole('dialog', { name: 'Log a call' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(logCall).toBeFocused();
  expect(await outline()).toBe('none');
  // Reached with the keyboard: the ring shows.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(logCall).toBeFocused();
  expect(await outline()).toBe('solid');
});

for (const width of [700]) {
  test(`an e-mail address is never broken across lines (${width} px window)`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 800 });
    const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Zoë Hartley', emails: [{ type: 'work', address: longAddress }] } });
    await page.evaluate((id) => (window.location.hash = `#/contacts/${id}`), contact.id);
    const email = page.getByRole('link', { name: longAddress });
    await expect(email).toBeVisible({ timeout: 15_000 });
    // One line box: the address is whole on one line (cut with an ellipsis if it cannot fit),
    // where it is a link and where it is shown to be edited in place.
    expect(await email.evaluate((link) => link.getClientRects().length)).toBe(1);
    const shown = page.getByRole('button', { name: `Work e-mail: ${longAddress}` });
    await expect(shown).toBeVisible();
    const lineTops = await shown.evaluate((button) => {
      // The rectangles of the address's text itself, one per line it occupies.
      const text = document.createTreeWalker(button, NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      range.selectNodeContents(text!);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lineTops).toBe(1);
  });
}

test('a long note on the timeline expands with Show more', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Zoë Hartley' } });
  await rpc(page, app, 'notes.create', { contactId: contact.id, kind: 'meeting', body: longNote });
  await page.evaluate((id) => (window.location.hash = `#/contacts/${id}`), contact.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Hartley' })).toBeVisible({ timeout: 15_000 });

  const timeline = page.getByRole('list', { name: 'Timeline' });
  const lastLine = timeline.getByText('Line 12 of the site visit', { exact: false });
  const more = timeline.getByRole('button', { name: 'Show more' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const clamped = await lastLine.evaluate((element) => element.getBoundingClientRect().height);
  await more.click();
  await expect(timeline.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  expect(await lastLine.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(clamped * 2);
});

test('the sidebar folds to icons on a narrow window and its toggle opens it again', async ({ app, page }) => {
  expect(page.url()).toContain(app.origin);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const contacts = nav.getByRole('link', { name: 'Contacts' });
  await expect(contacts).toBeVisible({ timeout: 15_000 });
  // The sidebar is the landmark holding the main navigation (a list's views panel is another aside).
  const sidebar = page.getByRole('complementary').filter({ has: nav });
  const width = () => sidebar.evaluate((aside) => aside.getBoundingClientRect().width);
  expect(await width()).toBeGreaterThan(180);

  await page.setViewportSize({ width: 800, height: 700 });
  const expand = page.getByRole('button', { name: 'Expand the sidebar' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(width).toBeLessThan(80);
  // Folded, every link keeps its name and still works.
  await contacts.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Collapse the sidebar' })).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(width).toBeGreaterThan(180);
});
