import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { startTeam } from '../../helpers/workspace-team';

// The office website's enquiry form end to end: an admin turns it on from a laptop, a visitor
// posts the form as a browser would (form-encoded), and the enquiry is a lead, with its source as
// a tag and its message as a note, on every laptop of the workspace. Robots, bad input and floods
// get a page that says so, and leave nothing behind.

const relay = useRelayInMemory({
  rateLimit: { perSecond: 1e6, burst: 1e6 },
  webForms: { rateLimits: { perVisitor: { burst: 6, perSecond: 1e-6 }, perForm: { burst: 1000, perSecond: 1 } } },
});
let admin: TempCore;
let teammate: TempCore;

beforeAll(async () => {
  ({ admin, teammate } = await startTeam(relay.url));
}, 120_000);

afterAll(async () => {
  admin?.dispose();
  teammate?.dispose();
});

const post = async (action: string, fields: Record<string, string>) => {
  const response = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text(), type: response.headers.get('content-type') };
};

const leads = async (core: TempCore) => {
  await core.call('sync.now', {});
  const page = await core.call('contacts.list', { query: '', filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 });
  return page.items;
};

describe('the website enquiry form', () => {
  let action: string;

  it('is off until an admin turns it on, and only an admin may', async () => {
    expect(await admin.call('webForm.get', {})).toEqual({ form: null });
    const refused = await teammate.invoke('webForm.setUp', {});
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Only an admin') } });

    const { form } = await admin.call('webForm.setUp', {});
    expect(form).toMatchObject({ region: 'GB', source: 'Website form' });
    action = form!.action;
    expect(action.startsWith(`${relay.url}/forms/`)).toBe(true);
    expect(form!.snippet).toContain(`action="${action}"`);
    // Every admin's and member's laptop shows the same address.
    expect((await teammate.call('webForm.get', {})).form?.action).toBe(action);
  });

  it('turns an enquiry into a lead with its message as a note, on every laptop', async () => {
    const sent = await post(action, {
      name: 'Priya Shah',
      email: 'Priya.Shah@example.com',
      phone: '020 7946 0123',
      company: 'Cotham Hill Flats',
      message: 'The boiler in flat 3 is leaking. Can someone come on Tuesday?',
      website: '',
    });
    expect(sent.status).toBe(200);
    expect(sent.type).toContain('text/html');
    expect(sent.html).toContain('Thank you, Priya Shah. Whitfield Plumbing has your details');

    for (const laptop of [admin, teammate]) {
      const [priya] = (await leads(laptop)).filter((contact) => contact.name === 'Priya Shah');
      expect(priya).toBeDefined();
      const contact = await laptop.call('contacts.get', { id: priya!.id });
      expect(contact).toMatchObject({
        contactType: 'lead',
        source: 'Website form',
        company: 'Cotham Hill Flats',
        phones: [{ type: 'mobile', e164: '+442079460123' }],
        emails: [{ type: 'work', address: 'priya.shah@example.com' }],
        tags: ['Website form'],
      });
      const notes = await laptop.call('notes.list', { contactId: priya!.id });
      expect(notes.map((note) => note.body)).toEqual(['The boiler in flat 3 is leaking. Can someone come on Tuesday?']);
    }
  });

  it('thanks a robot that fills the hidden field, and keeps nothing', async () => {
    const before = (await leads(admin)).length;
    const sent = await post(action, { name: 'Cheap Pills', email: 'bot@spam.example', message: 'Buy now', website: 'http://spam.example' });
    expect(sent.status).toBe(200);
    expect(sent.html).toContain('Thank you');
    expect(await leads(admin)).toHaveLength(before);
  });

  it('says what to put right when the form is not filled in well, and keeps nothing', async () => {
    const before = (await leads(admin)).length;
    const noWayToReply = await post(action, { name: 'Tom', email: '', phone: '', message: 'Call me' });
    expect(noWayToReply.status).toBe(422);
    expect(noWayToReply.html).toContain('Please give an e-mail address or a phone number, so the office can reply.');
    const badEmail = await post(action, { name: '', email: 'tom@', message: 'hello' });
    expect(badEmail.status).toBe(422);
    expect(badEmail.html).toContain('Please give your name.');
    expect(badEmail.html).toContain('Your e-mail address does not look right');
    const script = await post(action, { name: '<script>alert(1)</script>', email: 'x' });
    expect(script.html).not.toContain('<script>alert(1)');
    expect(await leads(admin)).toHaveLength(before);
  });

  it('slows down a flood from one visitor with a page that says when to try again', async () => {
    let answer = await post(action, { name: 'Flood', email: 'flood@example.com' });
    for (let tries = 0; answer.status !== 429 && tries < 10; tries++) answer = await post(action, { name: 'Flood', email: 'flood@example.com' });
    expect(answer.status).toBe(429);
    expect(answer.html).toContain('Please try again in');
  });

  it('retires the old address when the form is given a new one, and answers that it is no longer in use when off', async () => {
    const { form } = await admin.call('webForm.setUp', { source: 'Contact page' });
    expect(form!.action).not.toBe(action);
    const old = await post(action, { name: 'Late', email: 'late@example.com' });
    expect(old.status).toBe(404);
    expect(old.html).toContain('This form is no longer in use');

    await admin.call('webForm.turnOff', {});
    expect(await admin.call('webForm.get', {})).toEqual({ form: null });
    expect((await post(form!.action, { name: 'Later', email: 'later@example.com' })).status).toBe(404);
  });
});
