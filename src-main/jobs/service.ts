import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { normaliseCompanyName } from '../../src-shared/domain/company';
import {
  jobStatusLabels,
  jobStatusProblem,
  type ContactSuggestion,
  type Job,
  type JobDraftSchema,
  type JobPatchSchema,
  type JobReach,
  type JobStart,
} from '../../src-shared/domain/job';
import { normaliseEmail, normalisePhone } from '../../src-shared/phone';
import type { TimelineItem } from '../../src-shared/domain/timeline';
import { AppError } from '../../src-shared/errors';
import { formatMoney } from '../../src-shared/money';
import type { CallsService } from '../calls/service';
import type { FieldValues } from '../writes/synced-tables';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createJobQueries, rowToJob, type ParsedJobListQuery } from './queries';

type JobDraft = z.output<typeof JobDraftSchema>;
type JobPatch = z.output<typeof JobPatchSchema>;

/** Where a new job comes from: the form starts with what that call, contact or deal already says. */
export type JobOrigin = { callId: string } | { contactId: string } | { dealId: string };

/** Jobs (tickets): the work done for a contact, from booking to payment. */
export class JobsService extends WritingService {
  private readonly queries;
  private readonly calls: CallsService;

  constructor(deps: WriteDeps & { calls: CallsService }) {
    super(deps);
    this.calls = deps.calls;
    this.queries = createJobQueries(deps.sqlite);
  }

  get(id: string): Job {
    const row = this.queries.get(id);
    if (!row) throw new AppError('not_found', 'That job does not exist or was deleted.', 'id');
    return rowToJob(row);
  }

  list(query: ParsedJobListQuery): { total: number; items: Job[] } {
    const { total, rows } = this.queries.list(query);
    return { total, items: rows.map(rowToJob) };
  }

  /** What the new-job form starts with: the caller and the call's notes, the contact's address, the deal's title. */
  start(origin: JobOrigin): JobStart {
    if ('callId' in origin) {
      const call = this.calls.get(origin.callId);
      const contact = call.contactId ? this.queries.contact(call.contactId) : undefined;
      const firstLine = call.notes.split('\n').find((line) => line.trim())?.trim() ?? '';
      return {
        contact: contact ? { id: contact.id, name: contact.name } : null,
        // An unknown caller: the job keeps their number, to find them by later.
        reach: { phone: contact ? '' : (call.number ?? ''), email: '', company: '' },
        dealId: null,
        callId: call.id,
        title: firstLine.slice(0, 200) || (contact ? `Job for ${contact.name}` : ''),
        description: call.notes,
        address: contact ? addressOf(contact) : '',
        priority: call.emergency ? 'urgent' : 'normal',
      };
    }
    if ('dealId' in origin) {
      const deal = this.queries.deal(origin.dealId);
      if (!deal) throw new AppError('not_found', 'That deal does not exist or was deleted.', 'dealId');
      const contact = this.queries.contact(deal.contact_id);
      return {
        contact: contact ? { id: contact.id, name: contact.name } : null,
        reach: noReach,
        dealId: deal.id,
        callId: null,
        title: deal.title,
        description: '',
        address: contact ? addressOf(contact) : '',
        priority: 'normal',
      };
    }
    const contact = this.queries.contact(origin.contactId);
    if (!contact) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
    return {
      contact: { id: contact.id, name: contact.name },
      reach: noReach,
      dealId: null,
      callId: null,
      title: '',
      description: '',
      address: addressOf(contact),
      priority: 'normal',
    };
  }

  create(draft: JobDraft): Job {
    // Without a contact the job is kept with what to find them by, and a suggestion is offered.
    const contact = draft.contactId ? this.queries.contact(draft.contactId) : undefined;
    if (draft.contactId && !contact) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
    if (draft.dealId) this.lifecycle.requireAlive('deals', draft.dealId, 'deal', 'dealId');
    if (draft.callId) this.lifecycle.requireAlive('calls', draft.callId, 'call', 'callId');
    const settings = this.settings.get();
    const now = this.now();
    // Marked paid without a date: paid now.
    const paidAt = draft.status === 'paid' ? (draft.paidAt ?? now) : draft.paidAt;
    requireConsistent({ status: draft.status, invoicedMinor: draft.invoicedMinor, paidAt });
    const id = uuidv7();
    this.engine.transaction((tx) => {
      tx.write('jobs', id, {
        contact_id: contact?.id ?? '',
        deal_id: draft.dealId,
        call_id: draft.callId,
        title: draft.title,
        description: draft.description,
        status: draft.status,
        priority: draft.priority,
        assignee: draft.assignee ?? settings.userName,
        scheduled_at: draft.scheduledAt,
        address: draft.address ?? (contact ? addressOf(contact) : ''),
        invoiced_minor: draft.invoicedMinor,
        currency: draft.currency ?? settings.currency,
        paid_at: paidAt,
        created_by: settings.userName,
        created_at: now,
        updated_at: now,
        cl: 1,
        reach_phone: contact ? '' : (draft.reach.phone?.trim() ?? ''),
        reach_email: contact ? '' : (draft.reach.email?.trim() ?? ''),
        reach_company: contact ? '' : (draft.reach.company?.trim() ?? ''),
      });
    });
    return this.get(id);
  }

  /**
   * Who a job booked without a contact may be for, best first: the same e-mail address, the same
   * number, then the company (its primary contact and people, or contacts whose company field
   * names it). Only a suggestion: the user confirms it with `update {contactId}`.
   */
  suggestContacts(reach: Partial<JobReach>): ContactSuggestion[] {
    const found = new Map<string, ContactSuggestion>();
    const add = (rows: { id: string; name: string }[], reason: ContactSuggestion['reason'], because: string) => {
      for (const row of rows) if (!found.has(row.id)) found.set(row.id, { contact: { id: row.id, name: row.name }, reason, because });
    };
    const email = reach.email?.trim();
    if (email) add(this.queries.contactsByEmail(normaliseEmail(email)), 'email', 'Same e-mail address');
    const phone = reach.phone?.trim() ? normalisePhone(reach.phone, this.settings.get().defaultRegion) : null;
    if (phone) add(this.queries.contactsByPhone(phone), 'phone', 'Same phone number');
    const company = reach.company?.trim();
    if (company) {
      const wanted = normaliseCompanyName(company);
      for (const match of this.queries.companies().filter((row) => wanted && normaliseCompanyName(row.name) === wanted)) {
        add(this.queries.peopleOf(match.id, match.primary_contact_id), 'company', `Works at ${match.name}`);
      }
      add(this.queries.contactsByCompanyField(company), 'company', `Works at ${company}`);
    }
    return [...found.values()].slice(0, 5);
  }

  /** Changes the fields given; only those are written, so two people editing different fields both keep theirs. */
  update(id: string, patch: JobPatch): Job {
    const job = this.get(id);
    if (patch.dealId) this.lifecycle.requireAlive('deals', patch.dealId, 'deal', 'dealId');
    const linked = patch.contactId !== undefined && patch.contactId !== job.contactId ? this.queries.contact(patch.contactId) : undefined;
    if (patch.contactId !== undefined && patch.contactId !== job.contactId && !linked) {
      throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
    }
    const status = patch.status ?? job.status;
    let paidAt = patch.paidAt !== undefined ? patch.paidAt : job.paidAt;
    if (patch.status === 'paid' && paidAt === null) paidAt = this.now();
    requireConsistent({ status, invoicedMinor: patch.invoicedMinor !== undefined ? patch.invoicedMinor : job.invoicedMinor, paidAt });
    const fields: FieldValues = {};
    const columns = {
      title: 'title',
      description: 'description',
      status: 'status',
      priority: 'priority',
      assignee: 'assignee',
      scheduledAt: 'scheduled_at',
      address: 'address',
      invoicedMinor: 'invoiced_minor',
      currency: 'currency',
      dealId: 'deal_id',
      contactId: 'contact_id',
    } as const;
    for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      const value = patch[key];
      if (value !== undefined && value !== job[key]) fields[column] = value;
    }
    if (paidAt !== job.paidAt) fields.paid_at = paidAt;
    // Linked to its contact at last: the job takes the contact's address if it had none.
    if (linked && !job.address && patch.address === undefined) fields.address = addressOf(linked);
    if (Object.keys(fields).length === 0) return job;
    fields.updated_at = this.now();
    this.engine.transaction((tx) => tx.write('jobs', id, fields));
    return this.get(id);
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('jobs', id, 'job');
    return { id };
  }

  restore(id: string): Job {
    this.lifecycle.restore('jobs', id, 'job');
    return this.get(id);
  }

  /** Jobs booked today and this week (cancelled ones left out), and what is invoiced and not yet paid, per currency. */
  figures(input: { startOfToday: number; endOfToday: number; startOfWeek: number; endOfWeek: number }) {
    return {
      today: this.queries.scheduledBetween(input.startOfToday, input.endOfToday),
      thisWeek: this.queries.scheduledBetween(input.startOfWeek, input.endOfWeek),
      invoicedUnpaid: this.queries.invoicedUnpaid().map((row) => ({ currency: row.currency, count: row.count, totalMinor: row.total })),
    };
  }

  /** A contact's jobs on its timeline: when each was booked, and when it was paid. */
  timelineItems(contactId: string): TimelineItem[] {
    const items: TimelineItem[] = [];
    for (const row of this.queries.ofContact(contactId)) {
      const job = rowToJob(row);
      const when = job.scheduledAt !== null ? `for ${new Date(job.scheduledAt).toISOString()}` : 'not scheduled yet';
      items.push({
        key: `job:${job.id}:created`,
        kind: 'job',
        at: job.createdAt,
        actor: job.createdBy,
        title: `Job: ${job.title}`,
        detail: `${jobStatusLabels[job.status]}, ${when}${job.assignee ? `, ${job.assignee}` : ''}`,
        refId: job.id,
      });
      if (job.paidAt !== null) {
        const amount = job.invoicedMinor !== null ? ` ${formatMoney(job.invoicedMinor, job.currency)}` : '';
        items.push({ key: `job:${job.id}:paid`, kind: 'job', at: job.paidAt, actor: '', title: `Job paid${amount}: ${job.title}`, detail: '', refId: job.id });
      }
    }
    return items;
  }
}

const noReach: JobReach = { phone: '', email: '', company: '' };

function requireConsistent(job: Parameters<typeof jobStatusProblem>[0]): void {
  const problem = jobStatusProblem(job);
  if (problem) throw new AppError('invalid_input', problem.message, problem.field);
}

function addressOf(contact: { address_street: string; address_city: string; address_postcode: string }): string {
  return [contact.address_street, contact.address_city, contact.address_postcode].map((part) => part.trim()).filter(Boolean).join(', ');
}
