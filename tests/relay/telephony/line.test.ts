import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIdForCallSid, optOutIdForNumber, textIdForMessageSid } from '../../../src-shared/domain/telephony';
import { sid } from '../../support/twilio-api';
import { call, inviteAndJoin } from '../helpers/relay-harness';
import { annMobile, officeNumber, startPhoneRelay, type PhoneRelay } from './phone-relay';

// Settings, texts, click-to-call and the catch-up from Twilio's Calls list, on one relay.

const customer = '+447700900456';
let phone: PhoneRelay;

beforeAll(async () => {
  phone = await startPhoneRelay({ helpReply: 'Whitfield Plumbing: call 020 7946 0000.', blockedNumbers: ['+447700900666'] });
}, 120_000);

afterAll(async () => {
  await phone?.close();
});

const sms = (from: string, body: string, messageSid = sid('SM')) =>
  phone.webhook('sms', { AccountSid: phone.api.accountSid, MessageSid: messageSid, SmsSid: messageSid, From: from, To: officeNumber, Body: body, NumMedia: '0' });
const sendText = (to: string, body: string, textId = `text-${Math.random().toString(36).slice(2)}`) =>
  call(phone.relay.url, 'POST', '/v1/telephony/texts', { token: phone.admin.deviceToken, body: { textId, to, body } });

describe('settings', () => {
  it('keeps the credentials sealed at rest and never sends them back to a laptop', async () => {
    const view = await call(phone.relay.url, 'GET', '/v1/telephony/settings', { token: phone.admin.deviceToken });
    expect(view.body).toMatchObject({ configured: true, accountSid: phone.api.accountSid, hasAuthToken: true, officeNumbers: [officeNumber] });
    expect(view.body.webhookUrls.voice).toBe(`${phone.relay.url}/twilio/${phone.admin.workspaceId}/voice`);
    expect(JSON.stringify(view.body)).not.toContain(phone.api.authToken);
    const stored = await phone.testDb.database.db.execute(sql`SELECT * FROM telephony_accounts`);
    expect(JSON.stringify(stored)).not.toContain(phone.api.authToken);
  });

  it('lets only admins change them', async () => {
    const member = await inviteAndJoin(phone.relay.url, phone.admin, 'Ben');
    const seen = await call(phone.relay.url, 'GET', '/v1/telephony/settings', { token: member.deviceToken });
    expect(seen.status).toBe(200);
    const refused = await call(phone.relay.url, 'POST', '/v1/telephony/settings', { token: member.deviceToken, body: { accountSid: phone.api.accountSid, officeNumbers: [officeNumber], publicUrl: phone.relay.url } });
    expect(refused.status).toBe(403);
  });

  it('tests the credentials in plain words and configures the number’s webhooks at Twilio', async () => {
    const tested = await call(phone.relay.url, 'POST', '/v1/telephony/test', { token: phone.admin.deviceToken, body: {} });
    expect(tested.body).toEqual({ ok: true, message: 'Connected to the Twilio account "Whitfield Plumbing".' });
    const configured = await call(phone.relay.url, 'POST', '/v1/telephony/configure-numbers', { token: phone.admin.deviceToken, body: {} });
    expect(configured.body.numbers).toEqual([{ number: officeNumber, ok: true, message: `${officeNumber} now sends its calls and texts to this relay.` }]);
    expect(phone.api.numbers.get(officeNumber)!.settings).toMatchObject({
      VoiceUrl: `${phone.relay.url}/twilio/${phone.admin.workspaceId}/voice`,
      SmsUrl: `${phone.relay.url}/twilio/${phone.admin.workspaceId}/sms`,
      StatusCallback: `${phone.relay.url}/twilio/${phone.admin.workspaceId}/call-status`,
    });
  });

  it('says plainly when Twilio refuses the credentials', async () => {
    const saved = await call(phone.relay.url, 'POST', '/v1/telephony/settings', {
      token: phone.admin.deviceToken,
      body: { accountSid: phone.api.accountSid, authToken: 'a'.repeat(32), officeNumbers: [officeNumber], publicUrl: phone.relay.url },
    });
    expect(saved.status).toBe(200);
    const tested = await call(phone.relay.url, 'POST', '/v1/telephony/test', { token: phone.admin.deviceToken, body: {} });
    expect(tested.body.ok).toBe(false);
    expect(tested.body.message).toContain('Twilio refused the Account SID and auth token');
    // Put the right token back for the other tests, with the ring list and handling as before.
    await call(phone.relay.url, 'POST', '/v1/telephony/settings', {
      token: phone.admin.deviceToken,
      body: {
        accountSid: phone.api.accountSid,
        authToken: phone.api.authToken,
        officeNumbers: [officeNumber],
        publicUrl: phone.relay.url,
        handling: { ringTargets: [{ memberId: phone.admin.memberId, name: 'Ann', mobile: annMobile }], helpReply: 'Whitfield Plumbing: call 020 7946 0000.', blockedNumbers: ['+447700900666'] },
      },
    });
  });
});

describe('texts', () => {
  it('keeps an incoming text once however often Twilio posts it', async () => {
    const messageSid = sid('SM');
    await sms(customer, 'Can you come Tuesday?', messageSid);
    await sms(customer, 'Can you come Tuesday?', messageSid);
    const texts = [...(await phone.rows('texts')).entries()].filter(([, row]) => row.provider_id === messageSid);
    expect(texts).toHaveLength(1);
    expect(texts[0]![0]).toBe(textIdForMessageSid(messageSid));
    expect(texts[0]![1]).toMatchObject({ direction: 'inbound', number: customer, body: 'Can you come Tuesday?', status: 'received' });
  });

  it('answers HELP with the office’s reply', async () => {
    const answer = await sms(customer, 'help');
    expect(answer.body).toContain('<Message>Whitfield Plumbing: call 020 7946 0000.</Message>');
  });

  it('sends a text once per text id and follows its delivery, whatever order the statuses come in', async () => {
    const textId = 'text-once';
    const first = await sendText(customer, 'Hi Dana, we can come Tuesday at 9.', textId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ textId, status: 'sending', error: null });
    const again = await sendText(customer, 'Hi Dana, we can come Tuesday at 9.', textId);
    expect(again.body.messageSid).toBe(first.body.messageSid);
    expect(phone.api.createdMessages.filter((message) => message.Body === 'Hi Dana, we can come Tuesday at 9.')).toHaveLength(1);
    expect(phone.api.createdMessages.at(-1)).toMatchObject({ From: officeNumber, To: customer, StatusCallback: `${phone.relay.url}/twilio/${phone.admin.workspaceId}/sms-status` });
    const status = (value: string) => phone.webhook('sms-status', { AccountSid: phone.api.accountSid, MessageSid: first.body.messageSid, MessageStatus: value });
    await status('delivered');
    await status('sent');
    expect((await phone.rows('texts')).get(textId)).toMatchObject({ status: 'delivered', provider_id: first.body.messageSid, office_number: officeNumber });
  });

  it('STOP opts the number out (refusing the next text), START opts it back in', async () => {
    const number = '+447700900789';
    await sms(number, 'STOP');
    expect((await phone.rows('phone_opt_outs')).get(optOutIdForNumber(number))).toMatchObject({ number, opted_out: 1, keyword: 'STOP' });
    const refused = await sendText(number, 'Your quote is ready');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('texted STOP');
    await sms(number, 'Start');
    expect((await phone.rows('phone_opt_outs')).get(optOutIdForNumber(number))).toMatchObject({ opted_out: 0 });
    expect((await sendText(number, 'Your quote is ready')).status).toBe(200);
  });

  it('refuses to text a blocked number', async () => {
    const refused = await sendText('+447700900666', 'Hello');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('blocked');
  });
});

describe('click to call', () => {
  it('rings the member’s own phone, then bridges to the customer from the office number', async () => {
    const before = phone.api.createdCalls.length;
    const answer = await call(phone.relay.url, 'POST', '/v1/telephony/calls', { token: phone.admin.deviceToken, body: { to: customer, contactId: 'contact-dana' } });
    expect(answer.status).toBe(200);
    expect(answer.body.ringing).toBe(annMobile);
    const created = phone.api.createdCalls[before]!;
    expect(created).toMatchObject({ To: annMobile, From: officeNumber });
    expect(created.Url).toContain(`/twilio/${phone.admin.workspaceId}/bridge?`);
    const row = (await phone.rows('calls')).get(callIdForCallSid(answer.body.callSid))!;
    expect(row).toMatchObject({ direction: 'outbound', number: customer, contact_id: 'contact-dana', status: 'queued', logged_by: 'Ann' });

    const bridgeQuery = Object.fromEntries(new URL(created.Url!).searchParams);
    const bridge = await phone.webhook('bridge', { AccountSid: phone.api.accountSid, CallSid: answer.body.callSid, CallStatus: 'in-progress', From: officeNumber, To: annMobile }, { query: bridgeQuery });
    expect(bridge.body).toContain(`callerId="${officeNumber}"`);
    expect(bridge.body).toContain(`>${customer}</Dial>`);
    await phone.webhook('dial', { AccountSid: phone.api.accountSid, CallSid: answer.body.callSid, CallStatus: 'in-progress', DialCallStatus: 'completed', DialCallDuration: '64' }, { query: { bridge: '1' } });
    await phone.webhook('call-status', { AccountSid: phone.api.accountSid, CallSid: answer.body.callSid, CallStatus: 'completed', CallDuration: '70' });
    expect((await phone.rows('calls')).get(callIdForCallSid(answer.body.callSid))).toMatchObject({ status: 'completed', duration_seconds: 64 });
  });

  it('refuses a blocked number, and a member with no phone of their own, with the reason', async () => {
    const blocked = await call(phone.relay.url, 'POST', '/v1/telephony/calls', { token: phone.admin.deviceToken, body: { to: '+447700900666' } });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toContain('blocked');
    const ben = await inviteAndJoin(phone.relay.url, phone.admin, 'Ben');
    const noPhone = await call(phone.relay.url, 'POST', '/v1/telephony/calls', { token: ben.deviceToken, body: { to: customer } });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.message).toContain('your mobile');
  });
});

describe('catch-up', () => {
  it('imports calls the relay never heard of from the paged Calls list, once, folding child legs into their call', async () => {
    const start = Date.now() - 3 * 60 * 60 * 1000;
    const parents = [];
    for (let index = 0; index < 60; index += 1) {
      const parent = { sid: sid('CA'), direction: 'inbound' as const, from: `+4477009${String(10000 + index).slice(1)}`, to: officeNumber, status: 'completed', startTime: start + index * 60_000, durationSeconds: 30 };
      parents.push(parent);
      phone.api.calls.push(parent);
      // Every third call nobody answered; the others Ann answered.
      const answered = index % 3 !== 0;
      phone.api.calls.push({ sid: sid('CA'), parentCallSid: parent.sid, direction: 'outbound-dial', from: officeNumber, to: annMobile, status: answered ? 'completed' : 'no-answer', startTime: parent.startTime + 1000, durationSeconds: answered ? 25 : 0 });
    }
    // The account's log also holds the click-to-call above, which the relay already knows.
    const inWindow = phone.api.calls.filter((entry) => entry.startTime >= start).length;
    const pages = Math.ceil(inWindow / 25);
    const pagesBefore = phone.api.pagesServed;
    const imported = await call(phone.relay.url, 'POST', '/v1/telephony/import', { token: phone.admin.deviceToken, body: { since: start, pageSize: 25 } });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ seen: inWindow, added: 60, pages });
    expect(phone.api.pagesServed - pagesBefore).toBe(pages);
    const calls = await phone.rows('calls');
    expect(calls.get(callIdForCallSid(parents[1]!.sid))).toMatchObject({ status: 'completed', duration_seconds: 25, number: parents[1]!.from });
    expect(calls.get(callIdForCallSid(parents[0]!.sid))).toMatchObject({ status: 'no-answer', disposition: 'no answer' });
    const changes = (await phone.pull()).length;
    const again = await call(phone.relay.url, 'POST', '/v1/telephony/import', { token: phone.admin.deviceToken, body: { since: start, pageSize: 25 } });
    expect(again.body).toMatchObject({ seen: inWindow, added: 0, updated: 0 });
    expect((await phone.pull()).length).toBe(changes);
  });
});
