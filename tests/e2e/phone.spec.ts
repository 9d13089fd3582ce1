import type { Page } from '@playwright/test';
import { sid } from '../support/twilio-api';
import { expect, test } from './app-fixture';
import { officeNumber, usePhoneLine } from './phone-line';

// The phone line in Chromium: a relay on PGlite with its Twilio REST API answered locally
// (tests/support/twilio-api.ts), a laptop (the browser host) in its workspace, and Twilio's
// webhooks posted signed, as Twilio posts them (phone-line.ts).

const dana = '+447700900123';
const line = usePhoneLine();
const webhook = line.webhook;

async function rpc<T>(page: Page, origin: string, channel: string, input: unknown): Promise<T> {
  const answer = await page.request.post(`${origin}/rpc/${channel}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.data;
}

test('a signed incoming call pops up the caller; one click opens them; the call then shows completed with its recording', async ({ page, app }) => {
  // A relay, a Twilio double and a laptop on a shared 2-core machine: more than the default 30 s.
  test.setTimeout(120_000);
  await rpc(page, app.origin, 'sync.createWorkspace', { relayUrl: line.relay.url, workspaceName: 'Whitfield Plumbing', memberName: 'Ann' });
  const workspace = await rpc<{ workspace: { id: string }; you: { memberId: string } }>(page, app.origin, 'sync.workspace', {});
  await rpc(page, app.origin, 'phone.saveSettings', {
    accountSid: line.api.accountSid,
    authToken: line.api.authToken,
    officeNumbers: [officeNumber],
    publicUrl: line.relay.url,
    handling: { ringTargets: [{ memberId: workspace.you.memberId, name: 'Ann', mobile: '+447700900001' }], recordCalls: true },
  });
  const contact = await rpc<{ id: string }>(page, app.origin, 'contacts.create', {
    draft: { name: 'Dana Whitfield', company: 'Whitfield Holdings', phones: [{ type: 'mobile', number: dana }] },
  });
  await rpc(page, app.origin, 'followups.create', { contactId: contact.id, title: 'send inspection report', dueAt: Date.now() + 86_400_000 });

  const callSid = sid('CA');
  const call = { AccountSid: line.api.accountSid, CallSid: callSid, From: dana, To: officeNumber, Direction: 'inbound' };
  await webhook(workspace.workspace.id, 'voice', { ...call, CallStatus: 'ringing' });

  const pop = page.getByRole('complementary', { name: 'Incoming call' });
  await expect(pop).toContainText('Dana Whitfield — Whitfield Holdings');
  await expect(pop).toContainText('open follow-up: send inspection report');
  await page.screenshot({ path: test.info().outputPath('screen-pop.png') });
  await pop.getByRole('button', { name: 'Open Dana Whitfield' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dana Whitfield' })).toBeVisible();
  await expect(pop).toBeHidden();

  // Ann answers, they talk, the call is recorded and ends.
  const recordingSid = sid('RE');
  const audio = Buffer.from('ID3 recorded call '.repeat(400));
  line.api.recordings.set(recordingSid, audio);
  await webhook(workspace.workspace.id, 'call-status', { ...call, CallSid: sid('CA'), ParentCallSid: callSid, Direction: 'outbound-dial', CallStatus: 'in-progress' });
  await webhook(workspace.workspace.id, 'dial', { ...call, CallStatus: 'in-progress', DialCallStatus: 'completed', DialCallDuration: '95' }, { attempt: '0' });
  await webhook(workspace.workspace.id, 'call-status', { ...call, CallStatus: 'completed', CallDuration: '101' });
  await webhook(workspace.workspace.id, 'recording', { ...call, RecordingSid: recordingSid, RecordingStatus: 'completed', RecordingDuration: '95' });

  await page.getByRole('link', { name: 'Phone' }).click();
  const table = page.getByRole('table', { name: 'Phone line calls' });
  const row = table.getByRole('row').filter({ hasText: 'Dana Whitfield' });
  await expect(row).toContainText('Completed');
  await expect(row).toContainText('1:35');
  await row.getByRole('button', { name: /Open the call with Dana Whitfield/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Call' });
  const player = dialog.getByLabel('Call recording');
  await expect(player).toHaveAttribute('src', /\/files\/[0-9a-f]{64}$/);
  const source = await player.getAttribute('src');
  const fetched = await page.request.get(new URL(source!, app.origin).toString());
  expect(fetched.status()).toBe(200);
  expect(Buffer.from(await fetched.body()).equals(audio)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('call-panel.png') });
});

test('an admin connects Twilio in Settings → Phone, tests it in plain words, and texts a customer back', async ({ page, app }) => {
  test.setTimeout(120_000);
  await rpc(page, app.origin, 'sync.createWorkspace', { relayUrl: line.relay.url, workspaceName: 'Texting office', memberName: 'Ann' });
  const workspace = await rpc<{ workspace: { id: string } }>(page, app.origin, 'sync.workspace', {});

  await page.getByRole('link', { name: 'Phone' }).click();
  await page.getByRole('button', { name: 'Phone settings' }).click();
  await page.getByLabel('Account SID').fill(line.api.accountSid);
  await page.getByLabel('Auth token').fill(line.api.authToken);
  await page.getByLabel('Office numbers').fill(officeNumber);
  await page.getByLabel('Public URL of the relay').fill(line.relay.url);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByText('Connected to the Twilio account "Whitfield Plumbing".')).toBeVisible();
  await page.getByRole('button', { name: 'Configure the number' }).click();
  await expect(page.getByText(`${officeNumber} now sends its calls and texts to this relay.`)).toBeVisible();
  expect(line.api.numbers.get(officeNumber)!.settings.VoiceUrl).toBe(`${line.relay.url}/twilio/${workspace.workspace.id}/voice`);
  await expect(page.getByText(`${line.relay.url}/twilio/${workspace.workspace.id}/sms`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('phone-settings.png'), fullPage: true });

  const customer = '+447700900246';
  await webhook(workspace.workspace.id, 'sms', { AccountSid: line.api.accountSid, MessageSid: sid('SM'), From: customer, To: officeNumber, Body: 'Is Tuesday still fine?' });
  await page.getByRole('link', { name: 'Phone' }).click();
  await page.getByRole('group', { name: 'Show' }).getByText('Texts', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Texts' })).toBeChecked();
  await page.getByRole('button', { name: /Is Tuesday still fine\?/ }).click();
  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages).toContainText('Is Tuesday still fine?');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Yes, see you at 9.');
  await page.getByRole('button', { name: 'Send text' }).click();
  await expect(messages).toContainText('Yes, see you at 9.');
  await expect.poll(() => line.api.createdMessages.find((message) => message.Body === 'Yes, see you at 9.')?.To).toBe(customer);
  await expect(messages.getByText(/Sending|Sent/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('texts.png') });
});
