import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A reminder appears when its follow-up falls due, not at the next tick of a 15-second poll; the
// follow-up list beside it turns it overdue at the same moment; and the card, docked beside the
// screen, covers none of it.

test('a follow-up reminds at its due time, the list beside it says overdue, and the card hides nothing', async ({ app, page }) => {
  const ann = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example', summary: 'Boiler service every March.' } });
  await page.goto(`${app.origin}/#/contacts/${ann.id}`);
  const followUps = page.getByRole('region', { name: 'Follow-ups' });
  await expect(followUps).toBeVisible();

  // Due in four seconds: a 15-second poll would show it no sooner than 16 seconds after start.
  await rpc(page, app, 'followups.create', { contactId: ann.id, title: 'Send the boiler quote', dueAt: Date.now() + 4000 });
  const open = followUps.getByRole('list', { name: 'Open follow-ups' });
  await expect(open).toContainText('Send the boiler quote');
  await expect(open.getByText('Overdue', { exact: true })).toHaveCount(0);

  const reminders = page.getByRole('region', { name: 'Reminders' });
  const card = reminders.getByRole('article').filter({ hasText: 'Send the boiler quote' });
  await expect(card).toBeVisible({ timeout: 9000 });
  await expect(open.getByText('Overdue', { exact: true })).toBeVisible();

  // Scrolled to its end, the page's last card ends left of the reminder's column, not under it.
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  const summary = await page.getByRole('region', { name: 'Summary' }).boundingBox();
  const reminder = await card.boundingBox();
  expect(summary && reminder ? summary.x + summary.width : Infinity).toBeLessThanOrEqual(reminder?.x ?? 0);
});
