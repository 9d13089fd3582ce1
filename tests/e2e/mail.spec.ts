import { ImapFlow } from 'imapflow';
import type { Page } from '@playwright/test';
import { startDovecot, type Dovecot } from '../support/dovecot';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp';
import { expect, test } from './app-fixture';

// Mail in Chromium, through the real screens, against a real Dovecot and a real SMTP server
// started here: connect the office mailbox in Settings → Mail accounts, a customer's e-mail
// arrives (IDLE) and shows on their timeline and Mail tab, the reply goes out through the
// outbox and is filed in Sent.

const office = { email: 'office@whitfield.example', password: 'office-pass' };
const dana = { name: 'Dana Whitfield', email: 'dana@customer.example' };
let dovecot: Dovecot;
let smtp: SmtpTestServer;

test.beforeAll(async () => {
  dovecot = await startDovecot([{ user: office.email, password: office.password }]);
  smtp = await startSmtpServer({ user: office.email, password: office.password });
});

test.afterAll(async () => {
  await smtp?.stop();
  await dovecot?.stop();
});

async function withImap<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: office.email, pass: office.password }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function rpc<T>(page: Page, origin: string, channel: string, input: unknown): Promise<T> {
  const answer = await page.request.post(`${origin}/rpc/${channel}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.data;
}

const complaint = [
  `From: =?ISO-8859-1?Q?Dana_Whitfield?= <${dana.email.toUpperCase()}>`,
  `To: Whitfield Office <${office.email}>`,
  'Subject: =?ISO-8859-1?Q?Radiator_in_the_caf=E9_is_leaking?=',
  `Date: ${new Date().toUTCString()}`,
  'Message-ID: <leak-1@customer.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=ISO-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<p>Hello, the radiator in the caf=E9 is leaking again.</p><p><img src=3D"https://tracker.example/pixel.gif" alt=3D"">Could someone come on Tuesday?</p><script>alert(1)</script>',
  '',
].join('\r\n');

const supplierNote = [
  'From: Sam Porter <sam@porter-parts.example>',
  `To: ${office.email}`,
  'Subject: Parts for the Whitfield boiler',
  `Date: ${new Date(Date.now() - 3_600_000).toUTCString()}`,
  'Message-ID: <parts-1@porter-parts.example>',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'The valve arrives on Monday.',
  '',
].join('\r\n');

test('connect a mailbox, make a contact from a sender, a customer e-mail shows on their contact, the reply is sent and filed in Sent', async ({ page, app }) => {
  test.setTimeout(120_000);
  const contact = await rpc<{ id: string }>(page, app.origin, 'contacts.create', { draft: { name: dana.name, emails: [{ type: 'work', address: dana.email }] } });

  // Already in the mailbox, from someone who is not a contact yet.
  await withImap((client) => client.append('INBOX', supplierNote));

  // Settings → Mail accounts.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Mail accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Mail accounts', level: 1 })).toBeVisible();
  await page.getByLabel('Provider').selectOption('other');
  await page.getByLabel('E-mail address').fill(office.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByLabel('IMAP server').fill(dovecot.host);
  await page.getByLabel('IMAP port').fill(String(dovecot.port));
  await page.getByLabel('IMAP security').selectOption('none');
  await page.getByLabel('SMTP server').fill(smtp.host);
  await page.getByLabel('SMTP port').fill(String(smtp.port));
  await page.getByLabel('SMTP security').selectOption('none');
  await page.screenshot({ path: test.info().outputPath('mail-settings.png'), fullPage: true });

  // A wrong password is said in plain words, and nothing is added.
  await page.getByRole('button', { name: 'Test connection' }).click();
  const test1 = page.getByRole('status', { name: 'Connection test' });
  await expect(test1).toContainText(/Reading mail \(IMAP\):.*password/i);
  await page.getByLabel('Password').fill(office.password);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(test1.getByText(/Reading mail \(IMAP\)/)).not.toContainText(/password/i);
  await expect(test1).toContainText('Sending mail (SMTP)');

  await page.getByRole('button', { name: 'Add account' }).click();
  const accounts = page.getByRole('list', { name: 'Mail accounts' });
  await expect(accounts.getByRole('heading', { name: office.email })).toBeVisible();
  await expect(accounts.getByRole('status')).toContainText('Up to date', { timeout: 30_000 });

  // INBOX and Sent are always synced; another folder can be ticked.
  await accounts.getByText('Folders and privacy').click();
  const folders = accounts.getByRole('group', { name: `Folders of ${office.email}` });
  await expect(folders.getByRole('checkbox', { name: /INBOX/ })).toBeDisabled();
  await expect(folders.getByRole('checkbox', { name: /INBOX/ })).toBeChecked();
  await folders.getByRole('checkbox', { name: 'Drafts' }).check();
  await page.reload();
  await accounts.getByText('Folders and privacy').click();
  await expect(folders.getByRole('checkbox', { name: 'Drafts' })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('mail-accounts.png'), fullPage: true });

  // The supplier is listed with only their headers; making them a contact keeps their e-mail.
  const senders = page.getByRole('list', { name: 'Senders who are not contacts' });
  await expect(senders).toContainText('Parts for the Whitfield boiler');
  await senders.getByRole('button', { name: 'Create contact from Sam Porter <sam@porter-parts.example>' }).click();
  await expect(page.getByRole('heading', { name: 'Sam Porter', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: /Parts for the Whitfield boiler/ })).toBeVisible({ timeout: 30_000 });

  // The customer writes in (after the first sync: IDLE brings it).
  await withImap((client) => client.append('INBOX', complaint));

  await page.goto(`${app.origin}/#/contacts/${contact.id}`);
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByText('E-mail received: Radiator in the café is leaking')).toBeVisible({ timeout: 30_000 });

  await activity.getByRole('tab', { name: 'Mail' }).click();
  await activity.getByRole('button', { name: /Radiator in the café is leaking/ }).click();
  const frame = page.frameLocator('iframe[title="Message: Radiator in the café is leaking"]');
  await expect(frame.getByText('the radiator in the café is leaking again')).toBeVisible();
  // The tracking pixel is not loaded until asked for.
  await expect(activity.getByText('One remote image was blocked')).toBeVisible();

  await activity.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(activity.getByRole('textbox', { name: 'To' })).toHaveValue(dana.email.toUpperCase());
  await expect(activity.getByRole('textbox', { name: 'Subject' })).toHaveValue('Re: Radiator in the café is leaking');
  await activity.getByRole('textbox', { name: 'Message' }).fill('Hello Dana, Sam will come on Tuesday at 9.');
  await activity.getByRole('button', { name: 'Send' }).click();

  const messages = activity.getByRole('list', { name: 'Messages' });
  await expect(messages.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  await expect(messages.getByRole('listitem').nth(1)).toContainText('Sam will come on Tuesday at 9.');
  await expect(messages.getByRole('listitem').nth(1)).toContainText('Sent');

  const [delivered] = await smtp.waitFor(1);
  expect(delivered!.to.map((address) => address.toLowerCase())).toEqual([dana.email]);
  expect(delivered!.raw.toString('utf8')).toMatch(/^In-Reply-To: <leak-1@customer\.example>/m);
  const inSent = await withImap(async (client) => {
    await client.mailboxOpen('Sent');
    const subjects: string[] = [];
    for await (const message of client.fetch('1:*', { envelope: true })) subjects.push(message.envelope?.subject ?? '');
    return subjects;
  });
  expect(inSent).toEqual(['Re: Radiator in the café is leaking']);
  await activity.screenshot({ path: test.info().outputPath('mail-thread.png') });

  // Found from the global search.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: /^Search contacts, .*e-mails/ }).fill('radiator');
  await expect(page.getByRole('group', { name: 'E-mails' }).getByText('Radiator in the café is leaking').first()).toBeVisible();
});
