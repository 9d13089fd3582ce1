import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuoteNumber } from '../../../src-shared/domain/quote-number';
import type { Relay } from '../../../src-relay/server';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { openTestDatabase, startTestRelay, type TestDatabase } from '../../relay/helpers/relay-harness';

// Two laptops used alone, each quoting its own customers, then brought into one office: one
// creates the workspace, the other joins it. No two quotes of the office share a number, and the
// numbers already sent to customers are the ones they were sent with.

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

const now = () => Date.UTC(2026, 11, 5, 10);

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

function numbers(core: TempCore): Map<string, string> {
  return new Map(core.sqlite.prepare<[], { id: string; number: string }>('SELECT id, number FROM quotes').all().map((row) => [row.id, row.number]));
}

describe('quote numbers of laptops used alone that come together in one workspace', () => {
  it('are all distinct on both laptops afterwards, and the sent ones kept their numbers', async () => {
    const owner = createTempCore({ now, autoSync: false });
    const newHire = createTempCore({ now, autoSync: false });
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

      const onOwner = numbers(owner);
      const onNewHire = numbers(newHire);
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
