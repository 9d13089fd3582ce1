import { expect, test } from './sync-fixture';
import { openContacts, openTeamSync, startWorkspace, syncWaitMs } from './sync-steps';

// What reaches the office from outside, as the people who set it up and meet it. The website
// form: the admin turns it on in Team sync and copies its HTML; a visitor fills it in on "the
// website" (a page holding that HTML, in its own browser context) and presses Send; the enquiry
// shows up in the admin's contacts as a lead. The intake API: the admin makes a key for a tool,
// the tool adds a contact with it, and a revoked key adds nothing.

test.describe.configure({ timeout: 120_000 });

test('an enquiry sent from the website form arrives as a lead with its message', async ({ relay, appA, browser }) => {
  await startWorkspace(appA, relay, 'Whitfield Plumbing', 'Ann Admin');
  const panel = await openTeamSync(appA.page);
  await panel.getByRole('button', { name: 'Turn on the website form' }).click();
  const html = panel.getByRole('textbox', { name: 'HTML for your website' });
  await expect(html).toHaveValue(/<form method="post" action="http:\/\/127\.0\.0\.1:\d+\/forms\//);
  await expect(html).toHaveAccessibleDescription(/Enquiries arrive as leads tagged “Website form”/);
  await appA.page.screenshot({ path: test.info().outputPath('web-form-settings.png'), fullPage: true });

  // The visitor's side: the office website with the pasted form.
  const website = await browser.newContext();
  try {
    const visitor = await website.newPage();
    await visitor.setContent(`<!doctype html><title>Whitfield Plumbing</title><h1>Contact us</h1>${await html.inputValue()}`);
    await visitor.getByLabel('Your name').fill('Priya Shah');
    await visitor.getByLabel('E-mail').fill('priya@cothamhill.example');
    await visitor.getByLabel('Phone').fill('020 7946 0123');
    await visitor.getByLabel('How can we help?').fill('The boiler in flat 3 is leaking.');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect(visitor.getByRole('heading', { name: 'Thank you — your message was sent' })).toBeVisible();
    await expect(visitor.getByText('Whitfield Plumbing has your details')).toBeVisible();
  } finally {
    await website.close();
  }

  const grid = await openContacts(appA.page);
  const row = grid.getByRole('row', { name: /Priya Shah/ });
  await expect(row).toBeVisible({ timeout: syncWaitMs });
  await row.getByRole('link', { name: 'Priya Shah' }).click();
  const main = appA.page.getByRole('main');
  await expect(main.getByText('The boiler in flat 3 is leaking.')).toBeVisible();
  await expect(main.getByText('+44 20 7946 0123').first()).toBeVisible();
  await expect(main.getByText('Website form').first()).toBeVisible();
});

test('a tool with an API key adds a contact; once its key is revoked it cannot', async ({ relay, appA }) => {
  await startWorkspace(appA, relay, 'Whitfield Plumbing', 'Ann Admin');
  const panel = await openTeamSync(appA.page);
  const keys = panel.getByRole('region', { name: 'API keys' });
  await keys.getByRole('button', { name: 'Make an API key' }).click();
  await expect(keys.getByLabel('Name of the tool')).toHaveAccessibleDescription(/Name the key after the tool/);
  await keys.getByLabel('Name of the tool').fill('Zapier');
  await keys.getByRole('button', { name: 'Make an API key' }).click();
  const secret = keys.getByRole('textbox', { name: 'API key for Zapier' });
  await expect(secret).toHaveValue(/^fbk_/);
  await expect(secret).toBeFocused();
  const key = await secret.inputValue();
  await expect(keys.getByRole('list', { name: 'API keys' }).getByRole('listitem', { name: 'Zapier' })).toContainText('never used');
  await appA.page.screenshot({ path: test.info().outputPath('api-keys.png'), fullPage: true });

  const send = (name: string) =>
    fetch(`${relay.url}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ name, email: 'dana@example.com', note: 'From the booking page' }),
    });
  expect((await send('Dana Booking')).status).toBe(201);
  const grid = await openContacts(appA.page);
  await expect(grid.getByRole('row', { name: /Dana Booking/ })).toBeVisible({ timeout: syncWaitMs });

  await openTeamSync(appA.page);
  await keys.getByRole('button', { name: 'Revoke the key of Zapier' }).click();
  await appA.page.getByRole('dialog', { name: 'Revoke the key of “Zapier”?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(keys.getByText('No tool has a key yet.')).toBeVisible();
  expect((await send('After Revoke')).status).toBe(401);
});
