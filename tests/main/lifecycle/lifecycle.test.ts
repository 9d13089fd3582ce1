import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Lifecycle stages: a lead by its type converts to a customer with one call, which records when and
// by whom (and that it was a lead since it was added); the conversion figures count a period's
// leads, how many became customers and how fast, by source and by owner.

const day = 86_400_000;
const start = Date.UTC(2026, 9, 1, 9);
let clock = start;
let core: TempCore;
beforeEach(async () => {
  clock = start;
  core = createTempCore({ autoSync: false, now: () => clock });
  await core.call('settings.update', { userName: 'Sam Carter' });
});
afterEach(() => core.dispose());

const at = (days: number) => {
  clock = start + days * day;
};

describe('lifecycle stages', () => {
  it('converts a lead to a customer, recording the lead start, when and by whom, on the timeline too', async () => {
    const lead = await core.call('contacts.create', { draft: { name: 'Ann Lead', contactType: 'lead' } });
    expect(await core.call('lifecycle.get', { contactId: lead.id })).toEqual({ stage: 'lead', implied: true, history: [] });
    at(12);
    const converted = await core.call('lifecycle.set', { contactId: lead.id, stage: 'customer' });
    expect(converted.stage).toBe('customer');
    expect(converted.implied).toBe(false);
    expect(converted.history.map(({ stage, previousStage, at: when, by }) => ({ stage, previousStage, at: when, by }))).toEqual([
      { stage: 'customer', previousStage: 'lead', at: start + 12 * day, by: 'Sam Carter' },
      { stage: 'lead', previousStage: null, at: start, by: '' },
    ]);
    // Setting the stage it already has records nothing more.
    expect((await core.call('lifecycle.set', { contactId: lead.id, stage: 'customer' })).history).toHaveLength(2);
    const timeline = await core.call('timeline.list', { contactId: lead.id, kinds: ['change'] });
    expect(timeline.items.map((item) => item.title)).toContain('Stage: Lead → Customer');
  });

  it('counts a period’s leads, conversions, rate and mean days by source and by owner', async () => {
    at(-5);
    await core.call('contacts.create', { draft: { name: 'Before the period', contactType: 'lead', source: 'website' } });
    at(0);
    const ann = await core.call('contacts.create', { draft: { name: 'Ann', contactType: 'lead', source: 'website', owner: 'Sam Carter' } });
    at(2);
    await core.call('contacts.create', { draft: { name: 'Bob', contactType: 'lead', source: 'website', owner: 'Sam Carter' } });
    await core.call('contacts.create', { draft: { name: 'Already a customer', contactType: 'customer', source: 'website' } });
    const dee = await core.call('contacts.create', { draft: { name: 'Dee', contactType: 'partner', source: 'referral', owner: 'Alex Reid' } });
    at(5);
    await core.call('lifecycle.set', { contactId: dee.id, stage: 'lead' });
    at(6);
    await core.call('lifecycle.set', { contactId: dee.id, stage: 'qualified' });
    at(10);
    await core.call('lifecycle.set', { contactId: ann.id, stage: 'customer' });
    at(25);
    await core.call('lifecycle.set', { contactId: dee.id, stage: 'customer' });

    const figures = await core.call('lifecycle.conversion', { from: start, to: start + 30 * day });
    expect(figures.total).toEqual({ key: '', leads: 3, converted: 2, rate: 2 / 3, averageDays: (10 + 20) / 2 });
    expect(figures.bySource).toEqual([
      { key: 'website', leads: 2, converted: 1, rate: 0.5, averageDays: 10 },
      { key: 'referral', leads: 1, converted: 1, rate: 1, averageDays: 20 },
    ]);
    expect(figures.byOwner.find((row) => row.key === 'Alex Reid')).toMatchObject({ leads: 1, converted: 1 });
    // A period without leads says so instead of dividing by nothing.
    expect((await core.call('lifecycle.conversion', { from: start + 100 * day, to: start + 101 * day })).total).toEqual({ key: '', leads: 0, converted: 0, rate: null, averageDays: null });
  });

  it('refuses a contact that does not exist and a period that ends before it starts, changing nothing', async () => {
    const missing = await core.invoke('lifecycle.set', { contactId: 'no-such-contact', stage: 'customer' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'contactId' } });
    const backwards = await core.invoke('lifecycle.conversion', { from: start, to: start - day });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
  });
});
