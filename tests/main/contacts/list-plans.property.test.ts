import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactSortFields } from '../../../src-shared/domain/contact';
import {
  contactSortSql,
  contactWhere,
  createContactQueries,
  defaultPlanThresholds,
  type ParsedListQuery,
  type PlanThresholds,
} from '../../../src-main/contacts/queries';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The contacts list picks a plan per page (walk the sort index, look the few matches up, or probe
// the full-text index entry by entry when most contacts match, falling back when the probe's
// window is too short). Whatever the plan, the page and its total must be what the plain query
// gives: every filter and the search in one WHERE, ORDER BY, LIMIT and OFFSET, counted with
// COUNT(*). The thresholds are moved so that a few dozen contacts reach every plan.

const firstNames = ['Ann', 'Anna', 'Carl', 'Cara', 'Chloé', 'Colin', 'Dee', 'Sam', 'Sara', 'Simon'];
const lastNames = ['Carter', 'Cole', 'Smith', 'Stone', 'Abbott', 'Bell'];
const companies = ['Cotham Lettings', 'Smith Plumbing', 'Avon Roofing', ''];
const tags = ['VIP', 'vip', 'landlord', 'boiler'];
const userName = 'Sam Carter';

let core: TempCore;
beforeAll(async () => {
  core = createTempCore();
  await core.call('settings.update', { userName });
  const ids: string[] = [];
  for (let index = 0; index < 48; index += 1) {
    const pick = <T>(list: readonly T[], step: number) => list[(index * step + Math.floor(index / list.length)) % list.length]!;
    const contact = await core.call('contacts.create', {
      allowDuplicate: true,
      draft: {
        name: `${pick(firstNames, 3)} ${pick(lastNames, 5)}`,
        company: pick(companies, 7),
        phones: index % 3 === 0 ? [{ type: 'mobile', number: `+44 7700 9${String(index).padStart(5, '0')}` }] : [],
        tags: index % 4 === 0 ? [pick(tags, 1)] : [],
        contactType: index % 2 === 0 ? 'customer' : 'lead',
        owner: index % 3 === 1 ? userName : 'Priya',
        status: index % 5 === 0 ? 'won' : 'active',
      },
    } as never);
    ids.push(contact.id);
  }
  // Deleted contacts stay out of every plan's pages and totals.
  for (const id of ids.filter((_, index) => index % 9 === 4)) await core.call('contacts.delete', { id });
}, 60_000);
afterAll(() => core.dispose());

function plainPage(query: ParsedListQuery): { ids: string[]; total: number } {
  const where = contactWhere(query, userName);
  const order = contactSortSql[query.sort.field](query.sort.direction === 'desc' ? 'DESC' : 'ASC');
  const ids = core.sqlite
    .prepare(`SELECT c.id FROM contacts c WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...where.params, query.limit, query.offset) as string[];
  const total = (core.sqlite.prepare(`SELECT COUNT(*) FROM contacts c WHERE ${where.sql}`).pluck().get(...where.params) as number);
  return { ids, total };
}

const listQuery: fc.Arbitrary<ParsedListQuery> = fc.record({
  query: fc.constantFrom('', 'a', 'c', 's', 'ca', 'sm', 'ann', 'carl c', 'a s', 'ann c', 'cotham', 'vip', '7700', '900', 'zzz', 's 7700'),
  // Half the pages unfiltered: a search and nothing else is where the plans differ most.
  filters: fc.oneof(
    fc.constant({ owner: 'team' as const }),
    fc.record({
      owner: fc.constantFrom('mine' as const, 'team' as const),
      contactType: fc.option(fc.constantFrom('customer', 'lead'), { nil: undefined }),
      status: fc.option(fc.constantFrom('won' as const, 'active' as const), { nil: undefined }),
      tag: fc.option(fc.constantFrom('vip', 'landlord'), { nil: undefined }),
    }),
  ),
  sort: fc.record({ field: fc.constantFrom(...contactSortFields), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  offset: fc.constantFrom(0, 1, 3, 10, 30),
  limit: fc.constantFrom(1, 2, 5, 50),
});

const thresholdCases: [string, PlanThresholds][] = [
  ['as shipped', defaultPlanThresholds],
  ['a search of several words listed when it matches few, walked when more', { ...defaultPlanThresholds, manyMatches: 3 }],
  ['every search walks the sort index', { ...defaultPlanThresholds, manyMatches: 0, mostMatchShare: 2 }],
  ['every search probes, in a window that is often too short', { manyMatches: 0, mostMatchShare: 0, probeWindowSlack: 0.5, probeAtMost: 1000 }],
  ['every search probes, in a window with room', { manyMatches: 0, mostMatchShare: 0, probeWindowSlack: 4, probeAtMost: 1000 }],
];

describe('a page of the contacts list, whichever plan reads it', () => {
  for (const [name, thresholds] of thresholdCases) {
    it(`is the plain query's page and total (${name})`, () => {
      const queries = createContactQueries(core.sqlite, thresholds);
      fc.assert(
        fc.property(listQuery, (query) => {
          const page = queries.page(query, userName);
          expect({ ids: page.rows.map((row) => row.id), total: page.total }).toEqual(plainPage(query));
        }),
        { numRuns: 300, seed: 15 },
      );
    });
  }
});
