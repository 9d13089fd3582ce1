import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telephonyRecordings } from '../../../src-relay/db/schema';
import { callIdForCallSid, followUpIdForCallRule } from '../../../src-shared/domain/telephony';
import { sid } from '../../support/twilio-api';
import { annMobile, eventually, nextScreenPop, officeNumber, openOffice, voiceParams, type Office } from './office';

// The phone line end to end: Twilio's webhooks at a real relay, two laptops of the workspace
// syncing live, the screen pop, matching by E.164 on the laptops, SLA follow-ups, texts.

const dana = '+447700900123';
let office: Office;

beforeAll(async () => {
  office = await openOffice({ laptops: 2 });
}, 180_000);

afterAll(async () => {
  await office?.close();
});

const ring = (callSid: string, from: string) => office.webhook('voice', voiceParams(callSid, { From: from, To: officeNumber, CallStatus: 'ringing' }));

describe('an incoming call', () => {
  it('pops up a known caller on every laptop with their company, last call and open follow-up, and lands on the contact', async () => {
    const [ann, ben] = office.laptops as [NonNullable<Office['laptops'][0]>, NonNullable<Office['laptops'][0]>];
    const contact = await ann.call('contacts.create', {
      draft: { name: 'Dana Whitfield', company: 'Whitfield Holdings', contactType: 'customer', phones: [{ type: 'mobile', number: dana }] },
    });
    await ann.call('calls.log', { direction: 'inbound', number: dana, startedAt: Date.parse('2026-10-08T10:00:00Z'), disposition: 'booked' });
    await ann.call('followups.create', { contactId: contact.id, title: 'send inspection report', dueAt: Date.now() + 86_400_000 });
    await eventually(() => ben.contacts.list({ query: 'Dana', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 5 }).total === 1, 10_000, 'Dana on the second laptop');
    await eventually(() => ben.followUps.list({ view: 'upcoming', scope: 'team', contactId: contact.id, endOfToday: Date.now(), offset: 0, limit: 5 }).total === 1, 10_000, 'the follow-up on the second laptop');

    const callSid = sid('CA');
    const pops = Promise.all([nextScreenPop(ann), nextScreenPop(ben)]);
    await ring(callSid, dana);
    for (const pop of await pops) {
      expect(pop.contact).toMatchObject({ id: contact.id, name: 'Dana Whitfield', company: 'Whitfield Holdings' });
      expect(pop.lastCallAt).toBe(Date.parse('2026-10-08T10:00:00Z'));
      expect(pop.openFollowUp?.title).toBe('send inspection report');
      expect(pop.callId).toBe(callIdForCallSid(callSid));
    }
    const linked = await eventually(() => ben.calls.list({ contactId: contact.id, provider: 'twilio', unansweredOnly: false, sort: { field: 'startedAt', direction: 'desc' }, offset: 0, limit: 10 }).items.find((call) => call.providerId === callSid));
    expect(linked).toMatchObject({ direction: 'inbound', number: dana, status: 'ringing', officeNumber });
  });

  it('shows an unknown caller as unknown; once a contact is made for the number, the call finds it', async () => {
    const [ann] = office.laptops as [NonNullable<Office['laptops'][0]>];
    const stranger = '+447700900555';
    const callSid = sid('CA');
    const pop = nextScreenPop(ann);
    await ring(callSid, stranger);
    expect(await pop).toMatchObject({ contact: null, number: stranger, createdContact: false });
    const created = await ann.call('contacts.create', { draft: { name: 'Sam Stranger', phones: [{ type: 'mobile', number: stranger }] } });
    const call = await eventually(() => ann.calls.get(callIdForCallSid(callSid)).contactId === created.id, 10_000, 'the call linked to the new contact');
    expect(call).toBe(true);
  });

  it('a missed call from a lead makes exactly one follow-up, however many laptops see it', async () => {
    const [ann, ben] = office.laptops as [NonNullable<Office['laptops'][0]>, NonNullable<Office['laptops'][0]>];
    const leadNumber = '+447700900321';
    const lead = await ann.call('contacts.create', { draft: { name: 'Lee Lead', contactType: 'lead', phones: [{ type: 'mobile', number: leadNumber }] } });
    await eventually(() => ben.contacts.get(lead.id));
    const callSid = sid('CA');
    await ring(callSid, leadNumber);
    await office.webhook('dial', voiceParams(callSid, { CallStatus: 'in-progress', DialCallStatus: 'no-answer' }), { attempt: '0' });
    const followUpId = followUpIdForCallRule(callIdForCallSid(callSid), 'missed-lead-call');
    for (const laptop of [ann, ben]) {
      const followUp = await eventually(() => {
        try {
          return laptop.followUps.get(followUpId);
        } catch {
          return undefined;
        }
      }, 10_000, 'the SLA follow-up');
      expect(followUp).toMatchObject({ contactId: lead.id, title: 'Call back (missed call)', slaRuleId: 'missed-lead-call', priority: 'high' });
    }
    // Both laptops made it, with the same id: one row.
    await Promise.all([ann.sync.syncNow(), ben.sync.syncNow()]);
    for (const laptop of [ann, ben]) {
      const open = laptop.followUps.list({ view: 'upcoming', scope: 'team', contactId: lead.id, endOfToday: 0, offset: 0, limit: 10 });
      expect(open.items.filter((item) => item.slaRuleId === 'missed-lead-call')).toHaveLength(1);
    }
    expect(ann.calls.get(callIdForCallSid(callSid))).toMatchObject({ status: 'no-answer', disposition: 'no answer', contactId: lead.id });
  });
});

describe('calling out', () => {
  it('rings my phone, bridges to the contact, records, and the laptop plays the recording', async () => {
    const [ann] = office.laptops as [NonNullable<Office['laptops'][0]>];
    const customer = '+447700900777';
    const contact = await ann.call('contacts.create', { draft: { name: 'Rita Recorded', phones: [{ type: 'mobile', number: customer }] } });
    const placed = await ann.call('phone.call', { contactId: contact.id });
    expect(placed.ringing).toBe(annMobile);
    const created = office.api.createdCalls.at(-1)!;
    const callSid = office.api.calls.at(-1)!.sid;
    expect(created).toMatchObject({ To: annMobile, From: officeNumber });
    await eventually(() => ann.call('phone.callState', { callId: placed.callId }).then((state) => state.state === 'dialing'));
    await office.webhook('bridge', { CallSid: callSid, CallStatus: 'in-progress' }, Object.fromEntries(new URL(created.Url!).searchParams));
    await office.webhook('call-status', { CallSid: sid('CA'), ParentCallSid: callSid, CallStatus: 'in-progress', Direction: 'outbound-dial' });
    await eventually(() => ann.call('phone.callState', { callId: placed.callId }).then((state) => state.state === 'connected'), 10_000, 'connected');
    const recordingSid = sid('RE');
    const audio = Buffer.from('ID3 recorded call '.repeat(500));
    office.api.recordings.set(recordingSid, audio);
    await office.webhook('dial', { CallSid: callSid, CallStatus: 'in-progress', DialCallStatus: 'completed', DialCallDuration: '184' }, { bridge: '1' });
    await office.webhook('call-status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '190' });
    await office.webhook('recording', { CallSid: callSid, RecordingSid: recordingSid, RecordingStatus: 'completed', RecordingDuration: '184' });
    const call = await eventually(() => {
      const found = ann.calls.get(placed.callId);
      return found.recordingSha256 ? found : undefined;
    }, 10_000, 'the recording on the call');
    expect(call).toMatchObject({ direction: 'outbound', status: 'completed', durationSeconds: 184, contactId: contact.id, recordingSeconds: 184 });
    expect((await ann.call('phone.callState', { callId: placed.callId })).state).toBe('ended');
    const recording = await ann.call('phone.recording', { callId: placed.callId });
    const stored = ann.files.open(recording.sha256);
    expect(stored?.file.mimeType).toBe('audio/mpeg');
    expect(stored!.bytes().equals(audio)).toBe(true);

    // The relay keeps the recording only sealed to the workspace's key.
    const kept = await office.relayDatabase().db.select({ bytes: telephonyRecordings.bytes }).from(telephonyRecordings);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.bytes.includes(Buffer.from('ID3 recorded call'))).toBe(false);

    // Forgetting the person takes the relay's copy of the recording too.
    await ann.call('privacy.forget', { contactId: contact.id });
    await ann.call('sync.now', {});
    expect(await office.relayDatabase().db.select({ sid: telephonyRecordings.recordingSid }).from(telephonyRecordings)).toEqual([]);
  });

  it('refuses to call a do-not-contact customer, with the reason', async () => {
    const [ann] = office.laptops as [NonNullable<Office['laptops'][0]>];
    const contact = await ann.call('contacts.create', { draft: { name: 'Dee Notcall', doNotContact: true, phones: [{ type: 'mobile', number: '+447700900888' }] } });
    const before = office.api.createdCalls.length;
    const result = await ann.invoke('phone.call', { contactId: contact.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Dee Notcall is marked do-not-contact; the call was not made.' } });
    expect(office.api.createdCalls.length).toBe(before);
  });
});

describe('transcripts', () => {
  it('analyses a voicemail transcript on the laptop and finds the call by its words and mood', async () => {
    const [ann] = office.laptops as [NonNullable<Office['laptops'][0]>];
    const callSid = sid('CA');
    await ring(callSid, '+447700900999');
    await office.webhook('transcription', { CallSid: callSid, TranscriptionStatus: 'completed', TranscriptionText: 'The boiler is leaking again and I am really unhappy, nobody came. Call me back about the boiler.' });
    const call = await eventually(() => {
      const found = ann.calls.get(callIdForCallSid(callSid));
      return found.sentiment !== null ? found : undefined;
    }, 10_000, 'the analysed transcript');
    expect(call.sentiment).toBeLessThan(0);
    expect(call.keywords[0]).toBe('boiler');
    const query = { unansweredOnly: false, sort: { field: 'startedAt' as const, direction: 'desc' as const }, offset: 0, limit: 10 };
    expect(ann.calls.list({ ...query, search: 'leaking' }).items.map((item) => item.id)).toEqual([call.id]);
    expect(ann.calls.list({ ...query, search: 'leaking', sentiment: 'negative' }).total).toBe(1);
    expect(ann.calls.list({ ...query, search: 'leaking', sentiment: 'positive' }).total).toBe(0);
  });
});
