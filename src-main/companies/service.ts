import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  type Company,
  type CompanyDraftSchema,
  type CompanyPatchSchema,
  type CompanyRollup,
  type MembershipSchema,
} from '../../src-shared/domain/company';
import type { Contact } from '../../src-shared/domain/contact';
import type { ActivityItem } from '../../src-shared/domain/timeline';
import { AppError } from '../../src-shared/errors';
import type { ContactsService } from '../contacts/service';
import type { TimelineService } from '../timeline/service';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createCompanyQueries, rowToCompany, type CompanyQueries } from './queries';

type CompanyDraft = z.output<typeof CompanyDraftSchema>;
type CompanyPatch = z.output<typeof CompanyPatchSchema>;
type Membership = z.output<typeof MembershipSchema>;

export type CompaniesDeps = WriteDeps & { contacts: ContactsService; timeline: TimelineService };

/** How many of the people's timeline items the company page shows. */
const rollupTimelineLength = 100;

/** Companies and their people: records, membership (job title, decision maker, primary contact) and the company page's roll-up. */
export class CompaniesService extends WritingService {
  readonly queries: CompanyQueries;
  private readonly contacts: ContactsService;
  private readonly timeline: TimelineService;

  constructor(deps: CompaniesDeps) {
    super(deps);
    this.contacts = deps.contacts;
    this.timeline = deps.timeline;
    this.queries = createCompanyQueries(deps.sqlite);
  }

  get(id: string): Company {
    const row = this.queries.getRow(id);
    if (!row || row.cl % 2 === 0) throw new AppError('not_found', 'That company does not exist or was deleted.', 'id');
    return rowToCompany(row);
  }

  list(query: { search: string; offset: number; limit: number }): { total: number; items: Company[] } {
    const { total, rows } = this.queries.list(query);
    return { total, items: rows.map(rowToCompany) };
  }

  create(draft: CompanyDraft): Company {
    const id = uuidv7();
    this.engine.transaction((tx) => this.writeNew(tx, id, draft));
    return this.get(id);
  }

  /** Writes a new company's row in `tx` (the link step makes several in one transaction). */
  writeNew(tx: MutationTx, id: string, draft: CompanyDraft): void {
    const now = this.now();
    tx.write('companies', id, {
      name: draft.name,
      domains: JSON.stringify(unique(draft.domains)),
      address: draft.address,
      phone: draft.phone,
      notes: draft.notes,
      primary_contact_id: null,
      created_at: now,
      updated_at: now,
      cl: 1,
    });
  }

  /** Changes the fields given. A new name is also written on its people, whose `company` text shows it. */
  update(id: string, patch: CompanyPatch): Company {
    const company = this.get(id);
    if (patch.primaryContactId) this.requireMember(id, patch.primaryContactId, 'patch.primaryContactId');
    const fields: FieldValues = {};
    for (const key of ['name', 'address', 'phone', 'notes', 'primaryContactId'] as const) {
      const value = patch[key];
      if (value !== undefined && value !== company[key]) fields[key === 'primaryContactId' ? 'primary_contact_id' : key] = value;
    }
    if (patch.domains !== undefined && JSON.stringify(unique(patch.domains)) !== JSON.stringify(company.domains)) fields.domains = JSON.stringify(unique(patch.domains));
    if (Object.keys(fields).length === 0) return company;
    this.engine.transaction((tx) => {
      tx.write('companies', id, { ...fields, updated_at: this.now() });
      if (typeof fields.name === 'string') {
        for (const personId of this.queries.memberIds(id)) tx.write('contacts', personId, { company: fields.name, updated_at: this.now() });
      }
    });
    return this.get(id);
  }

  /** Deletes the company; its people keep their history and their company's name as text. Restore brings it back with them. */
  delete(id: string): { id: string } {
    this.lifecycle.delete('companies', id, 'company');
    return { id };
  }

  restore(id: string): Company {
    this.lifecycle.restore('companies', id, 'company');
    return this.get(id);
  }

  /**
   * Puts a person in a company (or takes them out with null), with their job title, whether
   * they decide and whether they are its primary contact. The contact's `company` text follows,
   * so their timeline shows the move ("Company Hartley Lettings → Avon Homes").
   */
  setMembership(input: Membership): Contact {
    const contact = this.contacts.get(input.contactId);
    const target = input.companyId === null ? null : this.get(input.companyId);
    const leaving = contact.companyId !== null && contact.companyId !== input.companyId ? this.queries.getRow(contact.companyId) : undefined;
    this.engine.transaction((tx) => {
      const fields: FieldValues = {};
      if (contact.companyId !== (target?.id ?? null)) {
        fields.company_id = target?.id ?? null;
        if (target) fields.company = target.name;
      }
      if (input.jobTitle !== undefined && input.jobTitle !== contact.jobTitle) fields.job_title = input.jobTitle;
      if (input.decisionMaker !== undefined && input.decisionMaker !== contact.decisionMaker) fields.decision_maker = input.decisionMaker ? 1 : 0;
      if (Object.keys(fields).length > 0) tx.write('contacts', contact.id, { ...fields, updated_at: this.now() });
      if (leaving && leaving.primary_contact_id === contact.id) tx.write('companies', leaving.id, { primary_contact_id: null, updated_at: this.now() });
      if (target && input.primary === true && target.primaryContactId !== contact.id) tx.write('companies', target.id, { primary_contact_id: contact.id, updated_at: this.now() });
      if (target && input.primary === false && target.primaryContactId === contact.id) tx.write('companies', target.id, { primary_contact_id: null, updated_at: this.now() });
    });
    return this.contacts.get(contact.id);
  }

  /** The company page: its people, and their timelines, deals, jobs, files and revenue as one. */
  rollup(id: string): CompanyRollup {
    const company = this.get(id);
    const people = this.queries.people(id, company.primaryContactId);
    const timeline: ActivityItem[] = [];
    for (const person of people) {
      const { items } = this.timeline.forContact({ contactId: person.id, limit: rollupTimelineLength });
      for (const item of items) timeline.push({ ...item, key: `${person.id}/${item.key}`, contactId: person.id, contactName: person.name });
    }
    timeline.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : 1));
    return {
      company,
      people,
      timeline: timeline.slice(0, rollupTimelineLength),
      deals: this.queries.deals(id).map((deal) => ({
        id: deal.id,
        title: deal.title,
        contactName: deal.contact_name,
        stageName: deal.stage_name ?? '',
        outcome: deal.outcome ?? 'open',
        valueMinor: deal.value_minor,
        currency: deal.currency,
      })),
      jobs: this.queries.jobs(id).map((job) => ({
        id: job.id,
        title: job.title,
        contactName: job.contact_name,
        status: job.status,
        invoicedMinor: job.invoiced_minor,
        currency: job.currency,
        paidAt: job.paid_at,
      })),
      files: this.queries.files(id).map((file) => ({ id: file.id, name: file.name, contactName: file.contact_name, sizeBytes: file.size_bytes, createdAt: file.created_at })),
      revenue: {
        paidJobs: this.queries.paidJobs(id).map((row) => ({ currency: row.currency, amountMinor: row.amount })),
        wonDeals: this.queries.wonDeals(id).map((row) => ({ currency: row.currency, amountMinor: row.amount })),
      },
    };
  }

  private requireMember(companyId: string, contactId: string, field: string): void {
    if (!this.queries.memberIds(companyId).includes(contactId)) throw new AppError('invalid_input', 'The primary contact must be one of the company’s people.', field);
  }
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
