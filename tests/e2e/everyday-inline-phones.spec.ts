import { openDatabaseFile } from '../helpers/open-database-file';
import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// A contact's phone numbers and e-mail addresses are corrected where they are shown, like its
// other fields. Editing one number edits that item of the list (a teammate's edit of another
// number merges beside it); a number that reads as another country's is questioned first.

interface StoredContact {
  phones: { type: string; e164: string }[];
  emails: { type: string; address: string }[];
}

/** The contact's phone item rows as the database holds them: written items, removed ones included. */
function phoneItemRows(dataDir: string, contactId: string): { e164: string; cl: number }[] {
  const db = openDatabaseFile(dataDir, { readonly: true });
  try {
    return db.prepare('SELECT e164, cl FROM contact_phone_items WHERE contact_id = ? ORDER BY e164').all(contactId) as { e164: string; cl: number }[];
  } finally {
    db.close();
  }
}

test('a phone number is edited in place as that one item, a US number is questioned, and Ctrl+Z puts it back', async ({ app, page }, testInfo) => {
  const dana = await rpc<{ id: string }>(page, app, 'contacts.create', {
    draft: {
      name: 'Dana Whitfield',
      phones: [
        { type: 'work', number: '+44 20 7946 0321' },
        { type: 'mobile', number: '+44 7700 900461' },
      ],
      emails: [{ type: 'work', address: 'dana@whitfield.example' }],
    },
  });
  await page.goto(`${app.origin}/#/contacts/${dana.id}`);
  const phones = page.getByRole('region', { name: 'Contact details' }).getByRole('list', { name: 'Phone numbers' });
  await expect(phones.getByRole('link', { name: 'Call +44 7700 900461' })).toHaveAttribute('href', 'tel:+447700900461');

  // Edit the mobile number only: Enter saves it in its place, the work number is untouched.
  await phones.getByRole('button', { name: 'Mobile phone: +44 7700 900461' }).click();
  const mobile = phones.getByRole('textbox', { name: 'Mobile phone' });
  await expect(mobile).toBeFocused();
  await mobile.fill('07700 900999');
  await mobile.press('Enter');
  await expect(phones.getByRole('button', { name: 'Mobile phone: +44 7700 900999' })).toBeFocused();
  let stored = await rpc<StoredContact>(page, app, 'contacts.get', { id: dana.id });
  expect(stored.phones).toEqual([
    { type: 'work', e164: '+442079460321' },
    { type: 'mobile', e164: '+447700900999' },
  ]);
  // One item was written, in place: not the old number removed and a new one added.
  expect(phoneItemRows(app.dataDir, dana.id)).toEqual([{ e164: '+447700900999', cl: 1 }]);

  // A new number typed the American way, with the office in the UK: asked before it is stored.
  await phones.getByRole('button', { name: 'New phone number: not set' }).click();
  const added = phones.getByRole('textbox', { name: 'New phone number' });
  await added.fill('(212) 555-0187');
  await added.press('Enter');
  const question = phones.getByRole('group', { name: 'Is this a US number?' });
  await expect(question).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('phone-question.png') });
  expect((await rpc<StoredContact>(page, app, 'contacts.get', { id: dana.id })).phones).toHaveLength(2);
  await question.getByRole('button', { name: /Yes, \+1 212 555 0187/ }).click();
  await expect(phones.getByRole('button', { name: 'Mobile phone: +1 212 555 0187' })).toBeVisible();
  stored = await rpc<StoredContact>(page, app, 'contacts.get', { id: dana.id });
  expect(stored.phones.map((phone) => phone.e164)).toEqual(['+442079460321', '+447700900999', '+12125550187']);

  // "No, let me correct it" goes back to the number, and nothing is stored meanwhile.
  await phones.getByRole('button', { name: 'Work phone: +44 20 7946 0321' }).click();
  const work = phones.getByRole('textbox', { name: 'Work phone' });
  await work.fill('(212) 555-0188');
  await work.press('Enter');
  await phones.getByRole('group', { name: 'Is this a US number?' }).getByRole('button', { name: 'No, let me correct it' }).click();
  await expect(work).toBeFocused();
  await work.press('Escape');
  await expect(phones.getByRole('button', { name: 'Work phone: +44 20 7946 0321' })).toBeVisible();

  // Emptying a number removes that one; Ctrl+Z brings it back.
  await phones.getByRole('button', { name: 'Work phone: +44 20 7946 0321' }).click();
  await work.fill('');
  await work.press('Enter');
  await expect(phones.getByRole('button', { name: /^Work phone/ })).toHaveCount(0);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(phones.getByRole('button', { name: 'Work phone: +44 20 7946 0321' })).toBeVisible();

  // A number that is no number is refused in the user's words, and nothing changes.
  await phones.getByRole('button', { name: 'Work phone: +44 20 7946 0321' }).click();
  await work.fill('12');
  await work.press('Enter');
  await expect(work).toHaveAttribute('aria-invalid', 'true');
  await work.press('Escape');
  stored = await rpc<StoredContact>(page, app, 'contacts.get', { id: dana.id });
  expect(stored.phones.map((phone) => phone.e164)).toEqual(['+442079460321', '+447700900999', '+12125550187']);
});

test('every e-mail address is edited in place, and a new one is added at the end', async ({ app, page }) => {
  const dana = await rpc<{ id: string }>(page, app, 'contacts.create', {
    draft: {
      name: 'Dana Whitfield',
      emails: [
        { type: 'work', address: 'dana@whitfield.example' },
        { type: 'personal', address: 'dana.w@mail.example' },
      ],
    },
  });
  await page.goto(`${app.origin}/#/contacts/${dana.id}`);
  const emails = page.getByRole('region', { name: 'Contact details' }).getByRole('list', { name: 'E-mail addresses' });
  await expect(emails.getByRole('link', { name: 'Write to dana.w@mail.example' })).toHaveAttribute('href', 'mailto:dana.w@mail.example');

  await emails.getByRole('button', { name: 'Personal e-mail: dana.w@mail.example' }).click();
  const personal = emails.getByRole('textbox', { name: 'Personal e-mail' });
  await personal.fill('dana at home');
  await personal.press('Enter');
  await expect(personal).toHaveAccessibleDescription('That is not an e-mail address: it looks like name@example.com.');
  await personal.fill('dana@home.example');
  await personal.press('Enter');
  await expect(emails.getByRole('button', { name: 'Personal e-mail: dana@home.example' })).toBeVisible();

  await emails.getByRole('button', { name: 'New e-mail address: not set' }).click();
  await emails.getByRole('textbox', { name: 'New e-mail address' }).fill('accounts@whitfield.example');
  await page.getByRole('heading', { level: 1 }).click();
  await expect(emails.getByRole('button', { name: 'Work e-mail: accounts@whitfield.example' })).toBeVisible();

  const stored = await rpc<StoredContact>(page, app, 'contacts.get', { id: dana.id });
  expect(stored.emails).toEqual([
    { type: 'work', address: 'dana@whitfield.example' },
    { type: 'personal', address: 'dana@home.example' },
    { type: 'work', address: 'accounts@whitfield.example' },
  ]);
});
