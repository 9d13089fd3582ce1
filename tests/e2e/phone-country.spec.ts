import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A number's country is part of typing it: "(212) 555-0187" with the office in the UK is not a
// UK number at all (libphonenumber's full metadata says so), but it is a valid New York one.
// Fieldbook asks before it stores it, in the contact form and in the import's report alike.

test('a US number typed without +1 is questioned before it is stored, and stored as the US number once confirmed', async ({ app: _app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Dana Reyes');
  await page.getByLabel('Phone number').fill('(212) 555-0187');
  await page.getByRole('button', { name: 'Create contact' }).click();

  const question = page.getByRole('group', { name: 'Is this a US number?' });
  await expect(question).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
  await question.getByRole('button', { name: /Yes, \+1 212/ }).click();
  await expect(page.getByRole('combobox', { name: 'Phone country' })).toHaveValue('US');
  await page.getByRole('button', { name: 'Create contact' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dana Reyes' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('+1 212 555 0187');
  await expect(page.getByRole('main')).not.toContainText('+44');
});

test('a number follows the country of the contact’s address', async ({ app: _app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Lone Star HVAC');
  await page.getByLabel('Country', { exact: true }).fill('United States');
  await page.getByLabel('Phone number').fill('(512) 555-0143');
  await expect(page.getByRole('combobox', { name: 'Phone country' })).toHaveValue('US');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lone Star HVAC' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('+1 512 555 0143');
});

test('the import questions the same number in its report instead of storing it as a UK one', async ({ app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click();
  await page.getByLabel('Choose a CSV or vCard file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name,Phone\r\nDana Reyes,(212) 555-0187\r\nAnn Example,020 7946 0321\r\n', 'utf8'),
  });
  const preview = page.getByRole('table', { name: /Preview/ });
  await expect(preview.getByRole('row', { name: /Dana Reyes/ })).toContainText('Is this a US number?');
  await expect(preview.getByRole('row', { name: /Ann Example/ })).toContainText('+442079460321');

  // Nothing was stored as the UK reading of the US number.
  const found = await rpc<{ total: number }>(page, app, 'contacts.list', { query: '2125550187' });
  expect(found.total).toBe(0);
});
