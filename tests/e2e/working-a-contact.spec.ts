import type { Page } from '@playwright/test';
import { expect, test } from './app-fixture';
import { tinyPdf } from './tiny-pdf';

// Working a contact, driven as a person would (by role and label) through the browser host: a call
// from an unknown number becomes a contact, who then gets a note, a PDF and an overdue follow-up;
// the reminder, the dashboard and the contact's timeline all show it.

function localDateInput(epochMs: number): string {
  const day = new Date(epochMs);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

async function openPaletteAndRun(page: Page, typed: string, option: string): Promise<void> {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill(typed);
  await expect(palette.getByRole('option', { name: option, exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

test('a call from an unknown number becomes a contact with a note, a PDF, an overdue follow-up and a timeline', async ({ app, page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your day at a glance, once you start' })).toBeVisible();

  // Log a call from a number nobody has, from the command palette.
  await openPaletteAndRun(page, 'log a call', 'Log a call');
  const logCall = page.getByRole('dialog', { name: 'Log a call' });
  await logCall.getByLabel('Phone number').fill('07700 900123');
  await logCall.getByRole('button', { name: 'Log call' }).click();
  await expect(logCall.getByLabel('Outcome')).toHaveAccessibleDescription('Choose an outcome');
  await logCall.getByLabel('Outcome').selectOption({ label: 'Quote needed' });
  await logCall.getByLabel('Duration in minutes').fill('4');
  await logCall.getByLabel('Notes').fill('Wants a price for a new combi boiler');
  await logCall.getByRole('button', { name: 'Log call' }).click();

  // Turn it into a contact: the form starts with the number, the call is linked once saved.
  const unknown = page.getByRole('dialog', { name: 'Call logged from an unknown number' });
  await expect(unknown).toContainText('+44 7700 900123');
  await unknown.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
  await expect(page.getByLabel('Phone number', { exact: true })).toHaveValue('+44 7700 900123');
  await page.getByLabel('Name', { exact: true }).fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible();
  await expect(page.getByRole('status').getByText('Added Dana Whitfield and linked the call')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Calls 1' })).toBeVisible();

  // A note.
  await page.getByLabel('New note').fill('Gate code 4521. Dog in the back garden.');
  await page.getByLabel('Note type').selectOption({ label: 'Meeting' });
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByLabel('New note')).toHaveValue('');
  await page.getByRole('tab', { name: /^Notes/ }).click();
  await expect(page.getByRole('article', { name: /Meeting note/ })).toContainText('Gate code 4521');

  // A PDF, attached with the picker, and its preview inside the app.
  await page.getByRole('tab', { name: /^Files/ }).click();
  await page.getByLabel('Attach files').setInputFiles({ name: 'Quote 1042.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Quote 1042') });
  const files = page.getByRole('list', { name: 'Files' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).toContainText('Quote 1042.pdf');
  await files.getByRole('button', { name: 'Preview Quote 1042.pdf' }).click();
  const preview = page.getByRole('dialog', { name: 'Quote 1042.pdf' });
  const frame = preview.getByTitle('Preview of Quote 1042.pdf');
  await expect(frame).toBeVisible();
  const source = await frame.getAttribute('src');
  const served = await page.request.get(new URL(source ?? '', app.origin).href);
  expect(served.headers()['content-type']).toBe('application/pdf');
  expect(served.headers()['content-disposition']).toMatch(/^inline;/);
  expect((await served.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  // A follow-up that was due yesterday: overdue at once, and its reminder with it.
  const followUps = page.getByRole('region', { name: 'Follow-ups' });
  await followUps.getByRole('button', { name: 'Add follow-up' }).click();
  const newFollowUp = page.getByRole('dialog', { name: 'New follow-up for Dana Whitfield' });
  await newFollowUp.getByLabel('What needs doing').fill('Send the boiler quote');
  await newFollowUp.getByLabel('Due date').fill(localDateInput(Date.now() - 24 * 60 * 60 * 1000));
  await newFollowUp.getByLabel('Due time').fill('09:00');
  await newFollowUp.getByText('High', { exact: true }).click();
  await expect(newFollowUp.getByRole('radio', { name: 'High' })).toBeChecked();
  await newFollowUp.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(newFollowUp).toBeHidden();
  const open = followUps.getByRole('list', { name: 'Open follow-ups' });
  await expect(open.getByRole('listitem')).toContainText('Send the boiler quote');
  await expect(open.getByText('Overdue', { exact: true })).toBeVisible();

  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByRole('heading', { name: 'Send the boiler quote' })).toBeVisible();
  await expect(reminders).toContainText('Dana Whitfield');

  // Everything is on the contact's timeline, newest first.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText('Follow-up planned: Send the boiler quote')).toBeVisible();
  await expect(timeline.getByText('Attached Quote 1042.pdf')).toBeVisible();
  await expect(timeline.getByText('Meeting note')).toBeVisible();
  await expect(timeline.getByText('Gate code 4521. Dog in the back garden.')).toBeVisible();
  await expect(timeline.getByText('Inbound call, 4 min, quote needed')).toBeVisible();
  await expect(timeline.getByText('Wants a price for a new combi boiler')).toBeVisible();
  const titles = await timeline.getByRole('listitem').allInnerTexts();
  expect(titles.findIndex((text) => text.includes('Follow-up planned'))).toBeLessThan(titles.findIndex((text) => text.includes('Attached Quote')));
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(1);

  // The dashboard counts it as overdue, and the count leads to the list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const overdueTile = page.getByRole('link', { name: /Overdue follow-ups/ });
  await expect(overdueTile).toContainText('1');
  await overdueTile.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overdue 1' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Overdue follow-ups' })).toContainText('Dana Whitfield');

  // The reminder opens the contact; it was acknowledged, so a reload does not show it again.
  await reminders.getByRole('button', { name: 'Open contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible();
  await expect(reminders.getByRole('article')).toHaveCount(0);
});

test('a file over the size limit is refused with a clear message, before anything is sent', async ({ app, page }) => {
  const settings = await page.request.post(`${app.origin}/rpc/settings.update`, { data: { maxFileBytes: 2048 } });
  expect(await settings.json()).toMatchObject({ ok: true });
  const created = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name: 'Ann Example' } } });
  const { data: contact } = (await created.json()) as { data: { id: string } };
  await page.goto(`${app.origin}/#/contacts/${contact.id}/files`);

  await page.getByLabel('Attach files').setInputFiles({ name: 'site-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(8 * 1024, 1) });
  await expect(page.getByRole('alert').filter({ hasText: 'site-photo.jpg' })).toContainText('over the 2 KB limit for files');
  await expect(page.getByText('No files yet.')).toBeVisible();
});

test('the command palette finds a contact by a word in one of its notes and opens it', async ({ app, page }) => {
  const created = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name: 'Bob Roofer', company: 'Castle Roofing' } } });
  const { data: contact } = (await created.json()) as { data: { id: string } };
  await page.request.post(`${app.origin}/rpc/notes.create`, { data: { contactId: contact.id, body: 'Prefers a call after 4pm, leaking skylight' } });

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const box = palette.getByRole('combobox');
  await expect(box).toBeFocused();
  await box.fill('skylight');
  await expect(palette.getByRole('group', { name: 'Notes' }).getByRole('option')).toContainText('leaking skylight');
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Bob Roofer' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Notes/ })).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill('castle');
  await expect(palette.getByRole('option', { name: /Bob Roofer/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});
