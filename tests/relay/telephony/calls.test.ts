import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { callIdForCallSid } from '../../../src-shared/domain/telephony';
import { sid } from '../../support/twilio-api';
import { annMobile, callParams, officeNumber, startPhoneRelay, type PhoneRelay } from './phone-relay';

// Calls through the relay's Twilio webhooks: posted form-encoded, signed as Twilio signs them,
// to a real relay on PGlite; the outcome is read back as a laptop reads it, from /v1/pull.

const caller = '+447700900123';
let phone: PhoneRelay;

beforeAll(async () => {
  phone = await startPhoneRelay();
}, 120_000);

afterAll(async () => {
  await phone?.close();
});

const incoming = (callSid: string, fields: Record<string, string> = {}) =>
  phone.webhook('voice', callParams(callSid, { From: caller, To: officeNumber, CallStatus: 'ringing', ...fields }, phone.api.accountSid));

const dialAction = (callSid: string, dialStatus: string, callStatus = 'in-progress', extra: Record<string, string> = {}) =>
  phone.webhook('dial', callParams(callSid, { From: caller, To: officeNumber, CallStatus: callStatus, DialCallStatus: dialStatus, ...extra }, phone.api.accountSid), {
    query: { attempt: '0' },
  });

describe('signatures', () => {
  it('refuses an unsigned, wrongly signed or re-addressed webhook with 403 and changes nothing', async () => {
    const before = (await phone.pull()).length;
    const params = callParams(sid('CA'), { From: caller, To: officeNumber, CallStatus: 'ringing' }, phone.api.accountSid);
    expect((await phone.webhook('voice', params, { signature: null })).status).toBe(403);
    expect((await phone.webhook('voice', params, { authToken: 'f'.repeat(32) })).status).toBe(403);
    // Signed for the status callback, posted to the voice URL: the URL is part of the signature.
    const { default: twilio } = await import('twilio');
    const otherUrl = `${phone.relay.url}/twilio/${phone.admin.workspaceId}/call-status`;
    const forged = twilio.getExpectedTwilioSignature(phone.api.authToken, otherUrl, params);
    expect((await phone.webhook('voice', params, { signature: forged })).status).toBe(403);
    // A parameter changed after signing.
    const signed = twilio.getExpectedTwilioSignature(phone.api.authToken, `${phone.relay.url}/twilio/${phone.admin.workspaceId}/voice`, params);
    expect((await phone.webhook('voice', { ...params, From: '+15550001111' }, { signature: signed })).status).toBe(403);
    expect((await phone.pull()).length).toBe(before);
  });

  it('answers 404 for a workspace without a phone line', async () => {
    const answer = await phone.webhook('voice', callParams(sid('CA'), { From: caller }, phone.api.accountSid), { workspaceId: 'no-such-workspace' });
    expect(answer.status).toBe(404);
  });
});

describe('an incoming call', () => {
  it('rings the office phones and becomes one ringing call row written by the relay', async () => {
    const callSid = sid('CA');
    const answer = await incoming(callSid);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Dial');
    expect(answer.body).toContain(`/twilio/${phone.admin.workspaceId}/dial?attempt=0`);
    expect(answer.body).toContain(`>${annMobile}</Number>`);
    const row = (await phone.rows('calls')).get(callIdForCallSid(callSid));
    expect(row).toMatchObject({ direction: 'inbound', number: caller, office_number: officeNumber, status: 'ringing', provider: 'twilio', provider_id: callSid });
    const change = (await phone.pull()).find((entry) => entry.change.rowId === callIdForCallSid(callSid))!;
    expect(change.change.author).toBe('Phone line');
    expect(change.change.deviceId).toMatch(/^relay\./);
  });

  it('pops up on every live laptop of the workspace as soon as Twilio calls the webhook', async () => {
    const url = new URL('/v1/live', phone.relay.url);
    url.protocol = 'ws:';
    const socket = new WebSocket(url, [`fieldbook.${phone.admin.deviceToken}`]);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const popped = new Promise<Record<string, unknown>>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        if (message.type === 'call.incoming') resolve(message);
      }),
    );
    const callSid = sid('CA');
    await incoming(callSid);
    expect(await popped).toMatchObject({ type: 'call.incoming', callSid, callId: callIdForCallSid(callSid), from: caller, to: officeNumber });
    socket.close();
  });

  it('is missed when the dial ends no-answer while the caller waits: voicemail, outcome "no answer", and it stays missed', async () => {
    const callSid = sid('CA');
    await incoming(callSid);
    const answer = await dialAction(callSid, 'no-answer');
    expect(answer.body).toContain('<Record');
    expect(answer.body).toContain('transcribe="true"');
    // The caller leaves a message and hangs up: the parent leg completes.
    await phone.webhook('call-status', callParams(callSid, { CallStatus: 'completed', CallDuration: '41' }, phone.api.accountSid));
    const row = (await phone.rows('calls')).get(callIdForCallSid(callSid))!;
    expect(row).toMatchObject({ status: 'no-answer', disposition: 'no answer', duration_seconds: 0 });
  });

  it('is not missed when the caller hung up before anyone could answer', async () => {
    const callSid = sid('CA');
    await incoming(callSid);
    await dialAction(callSid, 'no-answer', 'completed');
    const row = (await phone.rows('calls')).get(callIdForCallSid(callSid))!;
    expect(row.status).toBe('canceled');
    expect(row.disposition).toBeUndefined();
  });

  it('folds the answering phone (a child leg) into the call: one row, completed, with its talk time', async () => {
    const callSid = sid('CA');
    const childSid = sid('CA');
    await incoming(callSid);
    const child = (status: string, extra: Record<string, string> = {}) =>
      phone.webhook('call-status', callParams(childSid, { ParentCallSid: callSid, Direction: 'outbound-dial', To: annMobile, CallStatus: status, ...extra }, phone.api.accountSid));
    await child('ringing');
    await child('in-progress');
    expect((await phone.rows('calls')).get(callIdForCallSid(callSid))!.status).toBe('in-progress');
    await child('completed', { CallDuration: '95' });
    await dialAction(callSid, 'completed', 'in-progress', { DialCallDuration: '95' });
    await phone.webhook('call-status', callParams(callSid, { CallStatus: 'completed', CallDuration: '102' }, phone.api.accountSid));
    const calls = await phone.rows('calls');
    expect(calls.has(callIdForCallSid(childSid))).toBe(false);
    expect(calls.get(callIdForCallSid(callSid))).toMatchObject({ status: 'completed', duration_seconds: 95 });
  });

  it('writes nothing twice for duplicated and out-of-order callbacks', async () => {
    const callSid = sid('CA');
    const rowId = callIdForCallSid(callSid);
    // The completed status overtakes the incoming webhook, which Twilio then retries.
    await phone.webhook('call-status', callParams(callSid, { From: caller, To: officeNumber, CallStatus: 'completed', CallDuration: '12' }, phone.api.accountSid));
    await incoming(callSid);
    await incoming(callSid);
    await dialAction(callSid, 'completed', 'in-progress', { DialCallDuration: '10' });
    const changesSoFar = (await phone.pull()).filter((entry) => entry.change.rowId === rowId).length;
    // Every callback again, in another order: nothing new to say.
    await dialAction(callSid, 'completed', 'in-progress', { DialCallDuration: '10' });
    await phone.webhook('call-status', callParams(callSid, { CallStatus: 'ringing' }, phone.api.accountSid));
    await incoming(callSid);
    await phone.webhook('call-status', callParams(callSid, { CallStatus: 'completed', CallDuration: '12' }, phone.api.accountSid));
    const changes = (await phone.pull()).filter((entry) => entry.change.rowId === rowId);
    expect(changes.length).toBe(changesSoFar);
    expect((await phone.rows('calls')).get(rowId)).toMatchObject({ status: 'completed', number: caller, duration_seconds: 10 });
  });

  it('copies the recording from Twilio, keeps the transcript on the call, and a device can play it by its hash', async () => {
    const callSid = sid('CA');
    const recordingSid = sid('RE');
    const audio = Buffer.from(`ID3-voicemail-${recordingSid}`.repeat(200));
    phone.api.recordings.set(recordingSid, audio);
    await incoming(callSid);
    await dialAction(callSid, 'no-answer');
    const recordingParams = callParams(callSid, { RecordingSid: recordingSid, RecordingStatus: 'completed', RecordingDuration: '17', RecordingUrl: `https://api.twilio.com/x/${recordingSid}` }, phone.api.accountSid);
    expect((await phone.webhook('recording', recordingParams)).status).toBe(200);
    expect((await phone.webhook('recording', recordingParams)).status).toBe(200);
    await phone.webhook('transcription', callParams(callSid, { TranscriptionStatus: 'completed', TranscriptionText: 'Hi, it is Dana, the boiler is leaking again.' }, phone.api.accountSid));
    const row = (await phone.rows('calls')).get(callIdForCallSid(callSid))!;
    expect(row).toMatchObject({ recording_seconds: 17, transcript: 'Hi, it is Dana, the boiler is leaking again.' });
    const response = await fetch(`${phone.relay.url}/v1/telephony/recordings/${row.recording_sha256}`, { headers: { authorization: `Bearer ${phone.admin.deviceToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await response.arrayBuffer()).equals(audio)).toBe(true);
    expect((await fetch(`${phone.relay.url}/v1/telephony/recordings/${row.recording_sha256}`)).status).toBe(401);
  });

  it('rejects a blocked caller, and sends everyone else to voicemail outside opening hours', async () => {
    // Open one day of the week only, and not today.
    const otherDay = (new Date().getUTCDay() + 3) % 7;
    const office = await startPhoneRelay({ blockedNumbers: [caller], openingHours: [{ day: otherDay, opens: '08:00', closes: '17:30' }], timeZone: 'UTC' });
    try {
      const blockedSid = sid('CA');
      const rejected = await office.webhook('voice', callParams(blockedSid, { From: caller, To: officeNumber, CallStatus: 'ringing' }, office.api.accountSid));
      expect(rejected.body).toContain('<Reject');
      const afterHoursSid = sid('CA');
      const voicemail = await office.webhook('voice', callParams(afterHoursSid, { From: '+447700900999', To: officeNumber, CallStatus: 'ringing' }, office.api.accountSid));
      expect(voicemail.body).toContain('<Record');
      expect(voicemail.body).not.toContain('<Dial');
      const calls = await office.rows('calls');
      expect(calls.get(callIdForCallSid(blockedSid))).toMatchObject({ status: 'canceled', disposition: 'blocked', spam: 1 });
      expect(calls.get(callIdForCallSid(afterHoursSid))).toMatchObject({ status: 'no-answer', disposition: 'voicemail' });
    } finally {
      await office.close();
    }
  }, 90_000);
});
