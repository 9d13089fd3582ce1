import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactStatuses } from '../../../src-shared/domain/contact';
import { runMigrationFill } from '../../helpers/migration-fill';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The dashboard's contact figures (by status, by type, open potential value) are kept by triggers
// as contacts are written, not counted when the dashboard opens. After any sequence of creates,
// edits, deletes and restores they must equal the same figures counted from the contacts table.

const types = ['customer', 'lead', 'supplier'] as const;
const money = fc.option(fc.record({ amountMinor: fc.integer({ min: 0, max: 1_000_000 }), currency: fc.constantFrom('GBP', 'USD', 'EUR') }), { nil: null });
const step = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), status: fc.constantFrom(...contactStatuses), type: fc.constantFrom(...types), value: money }),
  fc.record({ kind: fc.constant('status' as const), at: fc.nat(), status: fc.constantFrom(...contactStatuses) }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), type: fc.constantFrom(...types) }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: money }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), at: fc.nat() }),
);

/** The figures counted from every contact row, as the dashboard computed them before they were kept. */
function counted(core: TempCore) {
  const db = core.sqlite;
  return {
    contactsByStatus: db.prepare('SELECT status AS name, COUNT(*) AS count FROM contacts WHERE cl % 2 = 1 GROUP BY status ORDER BY count DESC, status').all(),
    contactsByType: db.prepare('SELECT contact_type AS name, COUNT(*) AS count FROM contacts WHERE cl % 2 = 1 GROUP BY contact_type ORDER BY count DESC, contact_type').all(),
    openPotentialValue: db
      .prepare(
        `SELECT potential_value_currency AS currency, SUM(potential_value_minor) AS amountMinor FROM contacts
         WHERE cl % 2 = 1 AND status NOT IN ('won', 'lost') AND potential_value_minor IS NOT NULL
         GROUP BY potential_value_currency ORDER BY amountMinor DESC, currency`,
      )
      .all(),
  };
}

async function shown(core: TempCore) {
  const { contactsByStatus, contactsByType, openPotentialValue } = await core.call('dashboard.get', { endOfToday: Date.now(), startOfWeek: 0 });
  return { contactsByStatus, contactsByType, openPotentialValue };
}

describe('the dashboard’s contact figures', () => {
  it('equal the contacts counted afresh after any creates, edits, deletes and restores', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const core = createTempCore();
        try {
          const ids: string[] = [];
          for (const [index, action] of steps.entries()) {
            const id = ids.length > 0 && 'at' in action ? ids[action.at % ids.length]! : undefined;
            if (action.kind === 'create') {
              const draft = { name: `Contact ${index}`, status: action.status, contactType: action.type, potentialValue: action.value };
              ids.push((await core.call('contacts.create', { draft })).id);
            } else if (id && action.kind === 'status') await core.invoke('contacts.update', { id, patch: { status: action.status } });
            else if (id && action.kind === 'type') await core.invoke('contacts.update', { id, patch: { contactType: action.type } });
            else if (id && action.kind === 'value') await core.invoke('contacts.update', { id, patch: { potentialValue: action.value } });
            else if (id && action.kind === 'delete') await core.invoke('contacts.delete', { id });
            else if (id && action.kind === 'restore') await core.invoke('contacts.restore', { id });
          }
          expect(await shown(core)).toEqual(counted(core));
        } finally {
          core.dispose();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('are counted from the contacts already there when a data folder is upgraded', async () => {
    const core = createTempCore();
    try {
      await core.call('contacts.create', { draft: { name: 'Ann', status: 'active', contactType: 'lead', potentialValue: { amountMinor: 5_000, currency: 'GBP' } } });
      await core.call('contacts.create', { draft: { name: 'Bob', status: 'won', contactType: 'customer', potentialValue: { amountMinor: 9_000, currency: 'GBP' } } });
      // As a folder of the previous version: no kept figures, then the migration's own fill.
      const migration = core.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'contact_figures'").get();
      expect(migration).toBeDefined();
      core.sqlite.exec('DELETE FROM contact_figures');
      runMigrationFill(core.sqlite, '_dashboard_figures.sql', 'INSERT INTO contact_figures');
      expect(await shown(core)).toEqual({
        contactsByStatus: [{ name: 'active', count: 1 }, { name: 'won', count: 1 }],
        contactsByType: [{ name: 'customer', count: 1 }, { name: 'lead', count: 1 }],
        openPotentialValue: [{ currency: 'GBP', amountMinor: 5_000 }],
      });
    } finally {
      core.dispose();
    }
  });
});
