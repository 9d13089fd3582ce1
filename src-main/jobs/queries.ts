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
  };
}

const columns = `j.id, j.contact_id, c.name AS contact_name, j.deal_id, j.call_id, j.title, j.description, j.status, j.priority,
  j.assignee, j.scheduled_at, j.address, j.invoiced_minor, j.currency, j.paid_at, j.created_by, j.created_at, j.updated_at`;
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
  const unpaid = sqlite.prepare<[], { currency: string; count: number; total: number }>(
    `SELECT currency, COUNT(*) AS count, SUM(invoiced_minor) AS total FROM jobs
     WHERE cl % 2 = 1 AND status = 'invoiced' GROUP BY currency ORDER BY currency`,
  );

  return {
    get: (id: string) => byId.get(id),
    ofContact: (contactId: string) => ofContact.all(contactId),
    contact: (id: string) => contact.get(id),
    deal: (id: string) => deal.get(id),
    scheduledBetween: (from: number, to: number) => inWindow.get(from, to)!.n,
    invoicedUnpaid: () => unpaid.all(),
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
