import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const day = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 9, 1);
let clock = t0;
let core: TempCore;
let contactId: string;

beforeEach(async () => {
  clock = t0;
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', { userName: 'Sam', officeName: 'Sam’s Plumbing', officeAddress: '1 High St, Leeds' });
  contactId = (await core.call('contacts.create', { draft: { name: 'Ann Smith', address: { street: '2 Low Rd', city: 'York', region: '', postcode: 'YO1', country: 'UK' } } })).id;
});
afterEach(() => core.dispose());

async function pipelineWithStages() {
  const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
  const stage = (name: string) => pipeline.stages.find((candidate) => candidate.name === name)!.id;
  return { pipeline, stage };
}

describe('pipelines and deals', () => {
  it('creates a pipeline from a template with ordered stages, final won and lost', async () => {
    const { pipeline } = await pipelineWithStages();
    expect(pipeline.stages.map((stage) => `${stage.name}:${stage.outcome}`)).toEqual([
      'Prospect:open',
      'First contact:open',
      'In discussion:open',
      'Quote sent:open',
      'Thinking about it:open',
      'Won:won',
      'Lost:lost',
    ]);
  });

  it('keeps deals where they are when stages are renamed, reordered and added', async () => {
    const { pipeline, stage } = await pipelineWithStages();
    const deal = await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'Boiler', valueMinor: 250_000, stageId: stage('In discussion') });
    await core.call('pipelines.updateStage', { stageId: stage('In discussion'), patch: { name: 'Talking' } });
    await core.call('pipelines.moveStage', { stageId: stage('In discussion'), toIndex: 0 });
    const after = await core.call('pipelines.addStage', { pipelineId: pipeline.id, stage: { name: 'Site visit', probabilityBp: 3000 }, beforeStageId: stage('Quote sent') });
    expect(after.stages.map((s) => s.name).slice(0, 5)).toEqual(['Talking', 'Prospect', 'First contact', 'Site visit', 'Quote sent']);
    expect((await core.call('deals.get', { id: deal.id })).stageId).toBe(stage('In discussion'));
  });

  it('shows columns with counts, and totals and probability-weighted totals per currency, never added together', async () => {
    const { pipeline, stage } = await pipelineWithStages();
    await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'A', valueMinor: 100_000, stageId: stage('Quote sent') });
    await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'B', valueMinor: 50_000, stageId: stage('Quote sent'), probabilityBp: 9000 });
    await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'C', valueMinor: 70_000, currency: 'USD', stageId: stage('Quote sent') });
    const board = await core.call('pipelines.board', { pipelineId: pipeline.id });
    const column = board.columns.find((entry) => entry.stage.name === 'Quote sent')!;
    expect(column.count).toBe(3);
    expect(column.totals).toEqual([
      { currency: 'GBP', totalMinor: 150_000, weightedMinor: 50_000 + 45_000 },
      { currency: 'USD', totalMinor: 70_000, weightedMinor: 35_000 },
    ]);
    expect(column.deals.map((deal) => deal.title).sort()).toEqual(['A', 'B', 'C']);
  });

  it('records every stage move with who and when, and shows it on the contact’s timeline', async () => {
    const { pipeline, stage } = await pipelineWithStages();
    const deal = await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'Boiler' });
    clock += day;
    await core.call('deals.move', { id: deal.id, stageId: stage('Won'), closeReason: 'Best price' });
    expect(await core.call('deals.get', { id: deal.id })).toMatchObject({ closedAt: clock, closeReason: 'Best price' });
    const timeline = await core.call('timeline.list', { contactId, kinds: ['deal'] });
    expect(timeline.items.map((item) => `${item.title} by ${item.actor}`)).toEqual([
      'Deal Boiler: Prospect → Won by Sam',
      'Deal opened: Boiler (Prospect) by Sam',
    ]);
  });

  it('refuses a stage of another pipeline, naming the field', async () => {
    const { pipeline } = await pipelineWithStages();
    const other = await core.call('pipelines.createFromTemplate', { template: 'urgent_jobs' });
    const deal = await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'X' });
    const result = await core.invoke('deals.move', { id: deal.id, stageId: other.stages[0]!.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'stageId' } });
  });
});

describe('the funnel', () => {
  it('matches a hand-computed example: entries, conversion, drop-off, days in stage and win rate', async () => {
    const pipeline = await core.call('pipelines.createFromTemplate', { template: 'urgent_jobs' });
    const [p1, p2, p3] = pipeline.stages;
    const won = pipeline.stages.find((stage) => stage.outcome === 'won')!;
    const lost = (await core.call('pipelines.addStage', { pipelineId: pipeline.id, stage: { name: 'Lost', outcome: 'lost' } })).stages.at(-1)!;
    const at = (days: number) => (clock = t0 + days * day);
    const create = async (title: string, days: number) => {
      at(days);
      return (await core.call('deals.create', { contactId, pipelineId: pipeline.id, title, stageId: p1!.id })).id;
    };
    const move = async (id: string, stageId: string, days: number) => {
      at(days);
      await core.call('deals.move', { id, stageId });
    };
    const d1 = await create('D1', 0);
    const d2 = await create('D2', 0);
    await create('D3', 1);
    const d4 = await create('D4', 2);
    await move(d2, p2!.id, 1);
    await move(d1, p2!.id, 2);
    await move(d2, lost.id, 3);
    await move(d4, p3!.id, 4);
    await move(d1, p3!.id, 5);
    await move(d1, won.id, 6);
    await move(d4, won.id, 10);

    const funnel = await core.call('pipelines.funnel', { pipelineId: pipeline.id, period: { from: t0, to: t0 + 30 * day } });
    const row = (id: string) => funnel.stages.find((stage) => stage.stageId === id)!;
    expect(row(p1!.id)).toMatchObject({ entered: 4, advanced: 3, conversion: 0.75, dropOff: 0.25 });
    expect(row(p1!.id).averageDays).toBeCloseTo(5 / 3);
    expect(row(p2!.id)).toMatchObject({ entered: 2, advanced: 1, conversion: 0.5, averageDays: 2.5 });
    expect(row(p3!.id)).toMatchObject({ entered: 2, advanced: 2, conversion: 1, averageDays: 3.5 });
    expect(row(won.id)).toMatchObject({ entered: 2, conversion: null });
    expect(funnel).toMatchObject({ won: 2, lost: 1 });
    expect(funnel.winRate).toBeCloseTo(2 / 3);

    const owners = await core.call('pipelines.owners', { period: { from: t0, to: t0 + 30 * day } });
    expect(owners).toMatchObject([{ owner: 'Sam', created: 4, won: 2, lost: 1, averageDaysToClose: 7 }]);
  });
});

describe('quotes', () => {
  it('sends a quote as a PDF attached to the contact, noted on its timeline, pending on the dashboard', async () => {
    const { pipeline } = await pipelineWithStages();
    const deal = await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'New boiler' });
    const quote = await core.call('quotes.create', {
      dealId: deal.id,
      lines: [
        { description: 'Combi boiler', quantityMilli: 1000, unitPriceMinor: 180_000, taxRateBp: 2000 },
        { description: 'Labour', quantityMilli: 8000, unitPriceMinor: 4500, discountBp: 1000, taxRateBp: 2000 },
      ],
      validUntil: t0 + 30 * day,
    });
    expect(quote).toMatchObject({ status: 'draft', subtotalMinor: 180_000 + 32_400, taxMinor: 42_480, totalMinor: 254_880 });
    const sent = await core.call('quotes.send', { id: quote.id });
    expect(sent.status).toBe('sent');
    const files = await core.call('files.list', { contactId });
    expect(files).toMatchObject([{ name: `Quote ${quote.number}.pdf`, mimeType: 'application/pdf', category: 'quote' }]);
    const opened = core.files.open(files[0]!.sha256)!;
    expect(opened.bytes().subarray(0, 5).toString()).toBe('%PDF-');
    const notes = await core.call('notes.list', { contactId });
    expect(notes[0]).toMatchObject({ kind: 'quote_sent' });
    const dashboard = await core.call('dashboard.get', { endOfToday: t0 + day, startOfWeek: t0 - day });
    expect(dashboard.pendingQuotes).toEqual([{ currency: 'GBP', count: 1, totalMinor: 254_880 }]);
    clock += 31 * day;
    expect((await core.call('quotes.ofDeal', { dealId: deal.id }))[0]?.status).toBe('expired');
  });

  it('will not change the lines of a sent quote', async () => {
    const { pipeline } = await pipelineWithStages();
    const deal = await core.call('deals.create', { contactId, pipelineId: pipeline.id, title: 'X' });
    const quote = await core.call('quotes.create', { dealId: deal.id, lines: [{ description: 'Part', quantityMilli: 1000, unitPriceMinor: 100 }] });
    await core.call('quotes.send', { id: quote.id });
    const result = await core.invoke('quotes.update', { id: quote.id, patch: { lines: [] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', field: 'lines' } });
  });
});

describe('scores', () => {
  it('grades a lead from transparent factors and flags health with reasons', async () => {
    const lead = await core.call('contacts.create', {
      draft: {
        name: 'Hot lead',
        company: 'Acme',
        phones: [{ type: 'mobile', number: '07700900123' }],
        emails: [{ type: 'work', address: 'hot@acme.test' }],
        potentialValue: { amountMinor: 500_000, currency: 'GBP' },
      },
    });
    await core.call('notes.create', { contactId: lead.id, body: 'Keen' });
    const scores = await core.call('contacts.scores', { contactId: lead.id });
    expect(scores.leadFactors.map((factor) => factor.label)).toContain('Talked in the last 2 weeks');
    expect(scores.leadScore).toBe(scores.leadFactors.reduce((sum, factor) => sum + factor.points, 0));
    expect(scores).toMatchObject({ leadScore: 65, grade: 'B', health: 'green' });
    // An open deal is an input: the score follows it at once.
    const { pipeline } = await pipelineWithStages();
    await core.call('deals.create', { contactId: lead.id, pipelineId: pipeline.id, title: 'Kitchen' });
    expect(await core.call('contacts.scores', { contactId: lead.id })).toMatchObject({ leadScore: 80, grade: 'A' });
    await core.call('followups.create', { contactId: lead.id, title: 'Call', dueAt: clock - day });
    clock += 100 * day;
    const later = await core.call('contacts.scores', { contactId: lead.id });
    expect(later.health).toBe('red');
    expect(later.healthFactors).toEqual(['No contact for 100 days', '1 follow-up overdue', 'A deal has been stuck in its stage for 100 days']);
  });

  it('does not count a missed call as talking: it is an attempt, said as such in the health', async () => {
    const lead = await core.call('contacts.create', { draft: { name: 'Ann Lead', contactType: 'lead', phones: [{ type: 'mobile', number: '07700900124' }] } });
    await core.call('calls.log', { direction: 'outbound', number: '07700900124', startedAt: clock - 60_000, status: 'no-answer', disposition: 'no answer', contactId: lead.id });
    const scores = await core.call('contacts.scores', { contactId: lead.id });
    expect(scores.leadFactors.map((factor) => factor.label)).not.toContain('Talked in the last 2 weeks');
    expect(scores.healthFactors).toEqual(['No answer yet: 1 call not answered']);
    await core.call('calls.log', { direction: 'inbound', number: '07700900124', startedAt: clock - 30_000, status: 'completed', durationSeconds: 60, disposition: 'booked', contactId: lead.id });
    const answered = await core.call('contacts.scores', { contactId: lead.id });
    expect(answered.leadFactors.map((factor) => factor.label)).toContain('Talked in the last 2 weeks');
    expect(answered.healthFactors).toEqual([]);
  });

  it('words the grade for what the contact is: a won customer is never a hot lead', async () => {
    const draft = {
      company: 'Acme',
      phones: [{ type: 'mobile' as const, number: '07700900125' }],
      emails: [{ type: 'work' as const, address: 'a@acme.test' }],
      potentialValue: { amountMinor: 500_000, currency: 'GBP' },
    };
    const lead = await core.call('contacts.create', { draft: { ...draft, name: 'A lead', contactType: 'lead' } });
    const won = await core.call('contacts.create', {
      draft: { ...draft, name: 'A customer', contactType: 'lead', status: 'won', phones: [{ type: 'mobile', number: '07700900126' }], emails: [{ type: 'work', address: 'b@acme.test' }] },
    });
    for (const contact of [lead, won]) await core.call('notes.create', { contactId: contact.id, body: 'Keen' });
    const pipeline = (await pipelineWithStages()).pipeline;
    for (const contact of [lead, won]) await core.call('deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Kitchen' });
    expect(await core.call('contacts.scores', { contactId: lead.id })).toMatchObject({ grade: 'A', lifecycle: 'lead', scoreName: 'Lead score', headline: 'A hot lead' });
    expect(await core.call('contacts.scores', { contactId: won.id })).toMatchObject({
      grade: 'A',
      lifecycle: 'customer',
      scoreName: 'Engagement',
      headline: 'A very engaged customer',
    });
  });
});

describe('deal list and office logo', () => {
  it('lists deals of a pipeline sorted by value, paged, with the total', async () => {
    const { pipeline } = await pipelineWithStages();
    for (const [title, valueMinor] of [['A', 300], ['B', 100], ['C', 200]] as const) {
      await core.call('deals.create', { contactId, pipelineId: pipeline.id, title, valueMinor });
    }
    const page = await core.call('deals.list', { pipelineId: pipeline.id, sort: { field: 'valueMinor', direction: 'asc' }, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((deal) => deal.title)).toEqual(['B', 'C']);
  });

  it('keeps an uploaded PNG as the office logo, refuses other bytes, and never collects it', async () => {
    const { Readable } = await import('node:stream');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const staged = await core.files.stage(Readable.from([png]), 'logo.png');
    const { officeLogoSha256 } = await core.call('settings.setLogo', { uploadId: staged.uploadId });
    expect(core.files.open(officeLogoSha256!)?.file.mimeType).toBe('image/png');
    clock += 10 * day;
    core.files.collectGarbage();
    expect(core.files.blobs.has(officeLogoSha256!)).toBe(true);
    const text = await core.files.stage(Readable.from([Buffer.from('not an image')]), 'x.txt');
    expect(await core.invoke('settings.setLogo', { uploadId: text.uploadId })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'uploadId' } });
  });
});
