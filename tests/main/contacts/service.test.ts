import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const changeCount = () => (core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
const names = async (query: Parameters<TempCore['call']>[1] & object) =>
  (await core.call('contacts.list', query as never)).items.map((item) => item.name);

async function seed() {
  await core.call('settings.update', { userName: 'Sam' });
  const ann = await core.call('contacts.create', {
    draft: {
      name: 'Ann Smith',
      company: 'Smith Plumbing',
      phones: [
        { type: 'work', number: '020 7946 0958' },
        { type: 'mobile', number: '+44 7700 900123' },
      ],
      emails: [{ type: 'work', address: 'Ann@Smith-Plumbing.co.uk' }],
      tags: ['VIP', 'boiler'],
      status: 'won',
    },
  });
  await core.call('followups.create', { contactId: ann.id, title: 'Service the boiler', dueAt: Date.UTC(2026, 0, 10) });
  await core.call('contacts.create', {
    draft: { name: 'Chloé Martin', company: 'Northside Lettings', contactType: 'lead', owner: 'Priya', tags: ['landlord'] },
  });
  await core.call('contacts.create', { draft: { kind: 'company', name: 'Acme Roofing', emails: [{ type: 'work', address: 'office@acme.test' }] } });
}

describe('contact search', () => {
  it('finds a contact by the last four digits of any of its phones', async () => {
    await seed();
    expect(await names({ query: '0123' })).toEqual(['Ann Smith']);
    expect(await names({ query: '0958' })).toEqual(['Ann Smith']);
  });

  it('finds a number typed in national form with spaces, or in international form', async () => {
    await seed();
    expect(await names({ query: '020 7946' })).toEqual(['Ann Smith']);
    expect(await names({ query: '+44 7700 900' })).toEqual(['Ann Smith']);
  });

  it('finds by the start of a name, company, e-mail or tag, ignoring case and accents', async () => {
    await seed();
    expect(await names({ query: 'smi' })).toEqual(['Ann Smith']);
    expect(await names({ query: 'northside' })).toEqual(['Chloé Martin']);
    expect(await names({ query: 'chloe' })).toEqual(['Chloé Martin']);
    expect(await names({ query: 'office@acme' })).toEqual(['Acme Roofing']);
    expect(await names({ query: 'landl' })).toEqual(['Chloé Martin']);
    expect(await names({ query: 'ann plumb' })).toEqual(['Ann Smith']);
    expect(await names({ query: 'zzz' })).toEqual([]);
  });

  it('never fails on anything a person can type', async () => {
    await seed();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (typed) => {
        const result = await core.invoke('contacts.list', { query: typed });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('contact list', () => {
  it('filters by status, type, tag, owner and follow-up due, and reports the count', async () => {
    await seed();
    expect(await names({ filters: { status: 'won' } })).toEqual(['Ann Smith']);
    expect(await names({ filters: { contactType: 'lead' } })).toEqual(['Chloé Martin']);
    expect(await names({ filters: { tag: 'vip' } })).toEqual(['Ann Smith']);
    expect(await names({ filters: { owner: 'mine' } })).toEqual(['Acme Roofing', 'Ann Smith']);
    expect(await names({ filters: { followUpDueBy: Date.UTC(2026, 0, 31) } })).toEqual(['Ann Smith']);
    const page = await core.call('contacts.list', { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
  });

  it('counts the matches of a search over more than one page, leaving out deleted contacts', async () => {
    await seed();
    const ids: string[] = [];
    for (const [index, name] of ['Smithers Ltd', 'Jo Smithson', 'Kim Smith', 'Lee Smithy'].entries()) {
      ids.push((await core.call('contacts.create', { draft: { name, phones: [{ type: 'mobile', number: `+44 7700 90055${index}` }], contactType: index % 2 === 1 ? 'lead' : 'customer' } })).id);
    }
    await core.call('contacts.delete', { id: ids[0]! });
    // A page smaller than the matches, so the total is counted rather than read off the page.
    const words = await core.call('contacts.list', { query: 'smi', limit: 2 });
    expect({ total: words.total, shown: words.items.length }).toEqual({ total: 4, shown: 2 });
    const digits = await core.call('contacts.list', { query: '7700 90055', limit: 2 });
    expect(digits.total).toBe(3);
    // With a filter as well, only the contacts that pass it.
    expect((await core.call('contacts.list', { query: 'smi', filters: { contactType: 'lead' }, limit: 1 })).total).toBe(2);
    expect((await core.call('contacts.list', { query: '7700 90055', filters: { contactType: 'customer' }, limit: 1 })).total).toBe(1);
  });

  it('sorts by any column in both directions', async () => {
    await seed();
    expect(await names({ sort: { field: 'name', direction: 'desc' } })).toEqual(['Chloé Martin', 'Ann Smith', 'Acme Roofing']);
    expect(await names({ sort: { field: 'company', direction: 'asc' } })).toEqual(['Acme Roofing', 'Chloé Martin', 'Ann Smith']);
    expect((await names({ sort: { field: 'nextFollowUpAt', direction: 'asc' } }))[0]).toBe('Ann Smith');
  });
});

describe('creating and editing contacts', () => {
  it('stores phones as E.164 read in the default region', async () => {
    await core.call('settings.update', { defaultRegion: 'US' });
    const contact = await core.call('contacts.create', { draft: { name: 'Joe', phones: [{ type: 'mobile', number: '(415) 555-0132' }] } });
    expect(contact.phones).toEqual([{ type: 'mobile', e164: '+14155550132' }]);
    expect(contact.owner).toBe('');
    expect(contact.contactType).toBe('customer');
  });

  it('refuses a likely duplicate by e-mail or phone unless asked, and names the existing contact', async () => {
    await seed();
    const before = changeCount();
    const refused = await core.invoke('contacts.create', {
      draft: { name: 'A. Smith', emails: [{ type: 'personal', address: 'ann@smith-plumbing.co.uk' }] },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(changeCount()).toBe(before);
    const matches = await core.call('contacts.findDuplicates', { phones: [{ type: 'work', number: '02079460958' }] });
    expect(matches).toMatchObject([{ name: 'Ann Smith', reason: 'same phone +44 20 7946 0958' }]);
    const allowed = await core.invoke('contacts.create', {
      draft: { name: 'A. Smith', emails: [{ type: 'personal', address: 'ann@smith-plumbing.co.uk' }] },
      allowDuplicate: true,
    });
    expect(allowed.ok).toBe(true);
  });

  it('answers bad input with an error naming the field, and changes nothing', async () => {
    await seed();
    const before = changeCount();
    const cases: [unknown, string][] = [
      [{ draft: { name: '' } }, 'draft.name'],
      [{ draft: { name: 'X', emails: [{ type: 'work', address: 'not-an-email' }] } }, 'draft.emails.0.address'],
      [{ draft: { name: 'X', phones: [{ type: 'work', number: '12' }] } }, 'draft.phones.0.number'],
      [{ draft: { name: 'X', status: 'happy' } }, 'draft.status'],
      [{ draft: { name: 'X', customFields: { unknown_field: 'x' } } }, 'draft.customFields.unknown_field'],
      [{ draft: { name: 'X', potentialValue: { amountMinor: 1.5, currency: 'GBP' } } }, 'draft.potentialValue.amountMinor'],
    ];
    for (const [input, field] of cases) {
      const result = await core.invoke('contacts.create', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    }
    expect(changeCount()).toBe(before);
    expect((await core.call('contacts.list', {})).total).toBe(3);
  });

  it('logs only the fields that changed, all under one clock', async () => {
    const contact = await core.call('contacts.create', { draft: { name: 'Ann', company: 'Old Co' } });
    await core.call('contacts.update', { id: contact.id, patch: { company: 'New Co', name: 'Ann' } });
    const last = core.sqlite.prepare('SELECT fields FROM changes ORDER BY seq DESC LIMIT 1').get() as { fields: string };
    expect(Object.keys(JSON.parse(last.fields)).sort()).toEqual(['company', 'updated_at']);
    const unchanged = changeCount();
    await core.call('contacts.update', { id: contact.id, patch: { company: 'New Co' } });
    expect(changeCount()).toBe(unchanged);
  });

  it('checks custom field values against their definitions', async () => {
    await core.call('settings.update', {
      customFields: [
        { id: 'boiler_model', label: 'Boiler model', kind: 'text' },
        { id: 'floors', label: 'Floors', kind: 'number' },
        { id: 'access', label: 'Access', kind: 'choice', choices: ['key safe', 'tenant'] },
      ],
    });
    const ok = await core.call('contacts.create', { draft: { name: 'Ann', customFields: { floors: 3, access: 'tenant' } } });
    expect(ok.customFields).toEqual({ floors: 3, access: 'tenant' });
    const bad = await core.invoke('contacts.update', { id: ok.id, patch: { customFields: { access: 'ladder' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'patch.customFields.access' } });
  });
});

describe('deleting contacts', () => {
  it('hides a deleted contact everywhere, and undo brings it back with its tags and phones', async () => {
    await seed();
    const [ann] = (await core.call('contacts.list', { query: 'ann' })).items;
    await core.call('contacts.delete', { id: ann!.id });
    expect(await names({ query: '0958' })).toEqual([]);
    expect(await core.invoke('contacts.get', { id: ann!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('contacts.findDuplicates', { emails: [{ address: 'ann@smith-plumbing.co.uk' }] })).toEqual([]);
    const restored = await core.call('contacts.restore', { id: ann!.id });
    expect(restored.tags).toEqual(['boiler', 'VIP']);
    expect(await names({ query: '0958' })).toEqual(['Ann Smith']);
  });

  it('tells the renderer which contacts changed, once per write', async () => {
    const seen: string[][] = [];
    core.on('contacts.changed', ({ ids }) => seen.push(ids));
    const contact = await core.call('contacts.create', { draft: { name: 'Ann', tags: ['a', 'b'] } });
    await core.call('contacts.delete', { id: contact.id });
    expect(seen).toEqual([[contact.id], [contact.id]]);
  });
});
