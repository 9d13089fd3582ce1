import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import twilio from 'twilio';
import { openRelayDatabase, type RelayDatabase } from '../../src-relay/db/open';
import { createRelay, type Relay } from '../../src-relay/server';
import { secretBox } from '../../src-relay/telephony/secret-box';
import { twilioWebhookPath, type TwilioWebhook } from '../../src-shared/sync/telephony';
import { sid, TwilioApi } from '../support/twilio-api';
import { expect, test } from './app-fixture';

// The phone line in Chromium: a relay on PGlite with its Twilio REST API answered locally
// (tests/support/twilio-api.ts), a laptop (the browser host) in its workspace, and Twilio's
// webhooks posted signed, as Twilio posts them.

const officeNumber = '+442079460000';
const dana = '+447700900123';
let relayDir: string;
let database: RelayDatabase;
let relay: Relay;
let api: TwilioApi;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-phone-e2e-relay-'));
  api = await new TwilioApi().start();
  api.addNumber(officeNumber);
  database = await openRelayDatabase({ dataDir: relayDir });
  relay = await createRelay({
    database,
    logger: () => {},
    telephony: { secretBox: secretBox(randomBytes(32), 'e2e key'), twilioHttpClient: api.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 },
  });
});

test.afterAll(async () => {
  await relay?.close();
  await database?.close();
  await api?.stop();
  fs.rmSync(relayDir, { recursive: true, force: true });
});

async function rpc<T>(page: Page, origin: string, channel: string, input: unknown): Promise<T> {
  const answer = await page.request.post(`${origin}/rpc/${channel}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.data;
}

async function webhook(workspaceId: string, hook: TwilioWebhook, params: Record<string, string>, query?: Record<string, string>) {
  const pathAndQuery = `${twilioWebhookPath(workspaceId, hook)}${query ? `?${new URLSearchParams(query)}` : ''}`;
  const response = await fetch(`${relay.url}${pathAndQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(api.authToken, `${relay.url}${pathAndQuery}`, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
}

test('a signed incoming call pops up the caller; one click opens them; the call then shows completed with its recording', async ({ page, app }) => {
  // A relay, a Twilio double and a laptop on a shared 2-core machine: more than the default 30 s.
  test.setTimeout(120_000);
  await rpc(page, app.origin, 'sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Whitfield Plumbing', memberName: 'Ann' });
  const workspace = await rpc<{ workspace: { id: string }; you: { memberId: string } }>(page, app.origin, 'sync.workspace', {});
  await rpc(page, app.origin, 'phone.saveSettings', {
    accountSid: api.accountSid,
    authToken: api.authToken,
    officeNumbers: [officeNumber],
    publicUrl: relay.url,
    handling: { ringTargets: [{ memberId: workspace.you.memberId, name: 'Ann', mobile: '+447700900001' }], recordCalls: true },
  });
  const contact = await rpc<{ id: string }>(page, app.origin, 'contacts.create', {
    draft: { name: 'Dana Whitfield', company: 'Whitfield Holdings', phones: [{ type: 'mobile', number: dana }] },
  });
  await rpc(page, app.origin, 'followups.create', { contactId: contact.id, title: 'send inspection report', dueAt: Date.now() + 86_400_000 });

  const callSid = sid('CA');
  const call = { AccountSid: api.accountSid, CallSid: callSid, From: dana, To: officeNumber, Direction: 'inbound' };
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
  api.recordings.set(recordingSid, audio);
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
  await rpc(page, app.origin, 'sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Texting office', memberName: 'Ann' });
  const workspace = await rpc<{ workspace: { id: string } }>(page, app.origin, 'sync.workspace', {});

  await page.getByRole('link', { name: 'Phone' }).click();
  await page.getByRole('button', { name: 'Phone settings' }).click();
  await page.getByLabel('Account SID').fill(api.accountSid);
  await page.getByLabel('Auth token').fill(api.authToken);
  await page.getByLabel('Office numbers').fill(officeNumber);
  await page.getByLabel('Public URL of the relay').fill(relay.url);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByText('Connected to the Twilio account "Whitfield Plumbing".')).toBeVisible();
  await page.getByRole('button', { name: 'Configure the number' }).click();
  await expect(page.getByText(`${officeNumber} now sends its calls and texts to this relay.`)).toBeVisible();
  expect(api.numbers.get(officeNumber)!.settings.VoiceUrl).toBe(`${relay.url}/twilio/${workspace.workspace.id}/voice`);
  await expect(page.getByText(`${relay.url}/twilio/${workspace.workspace.id}/sms`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('phone-settings.png'), fullPage: true });

  const customer = '+447700900246';
  await webhook(workspace.workspace.id, 'sms', { AccountSid: api.accountSid, MessageSid: sid('SM'), From: customer, To: officeNumber, Body: 'Is Tuesday still fine?' });
  await page.getByRole('link', { name: 'Phone' }).click();
  await page.getByRole('group', { name: 'Show' }).getByText('Texts', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Texts' })).toBeChecked();
  await page.getByRole('button', { name: /Is Tuesday still fine\?/ }).click();
  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages).toContainText('Is Tuesday still fine?');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Yes, see you at 9.');
  await page.getByRole('button', { name: 'Send text' }).click();
  await expect(messages).toContainText('Yes, see you at 9.');
  await expect.poll(() => api.createdMessages.find((message) => message.Body === 'Yes, see you at 9.')?.To).toBe(customer);
  await expect(messages.getByText(/Sending|Sent/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('texts.png') });
});
