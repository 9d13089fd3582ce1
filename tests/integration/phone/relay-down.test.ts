import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIdForCallSid, contactIdForCaller } from '../../../src-shared/domain/telephony';
import { sid } from '../../support/twilio-api';
import { annMobile, eventually, nextScreenPop, officeNumber, openOffice, voiceParams, type Office } from './office';

// Texts, STOP, contacts made for new callers, and the relay going down while calls come in.

let office: Office;

beforeAll(async () => {
  office = await openOffice({ laptops: 2, handling: { autoCreateContacts: true } });
}, 180_000);

afterAll(async () => {
  await office?.close();
});

const laptops = () => office.laptops as [NonNullable<Office['laptops'][0]>, NonNullable<Office['laptops'][0]>];

describe('new callers', () => {
  it('makes exactly one contact for an unknown number, with both laptops online', async () => {
    const [ann, ben] = laptops();
    const caller = '+447700900444';
    const callSid = sid('CA');
    const pops = Promise.all([nextScreenPop(ann), nextScreenPop(ben)]);
    await office.webhook('voice', voiceParams(callSid, { From: caller, To: officeNumber, CallStatus: 'ringing' }));
    const expectedId = contactIdForCaller(office.workspaceId, caller);
    for (const pop of await pops) expect(pop.contact?.id).toBe(expectedId);
    await Promise.all([ann.sync.syncNow(), ben.sync.syncNow()]);
    await Promise.all([ann.sync.syncNow(), ben.sync.syncNow()]);
    for (const laptop of [ann, ben]) {
      const found = laptop.contacts.list({ query: '7700 900444', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 10 });
      expect(found.items.map((item) => item.id)).toEqual([expectedId]);
      await eventually(() => laptop.calls.get(callIdForCallSid(callSid)).contactId === expectedId, 10_000, 'the call on the new contact');
    }
  });
});

describe('texts', () => {
  it('sends a text written offline once the relay is reachable, and follows its delivery', async () => {
    const [ann] = laptops();
    const customer = '+447700900222';
    const contact = await ann.call('contacts.create', { draft: { name: 'Tess Text', company: 'Text Ltd', phones: [{ type: 'mobile', number: customer }] } });
    ann.sync.stop();
    const filled = await ann.call('texts.fill', { templateId: 'quote-ready', contactId: contact.id });
    expect(filled.body).toContain('Hi Tess, your quote for Text Ltd is ready.');
    const before = office.api.createdMessages.length;
    await office.stopRelay();
    const text = await ann.call('texts.send', { contactId: contact.id, body: filled.body });
    expect(text).toMatchObject({ status: 'queued', number: customer, direction: 'outbound' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(office.api.createdMessages.length).toBe(before);
    await office.restartRelay();
    ann.sync.start();
    const sent = await eventually(() => office.api.createdMessages.find((message) => message.Body === filled.body), 15_000, 'the text at Twilio');
    expect(sent).toMatchObject({ To: customer, From: officeNumber });
    const messageSid = await eventually(async () => (await ann.call('texts.thread', { contactId: contact.id })).texts.find((entry) => entry.id === text.id && entry.status === 'sending'), 10_000, 'sending');
    expect(messageSid).toBeTruthy();
  }, 120_000);

  it('STOP marks the contact do-not-contact on the laptops and refuses the next text; START undoes it', async () => {
    const [ann, ben] = laptops();
    const number = '+447700900333';
    const contact = await ann.call('contacts.create', { draft: { name: 'Stella Stop', phones: [{ type: 'mobile', number }] } });
    const sms = (body: string) => office.webhook('sms', { MessageSid: sid('SM'), From: number, To: officeNumber, Body: body });
    await sms('STOP');
    await eventually(() => ben.contacts.get(contact.id).doNotContact, 10_000, 'do-not-contact on the other laptop');
    await eventually(() => ann.contacts.get(contact.id).doNotContact, 10_000, 'do-not-contact');
    const refused = await ann.invoke('texts.send', { contactId: contact.id, body: 'Your boiler service is due' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const thread = await ann.call('texts.thread', { contactId: contact.id });
    expect(thread).toMatchObject({ optedOut: true, doNotContact: true });
    expect(thread.texts.map((entry) => entry.body)).toEqual(['STOP']);
    await sms('START');
    await eventually(() => !ann.contacts.get(contact.id).doNotContact, 10_000, 'do-not-contact cleared');
    expect((await ann.call('texts.send', { contactId: contact.id, body: 'Welcome back' })).status).toBe('queued');
  });
});

describe('the relay down', () => {
  it('catches up on the calls Twilio took while the relay was down, with no holes and nothing twice', async () => {
    const [ann, ben] = laptops();
    await office.stopRelay();
    const missedWhileDown = [];
    for (let index = 0; index < 5; index += 1) {
      const call = { sid: sid('CA'), direction: 'inbound' as const, from: `+44770090061${index}`, to: officeNumber, status: 'completed', startTime: Date.now() - (5 - index) * 60_000, durationSeconds: 40 };
      office.api.calls.push(call, { sid: sid('CA'), parentCallSid: call.sid, direction: 'outbound-dial', from: officeNumber, to: annMobile, status: index === 0 ? 'no-answer' : 'completed', startTime: call.startTime + 500, durationSeconds: index === 0 ? 0 : 33 });
      missedWhileDown.push(call);
    }
    await office.restartRelay();
    const imported = await ann.call('phone.importHistory', { since: Date.now() - 60 * 60_000 });
    expect(imported.added).toBe(5);
    for (const laptop of [ann, ben]) {
      await laptop.sync.syncNow();
      for (const [index, call] of missedWhileDown.entries()) {
        const row = await eventually(() => laptop.calls.get(callIdForCallSid(call.sid)), 10_000, 'the caught-up call');
        expect(row).toMatchObject(index === 0 ? { status: 'no-answer' } : { status: 'completed', durationSeconds: 33 });
      }
    }
    const again = await ann.call('phone.importHistory', { since: Date.now() - 60 * 60_000 });
    expect(again.added).toBe(0);
  }, 120_000);
});
