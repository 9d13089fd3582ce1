import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app-fixture';
import { rpc } from './rpc';

// Logging a call as it happens on a busy day: the caller is found by a few letters of their name or
// a few digits of their number, a number already on a contact says whose it is, and a call nobody
// picked up is logged with one choice of outcome.

async function openLogCall(page: Page, app: RunningApp) {
  await page.goto(`${app.origin}/#/calls`);
  await page.getByRole('button', { name: 'Log a call' }).first().click();
  return page.getByRole('dialog', { name: 'Log a call' });
}

interface CallRow {
  contactName: string | null;
  status: string;
  disposition: string;
}

test('a contact found by name fills in their number, and "Nobody answered" logs a missed call in one choice', async ({ app, page }) => {
  await rpc(page, app, 'contacts.create', { draft: { name: 'Dana Whitfield', phones: [{ type: 'mobile', number: '+44 7700 900123' }] } });
  const dialog = await openLogCall(page, app);

  const contact = dialog.getByRole('combobox', { name: 'Contact' });
  await expect(contact).toBeFocused();
  await contact.fill('whitf');
  await expect(dialog.getByRole('option', { name: /Dana Whitfield/ })).toHaveAttribute('aria-selected', 'true');
  await contact.press('Enter');
  await expect(dialog.getByLabel('Phone number')).toHaveValue('+44 7700 900123');
  await expect(dialog.getByLabel('Phone number')).toHaveAccessibleDescription("Dana Whitfield's number");

  // No second question: the outcome says nobody answered.
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await dialog.getByLabel('Outcome').selectOption({ label: 'Nobody answered' });
  await dialog.getByText('Outgoing', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Outgoing' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByText('Call logged for Dana Whitfield')).toBeVisible();

  const calls = await rpc<{ items: CallRow[] }>(page, app, 'calls.list', {});
  expect(calls.items).toEqual([expect.objectContaining({ contactName: 'Dana Whitfield', status: 'no-answer', disposition: 'no answer', direction: 'outbound' })]);
});

test('a typed number says whose it is before the call is saved, and a contact is found by digits of their number', async ({ app, page }) => {
  await rpc(page, app, 'contacts.create', { draft: { name: 'Bob Roofer', phones: [{ type: 'work', number: '020 7946 0321' }] } });
  const dialog = await openLogCall(page, app);
  const number = dialog.getByLabel('Phone number');

  await number.fill('020 7946 0999');
  await expect(number).toHaveAccessibleDescription('Nobody has this number yet');
  await number.fill('02079460321');
  await expect(number).toHaveAccessibleDescription("Bob Roofer's number");

  await dialog.getByRole('combobox', { name: 'Contact' }).fill('7946 0321');
  await expect(dialog.getByRole('option', { name: /Bob Roofer/ })).toBeVisible();

  await dialog.getByRole('combobox', { name: 'Contact' }).fill('');
  await dialog.getByLabel('Outcome').selectOption({ label: 'Booked' });
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(page.getByRole('status').getByText('Call logged for Bob Roofer')).toBeVisible();
  const calls = await rpc<{ items: CallRow[] }>(page, app, 'calls.list', {});
  expect(calls.items).toEqual([expect.objectContaining({ contactName: 'Bob Roofer', status: 'completed' })]);
});
