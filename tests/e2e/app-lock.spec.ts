import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// The app lock in the browser host: turned on in Settings, locked from the command palette and
// the keyboard, the customers gone from the page (not hidden: unmounted), a wrong passphrase
// refused, the right one bringing the screen back; and the idle lock, with the host's minute
// shortened to a second (FIELDBOOK_LOCK_MINUTE_MS, read by the host this file's fixture starts).

const passphrase = process.env.FIELDBOOK_PASSPHRASE ?? '';
process.env.FIELDBOOK_LOCK_MINUTE_MS = '1000';
// Many steps, each a round trip to the host: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

test('locks from the palette and the keyboard, hides every customer, and opens only to the passphrase', async ({ app, page }) => {
  await rpc(page, app, 'contacts.create', { draft: { name: 'Marguerite Okonkwo', phones: [{ number: '+44 20 7946 0321', type: 'mobile' }] } });
  await page.goto(`${app.origin}/#/settings`);
  const lockCard = page.getByRole('region', { name: 'App lock' });
  // An hour (here 60 s): long enough that only "Lock now" locks during the test.
  const idle = lockCard.getByRole('group', { name: 'Lock after this long without use' });
  await expect(idle.getByRole('radio', { name: 'Off' })).toBeChecked();
  await idle.getByText('1 hour', { exact: true }).click();
  await expect(lockCard.getByRole('button', { name: 'Lock now' })).toBeVisible();

  await page.goto(`${app.origin}/#/contacts`);
  await expect(page.getByText('Marguerite Okonkwo')).toBeVisible();

  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('lock');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Fieldbook is locked' })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('Marguerite');
  expect(html).not.toContain('7946');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  // The host refuses the page's calls too, not only the screen.
  const refused = (await (await page.request.post(`${app.origin}/rpc/contacts.list`, { data: {} })).json()) as { error: { code: string } };
  expect(refused.error.code).toBe('locked');

  const field = page.getByLabel('Passphrase');
  await expect(field).toBeFocused();
  await field.fill('not the passphrase');
  await page.keyboard.press('Enter');
  await expect(field).toHaveAccessibleDescription(/That passphrase is not right/);
  await expect(page.getByRole('heading', { name: 'Fieldbook is locked' })).toBeVisible();
  expect(await page.content()).not.toContain('Marguerite');

  await field.fill(passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Marguerite Okonkwo')).toBeVisible();

  // The keyboard shortcut locks too, and a reload does not get around it.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Fieldbook is locked' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Fieldbook is locked' })).toBeVisible();
  expect(await page.content()).not.toContain('Marguerite');
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Marguerite Okonkwo')).toBeVisible();
});

test('locks by itself after the idle time, and input keeps it open meanwhile', async ({ app, page }) => {
  await rpc(page, app, 'contacts.create', { draft: { name: 'Idris Vantongeren' } });
  await page.goto(`${app.origin}/#/settings`);
  // Five minutes, which this host counts as five seconds.
  await page.getByRole('region', { name: 'App lock' }).getByText('5 min', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '5 min', exact: true })).toBeChecked();
  await page.goto(`${app.origin}/#/contacts`);
  await expect(page.getByText('Idris Vantongeren')).toBeVisible();

  // Typing every 300 ms for 7.5 s: longer than the idle time, still open.
  for (let tick = 0; tick < 25; tick += 1) {
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
  }
  await expect(page.getByText('Idris Vantongeren')).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Fieldbook is locked' })).toBeVisible({ timeout: 15_000 });
  expect(await page.content()).not.toContain('Idris');
  await page.screenshot({ path: test.info().outputPath('lock-screen.png') });
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Idris Vantongeren')).toBeVisible();
});
