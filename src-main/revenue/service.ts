import { v7 as uuidv7 } from 'uuid';
import type { ContactRevenue, MoneyTotal } from '../../src-shared/domain/revenue';
import { AppError } from '../../src-shared/errors';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createRevenueQueries } from './queries';

/** How many referred contacts the partner's card lists. */
const listedReferrals = 50;

/** What a contact brought from its paid jobs, who referred it, and what those it referred brought. */
export class RevenueService extends WritingService {
  private readonly queries;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createRevenueQueries(deps.sqlite);
  }

  ofContact(contactId: string): ContactRevenue {
    if (this.queries.nameOf(contactId) === undefined) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'id');
    const own = this.queries.paidOf(contactId);
    const referrer = this.queries.referrer(contactId);
    const referred = this.queries.referred(contactId);
    const byContact = new Map<string, { paidJobs: number; paid: MoneyTotal[] }>();
    for (const row of this.queries.paidOfMany(referred.map((person) => person.id))) {
      const entry = byContact.get(row.contact_id) ?? { paidJobs: 0, paid: [] };
      entry.paidJobs += row.jobs;
      entry.paid.push({ currency: row.currency, amountMinor: row.amount });
      byContact.set(row.contact_id, entry);
    }
    const people = referred.map((person) => ({ ...person, ...(byContact.get(person.id) ?? { paidJobs: 0, paid: [] }) }));
    people.sort((a, b) => largest(b.paid) - largest(a.paid) || b.paidJobs - a.paidJobs);
    return {
      jobs: this.queries.jobCount(contactId),
      paidJobs: own.reduce((sum, row) => sum + row.jobs, 0),
      paid: own.map((row) => ({ currency: row.currency, amountMinor: row.amount })),
      referredBy: referrer && referrer.name !== null ? { id: referrer.partner_id, name: referrer.name } : null,
      referrals: {
        count: people.length,
        paidJobs: people.reduce((sum, person) => sum + person.paidJobs, 0),
        paid: sumByCurrency(people.flatMap((person) => person.paid)),
        people: people.slice(0, listedReferrals),
      },
    };
  }

  /** Names the partner who referred a contact, or nobody: one transaction, synced like every write. */
  setReferrer(contactId: string, partnerId: string | null): ContactRevenue {
    this.lifecycle.requireAlive('contacts', contactId, 'contact', 'contactId');
    if (partnerId !== null) {
      if (partnerId === contactId) throw new AppError('invalid_input', 'A contact cannot have referred itself.', 'partnerId');
      this.lifecycle.requireAlive('contacts', partnerId, 'partner', 'partnerId');
    }
    if ((this.queries.referrer(contactId)?.partner_id ?? null) === partnerId) return this.ofContact(contactId);
    this.engine.transaction((tx) => {
      for (const row of this.queries.referralsOf(contactId)) tx.write('referrals', row.id, { cl: row.cl + 1 });
      if (partnerId !== null) {
        tx.write('referrals', uuidv7(), { contact_id: contactId, partner_id: partnerId, created_at: this.now(), by: this.settings.get().userName, cl: 1 });
      }
    });
    return this.ofContact(contactId);
  }
}

function largest(totals: readonly MoneyTotal[]): number {
  return totals.reduce((max, total) => Math.max(max, total.amountMinor), 0);
}

function sumByCurrency(totals: readonly MoneyTotal[]): MoneyTotal[] {
  const sums = new Map<string, number>();
  for (const total of totals) sums.set(total.currency, (sums.get(total.currency) ?? 0) + total.amountMinor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
