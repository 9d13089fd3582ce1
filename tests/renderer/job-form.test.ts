import { describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/domain/job';
import { formFromJob, jobPatch, newJobForm, parseJobForm } from '../../src-renderer/features/jobs/job-form';

const start = {
  contact: { id: 'c1', name: 'Ann Baker' },
  reach: { phone: '', email: '', company: '' },
  dealId: null,
  callId: 'k1',
  title: 'Boiler leaking',
  description: 'Under the stairs',
  address: '4 Mill Lane',
  priority: 'urgent' as const,
};

describe('the job form', () => {
  it('starts from what the call says, and reads the amount with the app’s money rules', () => {
    const values = { ...newJobForm(start, 'Dana'), date: '2026-12-07', time: '09:30', invoiced: '1,250.50' };
    const { fields, errors } = parseJobForm(values, 'GBP');
    expect(errors).toEqual({});
    expect(fields).toMatchObject({ title: 'Boiler leaking', priority: 'urgent', assignee: 'Dana', invoicedMinor: 125_050, scheduledAt: new Date(2026, 11, 7, 9, 30).getTime() });
    expect(values.callId).toBe('k1');
  });

  it('refuses a negative invoice, a time without a date, and invoiced without an amount, each on its field', () => {
    expect(parseJobForm({ ...newJobForm(start, ''), invoiced: '-20' }, 'GBP').errors.invoiced).toBe('This amount cannot be negative');
    expect(parseJobForm({ ...newJobForm(start, ''), time: '10:00' }, 'GBP').errors.date).toBe('Enter the date as well as the time');
    expect(parseJobForm({ ...newJobForm(start, ''), status: 'invoiced' }, 'GBP').errors.invoiced).toMatch(/invoiced amount/);
    expect(parseJobForm({ ...newJobForm(null, ''), title: ' ' }, 'GBP').errors).toMatchObject({ title: expect.any(String), contact: expect.any(String) });
    // Without a contact, a phone, e-mail or company to find them by is enough.
    const unknownCaller = { ...newJobForm(null, ''), title: 'Leak', reach: { phone: '07700 900123', email: '', company: '' } };
    expect(parseJobForm(unknownCaller, 'GBP').errors).toEqual({});
  });

  it('sends only the fields that changed', () => {
    const job: Job = {
      id: 'j1', contactId: 'c1', contactName: 'Ann', dealId: null, callId: null, title: 'Gutter', description: '', status: 'new', priority: 'normal',
      assignee: 'Dana', scheduledAt: null, address: '', invoicedMinor: null, currency: 'GBP', paidAt: null, createdBy: 'Dana', createdAt: 1, updatedAt: 1,
      reach: { phone: '', email: '', company: '' },
    };
    const { fields } = parseJobForm({ ...formFromJob(job), status: 'done' }, 'GBP');
    expect(jobPatch(job, fields)).toEqual({ status: 'done' });
  });
});
