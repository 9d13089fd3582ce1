import { jobStatusProblem, type Job, type JobDraft, type JobPatch, type JobPriority, type JobReach, type JobStart, type JobStatus } from '../../../src-shared/domain/job';
import { minorToDecimal, readMoney } from '../../../src-shared/money';
import type { PickedContact } from '../../ui/ContactPicker';
import { fromDateAndTime, fromDateInput, toDateInput, toTimeInput } from '../../ui/dates';

// The job dialog edits strings; this turns them into a draft or a patch and says what is wrong, in
// words and field by field, before the core is asked. Amounts are read by the app's one money
// reader (src-shared/money.ts), with the rule for an invoice: never negative.

export interface JobFormValues {
  title: string;
  contact: PickedContact | null;
  /** Without a contact: what to find them by (the core suggests who it may be). */
  reach: JobReach;
  description: string;
  status: JobStatus;
  priority: JobPriority;
  assignee: string;
  /** yyyy-mm-dd and hh:mm, local; '' while unscheduled. */
  date: string;
  time: string;
  address: string;
  invoiced: string;
  /** yyyy-mm-dd, local. */
  paidOn: string;
  dealId: string | null;
  callId: string | null;
}

export type JobFormErrors = Partial<Record<'title' | 'contact' | 'date' | 'invoiced' | 'paidOn', string>>;

export function newJobForm(start: JobStart | null, assignee: string): JobFormValues {
  return {
    title: start?.title ?? '',
    contact: start?.contact ?? null,
    reach: start?.reach ?? noReach,
    description: start?.description ?? '',
    status: 'new',
    priority: start?.priority ?? 'normal',
    assignee,
    date: '',
    time: '',
    address: start?.address ?? '',
    invoiced: '',
    paidOn: '',
    dealId: start?.dealId ?? null,
    callId: start?.callId ?? null,
  };
}

export function formFromJob(job: Job): JobFormValues {
  return {
    title: job.title,
    contact: job.contactId ? { id: job.contactId, name: job.contactName } : null,
    reach: job.reach,
    description: job.description,
    status: job.status,
    priority: job.priority,
    assignee: job.assignee,
    date: toDateInput(job.scheduledAt),
    time: job.scheduledAt === null ? '' : toTimeInput(job.scheduledAt),
    address: job.address,
    invoiced: job.invoicedMinor === null ? '' : minorToDecimal(job.invoicedMinor, job.currency),
    paidOn: toDateInput(job.paidAt),
    dealId: job.dealId,
    callId: job.callId,
  };
}

type ParsedFields = Required<Pick<JobDraft, 'title' | 'description' | 'status' | 'priority' | 'assignee' | 'scheduledAt' | 'address' | 'invoicedMinor' | 'paidAt'>>;

export function parseJobForm(values: JobFormValues, currency: string): { fields: ParsedFields; errors: JobFormErrors } {
  const errors: JobFormErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Say what the job is, for example “Replace the boiler”';
  if (!values.contact && !hasReach(values.reach)) errors.contact = 'Choose the contact the job is for, or give a phone, e-mail or company to find them by';
  let scheduledAt: number | null = null;
  if (values.date) {
    scheduledAt = fromDateAndTime(values.date, values.time);
    if (scheduledAt === null) errors.date = 'Enter a date and time';
  } else if (values.time) {
    errors.date = 'Enter the date as well as the time';
  }
  const invoiced = readMoney(values.invoiced, currency, 'nonNegative');
  if (!invoiced.ok) errors.invoiced = invoiced.error;
  const invoicedMinor = invoiced.ok ? invoiced.amountMinor : null;
  let paidAt = values.paidOn ? fromDateInput(values.paidOn) : null;
  if (values.paidOn && paidAt === null) errors.paidOn = 'Enter a date';
  // Marked paid without a date: paid today, as the core would.
  if (values.status === 'paid' && paidAt === null && !errors.paidOn) paidAt = fromDateInput(toDateInput(Date.now()));
  const problem = invoiced.ok ? jobStatusProblem({ status: values.status, invoicedMinor, paidAt }) : null;
  if (problem?.field === 'invoicedMinor') errors.invoiced = problem.message;
  return {
    fields: {
      title,
      description: values.description,
      status: values.status,
      priority: values.priority,
      assignee: values.assignee.trim(),
      scheduledAt,
      address: values.address.trim(),
      invoicedMinor,
      paidAt,
    },
    errors,
  };
}

/** Only the fields that differ from the job, so that a teammate's edit of another field is kept. */
export function jobPatch(job: Job, fields: ParsedFields): JobPatch {
  const patch: JobPatch = {};
  for (const key of Object.keys(fields) as (keyof ParsedFields)[]) {
    if (fields[key] !== job[key]) Object.assign(patch, { [key]: fields[key] });
  }
  return patch;
}

const noReach: JobReach = { phone: '', email: '', company: '' };

export function hasReach(reach: JobReach): boolean {
  return Object.values(reach).some((value) => value.trim() !== '');
}

export function hasErrors(errors: JobFormErrors): boolean {
  return Object.values(errors).some(Boolean);
}
