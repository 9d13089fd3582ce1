import { sid } from '../support/twilio-api';
import { expect, test } from './app-fixture';
import { officeNumber, usePhoneLine } from './phone-line';
import { rpc } from './rpc';

// After hours and blocked numbers in Chromium, with calls arriving as the phone line delivers them:
// Twilio's signed webhooks to a relay on PGlite (phone-line.ts), whose rows reach the laptop
// through sync.

const line = usePhoneLine();
const caller = '+447400123456';

test('a call outside the opening hours is marked after hours in the list and triage; once its number is blocked, its next call never reaches the queue', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(`${app.origin}/#/calls`);
  await rpc(page, app, 'sync.createWorkspace', { relayUrl: line.relay.url, workspaceName: 'Whitfield Plumbing', memberName: 'Ann' });
  const workspace = await rpc<{ workspace: { id: string }; you: { memberId: string } }>(page, app, 'sync.workspace', {});
  // Open three days from today only, so the office is closed now whatever the time.
  const closedToday = (new Date().getUTCDay() + 3) % 7;
  await rpc(page, app, 'phone.saveSettings', {
    accountSid: line.api.accountSid,
    authToken: line.api.authToken,
    officeNumbers: [officeNumber],
    publicUrl: line.relay.url,
    handling: { ringTargets: [{ memberId: workspace.you.memberId, name: 'Ann', mobile: '+447700900001' }], openingHours: [{ day: closedToday, opens: '08:00', closes: '17:30' }], timeZone: 'UTC' },
  });

  // A lead's call after hours goes to voicemail and gets the outcome "voicemail" from the relay;
  // the office's rule promises a call-back, which is what brings it to triage.
  await rpc(page, app, 'settings.update', {
    slaRules: [{ id: 'voicemail-call-back', name: 'Voicemail from a lead', contactType: 'lead', callOutcome: 'voicemail', withinMinutes: 60, followUpTitle: 'Call back (voicemail)' }],
  });
  await rpc(page, app, 'contacts.create', { draft: { name: 'Dana Whitfield', contactType: 'lead', phones: [{ type: 'mobile', number: caller }] } });

  const ring = async () => {
    const call = { AccountSid: line.api.accountSid, CallSid: sid('CA'), From: caller, To: officeNumber, Direction: 'inbound' };
    await line.webhook(workspace.workspace.id, 'voice', { ...call, CallStatus: 'ringing' });
    await line.webhook(workspace.workspace.id, 'call-status', { ...call, CallStatus: 'completed', CallDuration: '20' });
  };
  await ring();
  const grid = page.getByRole('grid', { name: 'Call history' });
  const rows = grid.getByRole('row').filter({ hasText: 'Dana Whitfield' });
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.first()).toContainText('After hours');
  await expect(rows.first()).toContainText('voicemail');

  // The morning after, in effect: the promise has come due (set by hand here rather than waiting an hour).
  const callBack = await expect
    .poll(async () => (await rpc<{ items: { callBack: { followUpId: string } | null }[] }>(page, app, 'calls.list', { number: caller })).items[0]?.callBack?.followUpId ?? null, { timeout: 30_000 })
    .not.toBeNull()
    .then(async () => (await rpc<{ items: { callBack: { followUpId: string } }[] }>(page, app, 'calls.list', { number: caller })).items[0]!.callBack.followUpId);
  await rpc(page, app, 'followups.update', { id: callBack, patch: { dueAt: Date.now() - 60_000 } });

  await page.getByRole('button', { name: 'Triage' }).click();
  await expect(page.getByText('1 of 1 left')).toBeVisible();
  const queue = page.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(queue.getByRole('listitem').first()).toContainText('After hours');
  await expect(queue.getByRole('listitem').first()).toContainText('Call-back due');
  const drawer = page.getByRole('region', { name: /^Call from / });
  await expect(drawer.getByText('After hours')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('triage-after-hours.png') });

  await drawer.getByRole('button', { name: 'Block this number' }).click();
  await expect(page.getByText(/is blocked: its next call is rejected/)).toBeVisible();

  // The next call from that number is rejected at the relay: it is on record, as spam, but not in the queue.
  await ring();
  await expect.poll(async () => (await rpc<{ total: number }>(page, app, 'calls.list', { number: caller })).total, { timeout: 30_000 }).toBe(2);
  const blocked = (await rpc<{ items: { spam: boolean; disposition: string }[] }>(page, app, 'calls.list', { number: caller })).items[0]!;
  expect(blocked).toMatchObject({ spam: true, disposition: 'blocked' });
  expect((await rpc<{ total: number }>(page, app, 'calls.triageQueue', {})).total).toBe(1);
  // A new sitting reads the queue again: still only the first call.
  await page.reload();
  await expect(page.getByText('1 of 1 left')).toBeVisible();
  await expect(queue.getByRole('listitem')).toHaveCount(1);
});
