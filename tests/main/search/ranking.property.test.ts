import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKinds, searchPeriods } from '../../../src-shared/domain/search';
import { foldTitle, narrow, relevance, type Chosen, type Faceted } from '../../../src-main/search/ranking';
import { foldForSearch } from '../../../src-shared/search-text';

// The search page's facets: the count shown beside a value is exactly how many hits choosing it
// would leave, whatever else is chosen; and a record named exactly what was typed ranks above
// one that only mentions it, whatever their kinds and dates.

const now = Date.UTC(2026, 11, 5);
const hit = fc.record({
  kind: fc.constantFrom(...searchKinds),
  at: fc.integer({ min: now - 800 * 86_400_000, max: now }),
  owner: fc.constantFrom('', 'Sam', 'Alex'),
  status: fc.constantFrom('', 'open', 'won', 'scheduled'),
  tags: fc.uniqueArray(fc.constantFrom('landlord', 'vip', 'bristol'), { maxLength: 3 }),
});
const chosen: fc.Arbitrary<Chosen> = fc.record({
  kinds: fc.uniqueArray(fc.constantFrom(...searchKinds), { maxLength: 3 }),
  period: fc.constantFrom(...searchPeriods),
  owner: fc.option(fc.constantFrom('Sam', 'Alex'), { nil: undefined }),
  tag: fc.option(fc.constantFrom('landlord', 'vip'), { nil: undefined }),
  status: fc.option(fc.constantFrom('open', 'won'), { nil: undefined }),
});

describe('search facets and ranking', () => {
  it('counts each facet value as the number of hits choosing it leaves', () => {
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 40 }), chosen, (hits: Faceted[], picked) => {
        const { facets } = narrow(hits, picked, now);
        for (const { value, count } of facets.kinds) expect(narrow(hits, { ...picked, kinds: [value] }, now).kept).toHaveLength(count);
        for (const { value, count } of facets.periods) expect(narrow(hits, { ...picked, period: value }, now).kept).toHaveLength(count);
        for (const { value, count } of facets.owners) expect(narrow(hits, { ...picked, owner: value }, now).kept).toHaveLength(count);
        for (const { value, count } of facets.tags) expect(narrow(hits, { ...picked, tag: value }, now).kept).toHaveLength(count);
        for (const { value, count } of facets.statuses) expect(narrow(hits, { ...picked, status: value }, now).kept).toHaveLength(count);
      }),
    );
  });

  it('ranks a record named exactly what was typed above one that only mentions it', () => {
    fc.assert(
      fc.property(hit, hit, fc.nat({ max: 200 }), fc.nat({ max: 200 }), (named, other, p1, p2) => {
        const exact = relevance({ ...named, title: 'Cotham Hill', position: p1 }, ['cotham', 'hill'], now);
        const mention = relevance({ ...other, title: 'Annual boiler service', position: p2 }, ['cotham', 'hill'], now);
        expect(exact).toBeGreaterThan(mention);
      }),
    );
  });

  it('folds a title as the search does, ASCII or not', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^[A-Za-z0-9 '&.-]{0,30}$/),
      fc.constantFrom('Zoë Çelik', 'ΟΔΟΣ', 'İstanbul', 'Straße', 'ﬁne'),
    );
    fc.assert(
      fc.property(text, (title) => {
        expect(foldTitle(title)).toBe(foldForSearch(title));
      }),
    );
  });
});
