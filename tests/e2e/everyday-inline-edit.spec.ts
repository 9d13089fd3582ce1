import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A contact's fields are corrected where they are shown: click or Enter edits, Enter or leaving the
// field saves, Escape puts the stored value back, and a refusal says what is wrong in plain words.

test('edits a contact in place: Enter saves, Escape cancels, a bad e-mail is explained, and Ctrl+Z undoes', async ({ app, page }) => {
  const ann = await rpc<{ id: string }>(page, app, 'contacts.create', { draft: { name: 'Ann Example', company: 'Acme' } });
  await page.goto(`${app.origin}/#/contacts/${ann.id}`);
  const details = page.getByRole('region', { name: 'Details', exact: true });

  await details.getByRole('button', { name: 'Company: Acme' }).click();
  const company = details.getByRole('textbox', { name: 'Company' });
  await expect(company).toBeFocused();
  await company.fill('Castle Roofing');
  await company.press('Enter');
  await expect(details.getByRole('button', { name: 'Company: Castle Roofing' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Example' })).toBeVisible();

  // Escape throws the typing away.
  await page.keyboard.press('Enter');
  await company.fill('Nothing to keep');
  await company.press('Escape');
  await expect(details.getByRole('button', { name: 'Company: Castle Roofing' })).toBeVisible();

  // Leaving the field saves it.
  await details.getByRole('button', { name: 'Job title: not set' }).click();
  await details.getByRole('textbox', { name: 'Job title' }).fill('Director');
  await page.getByRole('heading', { level: 1 }).click();
  await expect(details.getByRole('button', { name: 'Job title: Director' })).toBeVisible();

  // Refusals in the user's words; nothing is saved.
  await details.getByRole('button', { name: 'E-mail: not set' }).click();
  const email = details.getByRole('textbox', { name: 'E-mail' });
  await email.fill('ann at example');
  await email.press('Enter');
  await expect(email).toHaveAccessibleDescription('That is not an e-mail address: it looks like name@example.com.');
  await email.fill('ann@example.com');
  await email.press('Enter');
  await expect(details.getByRole('button', { name: 'E-mail: ann@example.com' })).toBeVisible();

  await details.getByRole('button', { name: 'Name: Ann Example' }).click();
  await details.getByRole('textbox', { name: 'Name' }).fill('   ');
  await details.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(details.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('A contact needs a name');
  await details.getByRole('textbox', { name: 'Name' }).press('Escape');

  const stored = await rpc<{ company: string; jobTitle: string; emails: { address: string }[] }>(page, app, 'contacts.get', { id: ann.id });
  expect(stored).toMatchObject({ name: 'Ann Example', company: 'Castle Roofing', jobTitle: 'Director', emails: [{ address: 'ann@example.com' }] });

  // The edits are on the undo stack, newest first.
  await page.keyboard.press('Control+z');
  await expect(details.getByRole('button', { name: 'E-mail: not set' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(details.getByRole('button', { name: 'Job title: not set' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'Company: Castle Roofing' })).toBeVisible();
});
