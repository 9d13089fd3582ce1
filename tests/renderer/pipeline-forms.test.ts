import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal, Stage } from '../../src-shared/domain/pipeline';
import { applyMove, sortDeals } from '../../src-renderer/features/pipeline/board-model';
import { formFromDeal, newDealForm, parseDealForm, type DealFormValues } from '../../src-renderer/features/pipeline/deal-form';
import type { Board } from '../../src-renderer/features/pipeline/hooks';
import { readMoney } from '../../src-shared/money';
import { parsePercent, parseQuantity } from '../../src-renderer/features/pipeline/pipeline-format';
import { blankLine, liveTotals, parseRow, rowFromLine } from '../../src-renderer/features/pipeline/quote-form';

// The deal dialog, the quote editor and the board: what they send, what they refuse before
// asking the core, and what the board shows while a moved card is being recorded.

function stage(id: string, position: number, probabilityBp: number): Stage {
  return { id, pipelineId: 'p1', name: id, position, probabilityBp, expectedDays: null, outcome: 'open' };
}
const stages = [stage('lead', 0, 1000), stage('quoted', 1, 5000), stage('booked', 2, 9000)];

function deal(id: string, changes: Partial<Deal> = {}): Deal {
  return {
    id,
    contactId: 'c1',
    contactName: 'Ann Example',
    pipelineId: 'p1',
    stageId: 'lead',
    title: `Deal ${id}`,
    valueMinor: 10_000,
    currency: 'GBP',
    probabilityBp: 1000,
    probabilityOverridden: false,
    expectedCloseAt: null,
    owner: 'Sam',
    source: '',
    closeReason: '',
    closedAt: null,
    createdAt: 1,
    updatedAt: 1,
    ...changes,
  };
}

describe('deal form', () => {
  const filled = (changes: Partial<DealFormValues> = {}): DealFormValues => ({
    ...newDealForm({ id: 'p1', name: 'Jobs', position: 0, stages }, 'quoted', { id: 'c1', name: 'Ann Example' }, 'Sam'),
    title: ' Boiler replacement ',
    ...changes,
  });

  it('starts a new deal in the stage it was opened from, with that stage’s win chance', () => {
    expect(filled()).toMatchObject({ stageId: 'quoted', probability: '50', useStageProbability: true, owner: 'Sam' });
  });

  it('turns what was typed into a draft', () => {
    const { draft, errors } = parseDealForm(filled({ value: '£2,400.50', useStageProbability: false, probability: '65%', source: ' Website ' }), 'GBP', null);
    expect(errors).toEqual({});
    expect(draft).toMatchObject({ title: 'Boiler replacement', valueMinor: 240_050, probabilityBp: 6500, source: 'Website', expectedCloseAt: null });
  });

  it('says what is wrong with each field before asking the core', () => {
    const { errors } = parseDealForm(filled({ title: ' ', contact: null, value: 'lots', useStageProbability: false, probability: '120' }), 'GBP', 'lost');
    expect(Object.keys(errors).sort()).toEqual(['closeReason', 'contact', 'probability', 'title', 'value']);
  });

  it('asks why only when a deal is lost', () => {
    expect(parseDealForm(filled(), 'GBP', 'won').errors).toEqual({});
    expect(parseDealForm(filled({ closeReason: 'Went with a cheaper quote' }), 'GBP', 'lost').errors).toEqual({});
  });

  it('opens an existing deal with its own values', () => {
    const values = formFromDeal(deal('d1', { valueMinor: 125_050, probabilityBp: 6500, probabilityOverridden: true }));
    expect(values).toMatchObject({ value: '1250.50', probability: '65', useStageProbability: false, contact: { id: 'c1', name: 'Ann Example' } });
    expect(parseDealForm(values, 'GBP', null).draft).toMatchObject({ valueMinor: 125_050, probabilityBp: 6500 });
  });
});

describe('typed figures', () => {
  it('reads money, quantities and percentages as integers, rounding half up', () => {
    expect(readMoney('£1,250.505', 'GBP', 'nonNegative')).toEqual({ ok: true, amountMinor: 125_051 });
    expect(parseQuantity('1.5')).toBe(1500);
    expect(parsePercent('12.5 %')).toBe(1250);
    expect(parsePercent('100.01')).toBeNull();
    expect(readMoney('-3', 'GBP', 'nonNegative')).toEqual({ ok: false, error: 'This amount cannot be negative' });
    expect(readMoney('-3', 'GBP', 'signed')).toEqual({ ok: true, amountMinor: -300 });
    expect(parseQuantity('two')).toBeNull();
  });
});

describe('quote lines', () => {
  const line = fc.record({
    description: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() === text && text !== ''),
    quantityMilli: fc.integer({ min: 0, max: 1_000_000_000 }),
    unitPriceMinor: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    discountBp: fc.integer({ min: 0, max: 10_000 }),
    taxRateBp: fc.integer({ min: 0, max: 10_000 }),
  });

  it('edits a saved line and saves it back unchanged', () => {
    fc.assert(
      fc.property(line, (saved) => {
        const parsed = parseRow(rowFromLine(saved, 'GBP'), 'GBP');
        expect(parsed.errors).toEqual({});
        expect(parsed.line).toEqual(saved);
      }),
    );
  });

  it('names each wrong cell of a line', () => {
    const row = { ...blankLine(2000), description: '', quantity: 'x', unitPrice: '12..5', discount: '150', taxRate: 'VAT' };
    expect(Object.keys(parseRow(row, 'GBP').errors).sort()).toEqual(['description', 'discount', 'quantity', 'taxRate', 'unitPrice']);
  });

  it('totals as the user types, counting a line that does not read yet as nothing', () => {
    const rows = [
      { ...blankLine(2000), description: 'Boiler', quantity: '1', unitPrice: '1,000' },
      { ...blankLine(2000), description: 'Labour', quantity: '2.5', unitPrice: '40', discount: '10' },
      { ...blankLine(2000), description: 'Half typed', quantity: '1', unitPrice: '12.' },
      { ...blankLine(0), description: 'Typo', quantity: '1', unitPrice: 'abc' },
    ];
    const totals = liveTotals(rows, 'GBP');
    // 1,000 + 2.5 × 40 less 10% + 12 = 1,102.00, plus 20% tax.
    expect(totals.subtotalMinor).toBe(110_200);
    expect(totals.totalMinor).toBe(132_240);
  });
});

describe('board', () => {
  const board = (): Board => ({
    pipeline: { id: 'p1', name: 'Jobs', position: 0, stages },
    columns: [
      {
        stage: stages[0]!,
        count: 4,
        totals: [
          { currency: 'GBP', totalMinor: 30_000, weightedMinor: 3000 },
          { currency: 'USD', totalMinor: 20_000, weightedMinor: 2000 },
        ],
        deals: [deal('a'), deal('b'), deal('c', { probabilityOverridden: true, probabilityBp: 2500 }), deal('u', { currency: 'USD', valueMinor: 20_000 })],
      },
      { stage: stages[1]!, count: 1, totals: [{ currency: 'GBP', totalMinor: 50_000, weightedMinor: 25_000 }], deals: [deal('d', { stageId: 'quoted', valueMinor: 50_000, probabilityBp: 5000 })] },
      { stage: stages[2]!, count: 0, totals: [], deals: [] },
    ],
  });

  it('shows a moved card on top of its new column at once, with the totals moved too', () => {
    const moved = applyMove(board(), { dealId: 'b', stageId: 'booked' });
    const [lead, quoted, booked] = moved.columns;
    expect(lead).toMatchObject({
      count: 3,
      totals: [
        { currency: 'GBP', totalMinor: 20_000, weightedMinor: 2000 },
        { currency: 'USD', totalMinor: 20_000, weightedMinor: 2000 },
      ],
    });
    expect(lead!.deals.map((item) => item.id)).toEqual(['a', 'c', 'u']);
    expect(quoted).toEqual(board().columns[1]);
    expect(booked).toMatchObject({ count: 1, totals: [{ currency: 'GBP', totalMinor: 10_000, weightedMinor: 9000 }] });
    expect(booked!.deals[0]).toMatchObject({ id: 'b', stageId: 'booked', probabilityBp: 9000 });
    // A dollar deal moves its dollars, and the pounds of the column it joins stay pounds.
    const dollars = applyMove(board(), { dealId: 'u', stageId: 'quoted' });
    expect(dollars.columns[0]!.totals).toEqual([{ currency: 'GBP', totalMinor: 30_000, weightedMinor: 3000 }]);
    expect(dollars.columns[1]!.totals).toEqual([
      { currency: 'GBP', totalMinor: 50_000, weightedMinor: 25_000 },
      { currency: 'USD', totalMinor: 20_000, weightedMinor: 10_000 },
    ]);
  });

  it('keeps a deal’s own win chance when it moves', () => {
    const moved = applyMove(board(), { dealId: 'c', stageId: 'quoted' });
    expect(moved.columns[1]!.deals[0]).toMatchObject({ id: 'c', probabilityBp: 2500 });
    expect(moved.columns[1]!.totals).toEqual([{ currency: 'GBP', totalMinor: 60_000, weightedMinor: 25_000 + 2500 }]);
  });

  it('changes nothing for a card dropped on its own column or an unknown one', () => {
    const before = board();
    expect(applyMove(before, { dealId: 'a', stageId: 'lead' })).toBe(before);
    expect(applyMove(before, { dealId: 'zz', stageId: 'booked' })).toBe(before);
  });

  it('sorts the list with empty values last in both directions', () => {
    const deals = [deal('1', { title: 'B', owner: '' }), deal('2', { title: 'A', owner: 'Zoe' }), deal('3', { title: 'C', owner: 'Al' })];
    const owners = (direction: 'asc' | 'desc') => sortDeals(deals, { field: 'owner', direction }, stages).map((item) => item.owner);
    expect(owners('asc')).toEqual(['Al', 'Zoe', '']);
    expect(owners('desc')).toEqual(['Zoe', 'Al', '']);
    expect(sortDeals(deals, { field: 'title', direction: 'asc' }, stages).map((item) => item.title)).toEqual(['A', 'B', 'C']);
  });

  it('sorts by stage in the pipeline’s order, not by name', () => {
    const deals = [deal('1', { stageId: 'booked' }), deal('2', { stageId: 'lead' }), deal('3', { stageId: 'quoted' })];
    expect(sortDeals(deals, { field: 'stage', direction: 'asc' }, stages).map((item) => item.stageId)).toEqual(['lead', 'quoted', 'booked']);
  });
});
