import { jobPriorities, jobStatuses, openJobStatuses, type Job, type JobListQuery } from '../../src-shared/domain/job';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { jobs } from '../db/schema';

/** A job as the queries read it: its row and its contact's name. */
export type JobRow = Omit<SqlRow<typeof jobs>, 'cl'> & { contact_name: string | null };

export function rowToJob(row: JobRow): Job {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name ?? '',
    dealId: row.deal_id,
    callId: row.call_id,
    title: row.title,
    description: row.description,
    status: jobStatuses.find((status) => status === row.status) ?? 'new',
    priority: jobPriorities.find((priority) => priority === row.priority) ?? 'normal',
    assignee: row.assignee,
    scheduledAt: row.scheduled_at,
    address: row.address,
    invoicedMinor: row.invoiced_minor,
    currency: row.currency,
    paidAt: row.paid_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reach: { phone: row.reach_phone, email: row.reach_email, company: row.reach_company },
  };
}

const columns = `j.id, j.contact_id, c.name AS contact_name, j.deal_id, j.call_id, j.title, j.description, j.status, j.priority,
  j.assignee, j.scheduled_at, j.address, j.invoiced_minor, j.currency, j.paid_at, j.created_by, j.created_at, j.updated_at,
  j.reach_phone, j.reach_email, j.reach_company`;
// A job's contact may have been deleted since; the job stays, shown without a name.
const contactJoin = 'LEFT JOIN contacts c ON c.id = j.contact_id AND c.cl % 2 = 1';

type OptionalFilters = 'status' | 'contactId' | 'dealId' | 'callId';
export type ParsedJobListQuery = Required<Omit<JobListQuery, OptionalFilters>> & Pick<JobListQuery, OptionalFilters>;

// Jobs without a date sort after those with one, whichever the direction.
const sortSql = {
  scheduledAt: (d: string) => `j.scheduled_at IS NULL, j.scheduled_at ${d}, j.id ${d}`,
  createdAt: (d: string) => `j.created_at ${d}, j.id ${d}`,
  title: (d: string) => `j.title COLLATE NOCASE ${d}, j.id ${d}`,
  status: (d: string) => `CASE j.status ${jobStatuses.map((status, index) => `WHEN '${status}' THEN ${index}`).join(' ')} END ${d}, j.created_at DESC`,
};

export function createJobQueries(sqlite: Sqlite) {
  const byId = sqlite.prepare<[string], JobRow>(`SELECT ${columns} FROM jobs j ${contactJoin} WHERE j.id = ? AND j.cl % 2 = 1`);
  // Many jobs by id in the order given (a selection's export); deleted ones are left out.
  const byIds = sqlite.prepare<[string], JobRow>(
    `SELECT ${columns} FROM json_each(?) ids JOIN jobs j ON j.id = ids.value ${contactJoin} WHERE j.cl % 2 = 1 ORDER BY ids.key`,
  );
  const ofContact = sqlite.prepare<[string], JobRow>(
    `SELECT ${columns} FROM jobs j ${contactJoin} WHERE j.contact_id = ? AND j.cl % 2 = 1 ORDER BY j.created_at DESC`,
  );
  const contact = sqlite.prepare<[string], { id: string; name: string; address_street: string; address_city: string; address_postcode: string }>(
    'SELECT id, name, address_street, address_city, address_postcode FROM contacts WHERE id = ? AND cl % 2 = 1',
  );
  const deal = sqlite.prepare<[string], { id: string; contact_id: string; title: string }>(
    'SELECT id, contact_id, title FROM deals WHERE id = ? AND cl % 2 = 1',
  );
  const inWindow = sqlite.prepare<[number, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM jobs WHERE cl % 2 = 1 AND scheduled_at >= ? AND scheduled_at < ? AND status <> 'cancelled'`,
  );
  // Who a job without a contact may be for: by e-mail, by phone, then by company (the company's
  // primary contact first, then its people, then contacts whose company field names it).
  const byEmail = sqlite.prepare<[string], { id: string; name: string }>(
    `SELECT c.id, c.name FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
     WHERE e.address = ? AND c.cl % 2 = 1 ORDER BY c.updated_at DESC LIMIT 3`,
  );
  const byPhone = sqlite.prepare<[string], { id: string; name: string }>(
    `SELECT c.id, c.name FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
     WHERE p.e164 = ? AND c.cl % 2 = 1 ORDER BY c.updated_at DESC LIMIT 3`,
  );
  const companies = sqlite.prepare<[], { id: string; name: string; primary_contact_id: string | null }>(
    'SELECT id, name, primary_contact_id FROM companies WHERE cl % 2 = 1',
  );
  const peopleOf = sqlite.prepare<[string, string], { id: string; name: string }>(
    `SELECT id, name FROM contacts WHERE company_id = ? AND cl % 2 = 1
     ORDER BY id = ? DESC, decision_maker DESC, name COLLATE NOCASE, id LIMIT 3`,
  );
  const byCompanyField = sqlite.prepare<[string], { id: string; name: string }>(
    `SELECT id, name FROM contacts WHERE company = ? COLLATE NOCASE AND cl % 2 = 1 ORDER BY updated_at DESC LIMIT 3`,
  );
  const unpaid = sqlite.prepare<[], { currency: string; count: number; total: number }>(
    `SELECT currency, COUNT(*) AS count, SUM(invoiced_minor) AS total FROM jobs
     WHERE cl % 2 = 1 AND status = 'invoiced' GROUP BY currency ORDER BY currency`,
  );

  return {
    get: (id: string) => byId.get(id),
    byIds: (ids: readonly string[]) => byIds.all(JSON.stringify(ids)),
    ofContact: (contactId: string) => ofContact.all(contactId),
    contact: (id: string) => contact.get(id),
    deal: (id: string) => deal.get(id),
    scheduledBetween: (from: number, to: number) => inWindow.get(from, to)!.n,
    invoicedUnpaid: () => unpaid.all(),
    contactsByEmail: (address: string) => byEmail.all(address),
    contactsByPhone: (e164: string) => byPhone.all(e164),
    companies: () => companies.all(),
    peopleOf: (companyId: string, primaryContactId: string | null) => peopleOf.all(companyId, primaryContactId ?? ''),
    contactsByCompanyField: (company: string) => byCompanyField.all(company),
    list(query: ParsedJobListQuery): { total: number; rows: JobRow[] } {
      const conditions = ['j.cl % 2 = 1'];
      const params: unknown[] = [];
      if (query.status === 'open') {
        conditions.push(`j.status IN (${openJobStatuses.map(() => '?').join(', ')})`);
        params.push(...openJobStatuses);
      } else if (query.status) {
        conditions.push('j.status = ?');
        params.push(query.status);
      }
      for (const [column, value] of [['contact_id', query.contactId], ['deal_id', query.dealId], ['call_id', query.callId]] as const) {
        if (value === undefined) continue;
        conditions.push(`j.${column} = ?`);
        params.push(value);
      }
      const where = conditions.join(' AND ');
      const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
      const rows = sqlite
        .prepare<unknown[], JobRow>(`SELECT ${columns} FROM jobs j ${contactJoin} WHERE ${where} ORDER BY ${sortSql[query.sort.field](direction)} LIMIT ? OFFSET ?`)
        .all(...params, query.limit, query.offset);
      const total = sqlite.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM jobs j WHERE ${where}`).get(...params)!.n;
      return { total, rows };
    },
  };
}
