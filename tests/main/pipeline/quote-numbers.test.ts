import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuoteNumber } from '../../../src-shared/domain/quote-number';
import type { Relay } from '../../../src-relay/server';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { openTestDatabase, startTestRelay, type TestDatabase } from '../../relay/helpers/relay-harness';

let database: TestDatabase;
let relay: Relay;
beforeAll(async () => {
  database = await openTestDatabase();
  relay = await startTestRelay(database.database, { port: 0 });
}, 60_000);
afterAll(async () => {
  await relay.close();
  await database.close();
});

/** A laptop whose network can be pulled out. */
function laptop(now: () => number) {
  const network = { online: true };
  const core = createTempCore({
    now,
    fetch: async (input, init) => {
      if (!network.online) throw new TypeError('fetch failed');
      return fetch(input, init);
    },
  });
  return { core, network };
}

function quoteNumbers(core: TempCore): { number: string; alive: boolean }[] {
  return core.sqlite.prepare<[], { number: string; cl: number }>('SELECT number, cl FROM quotes ORDER BY number').all().map((row) => ({ number: row.number, alive: row.cl % 2 === 1 }));
}

async function dealOn(core: TempCore): Promise<string> {
  const contact = await core.call('contacts.create', { draft: { name: 'Ann Smith' } });
  const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
  return (await core.call('deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler' })).id;
}

async function officeOfThree(now: () => number) {
  const laptops = [laptop(now), laptop(now), laptop(now)];
  const [first, ...others] = laptops;
  await first!.core.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
  for (const [index, other] of others.entries()) {
    const { inviteCode } = await first!.core.call('sync.invite', {});
    await other.core.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: `Teammate ${index + 1}` });
  }
  return laptops;
}

describe('quote numbers across laptops', () => {
  it('numbers quotes made offline on three laptops without a repeat, each laptop counting 1, 2, 3 in its own series', async () => {
    const year = 2026;
    const now = () => Date.UTC(year, 5, 1);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ laptop: fc.integer({ min: 0, max: 2 }), action: fc.constantFrom('create', 'create', 'create', 'delete', 'sync') }), {
          minLength: 5,
          maxLength: 25,
        }),
        async (steps) => {
          const laptops = await officeOfThree(now);
          try {
            const deals = await Promise.all(laptops.map(({ core }) => dealOn(core)));
            for (const { network } of laptops) network.online = false;
            const made: string[][] = [[], [], []];
            for (const step of steps) {
              const { core, network } = laptops[step.laptop]!;
              if (step.action === 'create') {
                made[step.laptop]!.push((await core.call('quotes.create', { dealId: deals[step.laptop]!, lines: [] })).number);
              } else if (step.action === 'delete') {
                const last = core.sqlite.prepare<[], { id: string }>('SELECT id FROM quotes WHERE cl % 2 = 1 ORDER BY created_at DESC, number DESC LIMIT 1').get();
                if (last) await core.call('quotes.delete', { id: last.id });
              } else {
                network.online = true;
                await core.call('sync.now', {});
                network.online = false;
              }
            }
            for (const { network } of laptops) network.online = true;
            for (let round = 0; round < 2; round++) for (const { core } of laptops) await core.call('sync.now', {});

            // Each laptop counted 1, 2, 3… in a series of its own, deleted quotes included.
            const seriesOf = made.map((numbers) => new Set(numbers.map((number) => parseQuoteNumber(number)!.series)));
            for (const [index, numbers] of made.entries()) {
              expect(numbers.map((number) => parseQuoteNumber(number))).toEqual(
                numbers.map((_, count) => ({ year, series: ['A', 'B', 'C'][index], count: count + 1 })),
              );
              expect(seriesOf[index]!.size).toBeLessThanOrEqual(1);
            }
            // After syncing, every laptop holds every quote once, and no number twice.
            const everyNumber = made.flat().sort();
            for (const { core } of laptops) {
              expect(quoteNumbers(core).map((quote) => quote.number)).toEqual(everyNumber);
            }
            expect(new Set(everyNumber).size).toBe(everyNumber.length);
          } finally {
            for (const { core } of laptops) core.dispose();
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 180_000);

  it('keeps the numbers of quotes made before, and a laptop that joined before devices were numbered learns its series', async () => {
    const now = () => Date.UTC(2026, 11, 5);
    const [first, second] = await officeOfThree(now);
    try {
      const deal = await dealOn(second!.core);
      // A quote of an earlier version, numbered at random, arrives through the ordinary write path.
      second!.core.engine.transaction((tx) => tx.write('quotes', '0193a4b2-0000-7000-8000-000000000001', { deal_id: deal, number: 'Q-20261205-24BE5B', created_at: now() }));
      // As if this laptop had joined before the relay numbered devices: it has no number yet.
      const config = second!.core.sync.config!;
      const { deviceNumber, ...older } = config;
      expect(deviceNumber).toBe(2);
      second!.core.sqlite.prepare("UPDATE local_settings SET value = ? WHERE key = 'sync.config'").run(JSON.stringify(older));
      second!.network.online = false;
      const offline = await second!.core.call('quotes.create', { dealId: deal, lines: [] });
      expect(offline.number).toMatch(/^Q-2026-X[0-9A-F]{4}-0001$/);
      second!.network.online = true;
      await second!.core.call('sync.now', {});
      expect(second!.core.sync.config?.deviceNumber).toBe(2);
      const online = await second!.core.call('quotes.create', { dealId: deal, lines: [] });
      expect(online.number).toBe('Q-2026-B-0001');
      await second!.core.call('sync.now', {});
      await first!.core.call('sync.now', {});
      expect(quoteNumbers(first!.core).map((quote) => quote.number)).toEqual(['Q-20261205-24BE5B', online.number, offline.number].sort());
    } finally {
      first!.core.dispose();
      second!.core.dispose();
    }
  }, 60_000);
});

// Two laptops used alone, each quoting its own customers, then brought into one office: one
// creates the workspace, the other joins it. No two quotes of the office share a number, and the
// numbers already sent to customers are the ones they were sent with.

const joiningNow = () => Date.UTC(2026, 11, 5, 10);

async function quoteAlone(core: TempCore, customer: string): Promise<{ sent: Map<string, string>; drafts: string[] }> {
  const contact = await core.call('contacts.create', { draft: { name: customer } });
  const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
  const deal = await core.call('deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: `${customer} boiler` });
  const sent = new Map<string, string>();
  for (let index = 0; index < 2; index += 1) {
    const quote = await core.call('quotes.create', { dealId: deal.id, lines: [{ description: 'Boiler service', quantityMilli: 1000, unitPriceMinor: 9000, taxRateBp: 2000 }] });
    const delivered = await core.call('quotes.send', { id: quote.id });
    sent.set(delivered.id, delivered.number);
  }
  const draft = await core.call('quotes.create', { dealId: deal.id, lines: [] });
  return { sent, drafts: [draft.number] };
}

function numbersById(core: TempCore): Map<string, string> {
  return new Map(core.sqlite.prepare<[], { id: string; number: string }>('SELECT id, number FROM quotes').all().map((row) => [row.id, row.number]));
}

describe('quote numbers of laptops used alone that come together in one workspace', () => {
  it('are all distinct on both laptops afterwards, and the sent ones kept their numbers', async () => {
    const owner = createTempCore({ now: joiningNow, autoSync: false });
    const newHire = createTempCore({ now: joiningNow, autoSync: false });
    try {
      const ownerAlone = await quoteAlone(owner, 'Ann Smith');
      const newHireAlone = await quoteAlone(newHire, 'Bob Jones');
      for (const number of [...ownerAlone.sent.values(), ...newHireAlone.sent.values()]) expect(parseQuoteNumber(number)?.year).toBe(2026);

      await owner.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Harbour Plumbing', memberName: 'Sam' });
      const { inviteCode } = await owner.call('sync.invite', {});
      await newHire.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Priya' });
      for (let round = 0; round < 2; round += 1) for (const core of [owner, newHire]) await core.call('sync.now', {});

      // Quotes made in the workspace afterwards take the series the relay gave each laptop.
      const ownerDeal = owner.sqlite.prepare<[], { id: string }>('SELECT id FROM deals ORDER BY created_at LIMIT 1').get()!.id;
      const later = [await owner.call('quotes.create', { dealId: ownerDeal, lines: [] }), await newHire.call('quotes.create', { dealId: ownerDeal, lines: [] })];
      expect(later.map((quote) => parseQuoteNumber(quote.number)?.series)).toEqual(['A', 'B']);
      for (let round = 0; round < 2; round += 1) for (const core of [owner, newHire]) await core.call('sync.now', {});

      const onOwner = numbersById(owner);
      const onNewHire = numbersById(newHire);
      expect(onOwner.size).toBe(8);
      expect(onNewHire).toEqual(onOwner);
      expect(new Set(onOwner.values()).size).toBe(onOwner.size);
      for (const [id, number] of [...ownerAlone.sent, ...newHireAlone.sent]) expect(onOwner.get(id)).toBe(number);
    } finally {
      owner.dispose();
      newHire.dispose();
    }
  }, 120_000);
});
