import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../src-main/db/open';
import { dayMs } from '../../../src-main/segments/compile';
import { ContactScorer } from '../../../src-main/pipeline/scores';
import { createSegmentQueries } from '../../../src-main/segments/queries';
import { contactStatuses } from '../../../src-shared/domain/contact';
import { jobStatuses } from '../../../src-shared/domain/job';
import { lifecycleStages } from '../../../src-shared/domain/lifecycle';
import { quoteStatuses } from '../../../src-shared/domain/quote';
import type { SegmentDefinition } from '../../../src-shared/domain/segment';
import { definitionArbitrary, type ValuePools } from '../../helpers/segment-arbitrary';
import { matches, storeWorld, type World, type WorldContact } from './segment-oracle';

// The compiled SQL and the plain-JavaScript oracle agree on who is in a segment, for random
// definitions over random contacts drawn from small pools of values, so that criteria and
// contacts meet: equal text in other cases, % and _ in values, nothing set, deleted rows, times
// on both sides of every window.

const now = 1_800_000_000_000;
const words = ['Bristol', 'bristol', 'BRISTOL', 'Bath', 'ol', 'Brist', 'a%b', '_', 'Ünïcode', 'lead', 'Customer', 'client', 'x'];
const word = fc.constantFrom(...words);
const time = fc.oneof(
  fc.integer({ min: now - 400 * dayMs, max: now + 5 * dayMs }),
  fc.integer({ min: 0, max: 400 }).map((days) => now - days * dayMs),
  // Exactly N days ago for the small N criteria use, and a moment either side: the edges of every window.
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom(-1, 0, 1)).map(([days, nudge]) => now - days * dayMs + nudge),
);
const amount = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(0, 5000, 100_000));

const pools: ValuePools = {
  text: word,
  number: amount,
  date: time,
  days: fc.integer({ min: 1, max: 400 }),
  tag: fc.constantFrom('landlord', 'Landlord', 'tenant', 'vip'),
  owner: fc.constantFrom('Ann', 'ann', 'Ben'),
  dealStage: fc.constantFrom('stage-open', 'stage-won', 'STAGE-OPEN'),
  customKey: fc.constantFrom('floors', 'area'),
};

/** Mostly alive; a deleted one now and then, which no criterion may count. */
const alive = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
const few = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });
const addresses = ['ann@bristol.example', 'ben@bath.example', 'info@x.example'];

const contactArbitrary = (index: number): fc.Arbitrary<WorldContact> =>
  fc.record({
    id: fc.constant(`c${String(index).padStart(2, '0')}`),
    alive,
    name: word,
    company: fc.oneof(word, fc.constant('')),
    jobTitle: fc.oneof(word, fc.constant('')),
    city: fc.oneof(word, fc.constant('')),
    region: word,
    postcode: word,
    country: word,
    contactType: fc.constantFrom('lead', 'Prospect', 'customer', 'client', 'supplier', ''),
    source: word,
    status: fc.constantFrom(...contactStatuses),
    owner: fc.constantFrom('Ann', 'Ben', 'Cleo', ''),
    doNotContact: fc.boolean(),
    createdAt: time,
    potentialValueMinor: fc.option(amount, { nil: null }),
    customFields: fc.dictionary(fc.constantFrom('floors', 'area'), fc.oneof(word, amount, fc.constant(null)), { maxKeys: 2 }),
    emails: fc.uniqueArray(fc.constantFrom(...addresses), { maxLength: 2 }),
    hasPhone: fc.boolean(),
    tags: few(fc.record({ tag: fc.constantFrom('landlord', 'tenant', 'VIP'), present: fc.boolean() })),
    lifecycle: few(fc.record({ stage: fc.constantFrom(...lifecycleStages), at: time, alive })),
    deals: few(fc.record({ stageId: fc.constantFrom('stage-open', 'stage-won'), valueMinor: amount.map(Math.abs), alive })),
    quotes: few(fc.record({ status: fc.constantFrom(...quoteStatuses), validUntil: fc.option(time, { nil: null }), alive })),
    calls: few(fc.record({ startedAt: time, alive, status: fc.constantFrom('completed', 'no-answer') })),
    notes: few(fc.record({ createdAt: time, alive })),
    jobs: few(fc.record({ status: fc.constantFrom(...jobStatuses), alive })),
  });

const worldArbitrary: fc.Arbitrary<World> = fc.integer({ min: 0, max: 10 }).chain((size) =>
  fc.record({
    contacts: fc.tuple(...Array.from({ length: size }, (_, index) => contactArbitrary(index))),
    mail: few(fc.record({ sentAt: time, addresses: fc.uniqueArray(fc.constantFrom(...addresses, 'other@y.example'), { minLength: 1, maxLength: 2 }), alive })),
    stages: fc.constant([
      { id: 'stage-open', outcome: 'open' as const },
      { id: 'stage-won', outcome: 'won' as const },
    ]),
  }),
);

describe('the segment compiler', () => {
  let sqlite: Sqlite;
  let queries: ReturnType<typeof createSegmentQueries>;
  beforeAll(() => {
    sqlite = openDatabase({ file: ':memory:' }).sqlite;
    queries = createSegmentQueries(sqlite);
  });
  afterAll(() => sqlite.close());

  /** Stores the world and reads each live contact's score as the contact page would. */
  const store = (world: World) => {
    storeWorld(sqlite, world);
    const scorer = new ContactScorer({ sqlite, now: () => now });
    world.scores = new Map(world.contacts.filter((contact) => contact.alive).map((contact) => [contact.id, scorer.score(contact.id)!]));
  };

  const expected = (world: World, definition: SegmentDefinition) =>
    world.contacts
      .filter((contact) => contact.alive && matches(contact, world, definition, now))
      .map((contact) => contact.id)
      .sort();

  it('finds exactly the contacts the plain reading of the definition finds', () => {
    fc.assert(
      fc.property(worldArbitrary, definitionArbitrary(pools), (world, definition) => {
        store(world);
        const want = expected(world, definition);
        expect([...queries.ids(definition, now)].sort()).toEqual(want);
        expect(queries.count(definition, now)).toBe(want.length);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees criterion by criterion, so every field and operator is tried many times', () => {
    fc.assert(
      fc.property(worldArbitrary, definitionArbitrary(pools).filter((definition) => definition.children.length > 0), (world, root) => {
        store(world);
        // Each criterion alone, then all of them under AND and under OR.
        for (const child of root.children) {
          const single: SegmentDefinition = { type: 'group', join: 'and', children: [child] };
          expect([...queries.ids(single, now)].sort()).toEqual(expected(world, single));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a value into the SQL text', () => {
    const hostile = `x' OR 1=1 --`;
    storeWorld(sqlite, { contacts: [], mail: [], stages: [] });
    const definition: SegmentDefinition = {
      type: 'group',
      join: 'or',
      children: [
        { type: 'criterion', field: 'name', op: 'contains', value: hostile },
        { type: 'criterion', field: 'tags', op: 'in', value: [hostile] },
        { type: 'criterion', field: 'customText', op: 'equals', value: hostile, key: 'floors' },
      ],
    };
    expect(queries.count(definition, now)).toBe(0);
  });
});
