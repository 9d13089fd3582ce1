import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkService } from '../../../src-main/bulk/service';
import { BulkRequestSchema, type BulkActionStatus } from '../../../src-shared/domain/bulk';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { seedContacts } from './bulk-helpers';

// Apply then undo gives back the state before, for random contacts, selections and actions, in
// batches small enough that every action spans several transactions.

let core: TempCore;
let bulk: BulkService;
let ids: string[];
const owners = ['Ann', 'Bo', 'Cy'];
const tags = ['storm', 'Storm', 'gas', 'vip'];

beforeAll(() => {
  core = createTempCore();
  ids = seedContacts(core, 24, (index) => ({ owner: owners[index % 3], status: index % 5 ? 'active' : 'won', tags: index % 3 ? [tags[index % 4]!] : [] }));
  bulk = new BulkService({
    sqlite: core.sqlite,
    engine: core.engine,
    now: () => Date.now(),
    userName: () => 'Ann',
    callOutcomes: () => [],
    emit: () => {},
    logError: () => {},
    batchSize: 3,
  });
});
afterAll(() => core.dispose());

function state() {
  const contacts = core.sqlite.prepare('SELECT id, owner, status, cl % 2 AS alive FROM contacts ORDER BY id').all();
  const tagRows = core.sqlite.prepare('SELECT contact_id, lower(tag) AS tag FROM contact_tags WHERE present = 1 ORDER BY contact_id, tag').all();
  return { contacts, tagRows };
}

async function settled(status: BulkActionStatus): Promise<BulkActionStatus> {
  while (status.state === 'running' || status.state === 'undoing') {
    await new Promise((resolve) => setTimeout(resolve, 1));
    status = bulk.status(status.id);
  }
  return status;
}

const action = fc.oneof(
  fc.record({ type: fc.constant('addTag'), tag: fc.constantFrom(...tags) }),
  fc.record({ type: fc.constant('removeTag'), tag: fc.constantFrom(...tags) }),
  fc.record({ type: fc.constant('assignOwner'), owner: fc.constantFrom(...owners) }),
  fc.record({ type: fc.constant('setStatus'), status: fc.constantFrom('active', 'won', 'lost', 'dormant') }),
  fc.record({ type: fc.constant('delete') }),
);

describe('undo of a bulk action', () => {
  it('restores exactly what every touched row had, whatever the rows, the action and where it was cancelled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray([...Array(24).keys()], { minLength: 1 }), action, fc.boolean(), async (picked, chosen, cancel) => {
        const before = state();
        const request = BulkRequestSchema.parse({ list: 'contacts', request: {}, selection: { mode: 'ids', ids: picked.map((index) => ids[index]) }, action: chosen });
        let started: BulkActionStatus;
        try {
          started = bulk.start(request);
        } catch {
          // Refused (a tag nobody has): nothing may have changed.
          expect(state()).toEqual(before);
          return;
        }
        if (cancel) bulk.cancel(started.id);
        await settled(started);
        await settled(bulk.undo(started.id));
        expect(state()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
