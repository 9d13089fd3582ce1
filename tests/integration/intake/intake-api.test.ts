import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { startTeam } from '../../helpers/workspace-team';

// The intake API end to end, as a tool like Zapier uses it: an admin makes an API key on a
// laptop, the tool posts JSON to the relay with it, and what it made is on every laptop of that
// workspace (and no other). Bad requests are refused with the field named and change nothing.

const relay = useRelayInMemory({ rateLimit: { perSecond: 1e6, burst: 1e6 } });
let admin: TempCore;
let teammate: TempCore;
let otherOffice: TempCore;
let key: string;

beforeAll(async () => {
  ({ admin, teammate } = await startTeam(relay.url));
  otherOffice = createTempCore({ now: Date.now });
  await otherOffice.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Castle Roofing', memberName: 'Cat' });
}, 120_000);

afterAll(async () => {
  for (const core of [admin, teammate, otherOffice]) core?.dispose();
});

const api = async (pathname: string, body: unknown, options: { key?: string; idempotencyKey?: string } = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${relay.url}${pathname}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string } } };
};

const contactsNamed = async (core: TempCore, name: string) => {
  await core.call('sync.now', {});
  const page = await core.call('contacts.list', { query: name, filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 20 });
  return page.items.filter((contact) => contact.name === name);
};

describe('API keys', () => {
  it('are made by admins only, shown once, and listed by name and hint', async () => {
    expect(await teammate.invoke('apiKeys.create', { name: 'Zapier' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Only an admin') } });
    const made = await admin.call('apiKeys.create', { name: 'Booking page' });
    key = made.secret;
    expect(key).toMatch(/^fbk_[A-Za-z0-9_-]{43}$/);
    const { keys } = await admin.call('apiKeys.list', {});
    expect(keys).toEqual([expect.objectContaining({ id: made.key.id, name: 'Booking page', hint: `${key.slice(0, 8)}…`, region: 'GB', lastUsedAt: null })]);
    expect(JSON.stringify(keys)).not.toContain(key.slice(8));
  });
});

describe('the intake API', () => {
  let contactId: string;

  it('refuses a request without a key, or with one nobody made', async () => {
    expect((await api('/api/v1/contacts', { name: 'Nobody' })).status).toBe(401);
    const guessed = await api('/api/v1/contacts', { name: 'Nobody' }, { key: `fbk_${'A'.repeat(43)}` });
    expect(guessed.status).toBe(401);
    expect(guessed.body.error?.message).toContain('API key is unknown or was revoked');
  });

  it('creates a lead with its tags and first note, on every laptop of the workspace', async () => {
    const created = await api(
      '/api/v1/contacts',
      { name: 'Priya Shah', email: 'priya@example.com', phone: '020 7946 0123', tags: ['boiler'], note: 'Wants a service in March.' },
      { key },
    );
    expect(created).toMatchObject({ status: 201, body: { created: true } });
    contactId = created.body.id as string;
    for (const laptop of [admin, teammate]) {
      const [priya] = await contactsNamed(laptop, 'Priya Shah');
      expect(priya?.id).toBe(contactId);
      expect(await laptop.call('contacts.get', { id: contactId })).toMatchObject({
        contactType: 'lead',
        source: 'Booking page',
        phones: [{ type: 'mobile', e164: '+442079460123' }],
        emails: [{ type: 'work', address: 'priya@example.com' }],
        tags: ['boiler'],
      });
      expect((await laptop.call('notes.list', { contactId })).map((note) => [note.body, note.author])).toEqual([['Wants a service in March.', 'Booking page']]);
    }
    expect((await admin.call('apiKeys.list', {})).keys[0]?.lastUsedAt).toBeGreaterThan(0);
  });

  it('refuses a bad body with the field named, and makes nothing', async () => {
    const refused = await api('/api/v1/contacts', { name: 'Tom Tester', email: 'not-an-address' }, { key });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toBe('Invalid email: not an e-mail address.');
    expect((await api('/api/v1/calls', { number: '+447700900123', direction: 'sideways', startedAt: '2026-12-05T10:00:00Z' }, { key })).status).toBe(400);
    expect((await api('/api/v1/calls', { number: 'call me', direction: 'inbound', startedAt: '2026-12-05T10:00:00Z' }, { key })).body.error?.message).toContain(
      'not a phone number',
    );
    expect(await contactsNamed(admin, 'Tom Tester')).toEqual([]);
  });

  it('adds a note to a contact of its workspace only', async () => {
    expect((await api('/api/v1/notes', { contactId, body: 'Booked for Tuesday 10:00.' }, { key })).status).toBe(201);
    await admin.call('sync.now', {});
    expect((await admin.call('notes.list', { contactId })).map((note) => note.body)).toContain('Booked for Tuesday 10:00.');

    const unknown = await api('/api/v1/notes', { contactId: '01937a4e-0000-7000-8000-000000000000', body: 'Hello' }, { key });
    expect(unknown.status).toBe(404);
    // Another workspace's key cannot reach this workspace's contact.
    const otherKey = (await otherOffice.call('apiKeys.create', { name: 'Their Zapier' })).secret;
    expect((await api('/api/v1/notes', { contactId, body: 'Sneaky' }, { key: otherKey })).status).toBe(404);
  });

  it('logs a call that each laptop links to the contact with that number', async () => {
    const logged = await api(
      '/api/v1/calls',
      { number: '+44 20 7946 0123', direction: 'inbound', startedAt: '2026-12-05T10:30:00Z', durationSeconds: 240, outcome: 'booked', notes: 'Tuesday' },
      { key },
    );
    expect(logged.status).toBe(201);
    await admin.call('sync.now', {});
    const call = admin.calls.get(logged.body.id as string);
    expect(call).toMatchObject({ number: '+442079460123', direction: 'inbound', durationSeconds: 240, disposition: 'booked', startedAt: Date.parse('2026-12-05T10:30:00Z') });
    await expect.poll(() => admin.calls.get(call.id).contactId, { timeout: 10_000 }).toBe(contactId);
  });

  it('makes nothing new when a request is repeated with the same Idempotency-Key', async () => {
    const first = await api('/api/v1/contacts', { name: 'Retry Robin', email: 'robin@example.com' }, { key, idempotencyKey: 'zap-run-881' });
    const again = await api('/api/v1/contacts', { name: 'Retry Robin', email: 'robin@example.com' }, { key, idempotencyKey: 'zap-run-881' });
    expect(first).toMatchObject({ status: 201, body: { created: true } });
    expect(again).toEqual({ status: 200, body: { id: first.body.id, created: false } });
    expect(await contactsNamed(admin, 'Retry Robin')).toHaveLength(1);
  });

  it('stops a key at once when an admin revokes it', async () => {
    const [made] = (await admin.call('apiKeys.list', {})).keys;
    expect((await admin.call('apiKeys.revoke', { id: made!.id })).keys).toEqual([]);
    expect((await api('/api/v1/contacts', { name: 'After Revoke' }, { key })).status).toBe(401);
  });

  it('describes itself in OpenAPI 3.1, generated from the schemas it checks requests with', async () => {
    const document = (await (await fetch(`${relay.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(Object.keys(document.paths).sort()).toEqual(['/api/v1/calls', '/api/v1/contacts', '/api/v1/notes']);
    expect(document.components.schemas.NewContact?.required).toContain('name');
    expect(Object.keys(document.components.schemas.NewContact?.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'email', 'phone', 'company', 'type', 'source', 'tags', 'note']),
    );
  });
});
