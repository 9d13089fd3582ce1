import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// Settings come in sections, each saved by its own Save: what is typed in one section is kept
// until saved or discarded there, a Save never takes another section's changes with it, and a
// refusal is said in words beside the field.

test('each settings section saves only its own changes, says so, and explains what it refuses', async ({ app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const toc = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(toc.getByRole('link')).toHaveText(['Profile', 'Office & quotes', 'Phone', 'Contacts', 'Mail', 'Files & storage', 'Team & sync', 'Appearance', 'App lock']);

  const profile = page.getByRole('region', { name: 'Profile' });
  const phone = page.getByRole('region', { name: 'Phone', exact: true });
  await profile.getByLabel('Your name').fill('Sam Carter');
  await expect(profile.getByRole('status')).toHaveText('Unsaved changes');
  await phone.getByLabel('Default phone country').selectOption('US');
  await expect(phone.getByRole('status')).toHaveText('Unsaved changes');

  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Saved');
  // The phone section's change did not go out with the profile's Save, and is still there to save.
  await expect(phone.getByRole('status')).toHaveText('Unsaved changes');
  await expect(phone.getByLabel('Default phone country')).toHaveValue('US');
  expect(await rpc(page, app, 'settings.get', {})).toMatchObject({ userName: 'Sam Carter', defaultRegion: 'GB' });

  // Typing again after a save: the section says its changes are unsaved, and Discard puts it back.
  await profile.getByLabel('Your name').fill('Sam C.');
  await expect(profile.getByRole('status')).toHaveText('Unsaved changes');
  await profile.getByRole('button', { name: 'Discard' }).click();
  await expect(profile.getByLabel('Your name')).toHaveValue('Sam Carter');

  // A size the app cannot use: said beside the field, focus taken there, nothing stored.
  const files = page.getByRole('region', { name: 'Files & storage' });
  await files.getByLabel('Largest file, in MB').fill('lots');
  await files.getByRole('button', { name: 'Save files & storage' }).click();
  await expect(files.getByLabel('Largest file, in MB')).toBeFocused();
  await expect(files.getByText('Enter a size from 0.01 to 2048 MB')).toBeVisible();

  // The core's refusal, too, is shown at its field in words.
  const office = page.getByRole('region', { name: 'Office & quotes' });
  await office.getByLabel('Office e-mail').fill('office at harbour');
  await office.getByLabel('Time zone').selectOption('America/New_York');
  await office.getByRole('button', { name: 'Save office & quotes' }).click();
  await expect(office.getByText('Enter an e-mail address such as office@example.com')).toBeVisible();
  expect(await rpc(page, app, 'settings.get', {})).toMatchObject({ maxFileBytes: 100 * 1024 * 1024, officeEmail: '', timeZone: '' });
  await office.getByLabel('Office e-mail').fill('office@harbour.example');
  await office.getByRole('button', { name: 'Save office & quotes' }).click();
  await expect(office.getByRole('status')).toHaveText('Saved');

  await phone.getByRole('button', { name: 'Save phone' }).click();
  await expect(phone.getByRole('status')).toHaveText('Saved');
  expect(await rpc(page, app, 'settings.get', {})).toMatchObject({ userName: 'Sam Carter', defaultRegion: 'US', officeEmail: 'office@harbour.example', timeZone: 'America/New_York' });

  // After a reload, what was saved is what the sections show.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Profile' }).getByLabel('Your name')).toHaveValue('Sam Carter');
  await expect(page.getByRole('region', { name: 'Phone', exact: true }).getByLabel('Default phone country')).toHaveValue('US');
  await page.screenshot({ path: test.info().outputPath('settings.png') });
});
