import type { Company, CompanyPerson } from '../../src-shared/domain/company';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { companies } from '../db/schema';

/** A companies row with the number of its live people. */
export type CompanyRow = SqlRow<typeof companies> & { people_count: number };

export function rowToCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    domains: parseList(row.domains),
    address: row.address,
    phone: row.phone,
    notes: row.notes,
    primaryContactId: row.primary_contact_id,
    peopleCount: row.people_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

const peopleCount = '(SELECT COUNT(*) FROM contacts p WHERE p.company_id = co.id AND p.cl % 2 = 1) AS people_count';

// Tables whose rows hang off one contact by contact_id: what a merge moves, and what the company
// page rolls up. Item rows (phones, e-mails, custom values, tags) are keyed by contact and moved
// by the contact's own update instead.
export const attachedTables = ['notes', 'calls', 'follow_ups', 'files', 'deals', 'quotes', 'jobs', 'texts', 'referrals'] as const;
export type AttachedTable = (typeof attachedTables)[number];

export function createCompanyQueries(sqlite: Sqlite) {
  const byId = sqlite.prepare<[string], CompanyRow>(`SELECT co.*, ${peopleCount} FROM companies co WHERE co.id = ?`);
  const people = sqlite.prepare<[string], { id: string; name: string; job_title: string; decision_maker: number; emails: string; phones: string }>(
    `SELECT id, name, job_title, decision_maker, emails, phones FROM contacts
     WHERE company_id = ? AND cl % 2 = 1 ORDER BY decision_maker DESC, name COLLATE NOCASE, id`,
  );
  const byName = sqlite.prepare<[], { id: string; name: string; domains: string }>('SELECT id, name, domains FROM companies WHERE cl % 2 = 1');
  const unlinked = sqlite.prepare<[], { id: string; name: string; company: string; emails: string }>(
    `SELECT id, name, company, emails FROM contacts WHERE cl % 2 = 1 AND kind = 'person' AND company_id IS NULL ORDER BY name COLLATE NOCASE, id`,
  );
  const attached = Object.fromEntries(
    attachedTables.map((table) => [table, sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE contact_id = ? AND cl % 2 = 1`)]),
  ) as Record<AttachedTable, ReturnType<typeof sqlite.prepare<[string], { id: string }>>>;
  const primaryOf = sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE primary_contact_id = ? AND cl % 2 = 1');
  const partnerOf = sqlite.prepare<[string], { id: string }>('SELECT id FROM referrals WHERE partner_id = ? AND cl % 2 = 1');
  const contactCl = sqlite.prepare<[string], { cl: number }>('SELECT cl FROM contacts WHERE id = ?');
  const membersOf = sqlite.prepare<[string], { id: string }>('SELECT id FROM contacts WHERE company_id = ? AND cl % 2 = 1');
  const deals = sqlite.prepare<[string], { id: string; title: string; contact_name: string; stage_name: string | null; outcome: string | null; value_minor: number; currency: string }>(
    `SELECT d.id, d.title, c.name AS contact_name, s.name AS stage_name, s.outcome, d.value_minor, d.currency
     FROM contacts c JOIN deals d ON d.contact_id = c.id AND d.cl % 2 = 1 LEFT JOIN stages s ON s.id = d.stage_id
     WHERE c.company_id = ? AND c.cl % 2 = 1 ORDER BY d.created_at DESC LIMIT 200`,
  );
  const jobs = sqlite.prepare<[string], { id: string; title: string; contact_name: string; status: string; invoiced_minor: number | null; currency: string; paid_at: number | null }>(
    `SELECT j.id, j.title, c.name AS contact_name, j.status, j.invoiced_minor, j.currency, j.paid_at
     FROM contacts c JOIN jobs j ON j.contact_id = c.id AND j.cl % 2 = 1
     WHERE c.company_id = ? AND c.cl % 2 = 1 ORDER BY j.created_at DESC LIMIT 200`,
  );
  const files = sqlite.prepare<[string], { id: string; name: string; contact_name: string; size_bytes: number; created_at: number }>(
    `SELECT f.id, f.name, c.name AS contact_name, f.size_bytes, f.created_at
     FROM contacts c JOIN files f ON f.contact_id = c.id AND f.cl % 2 = 1 AND f.category <> 'photo'
     WHERE c.company_id = ? AND c.cl % 2 = 1 ORDER BY f.created_at DESC LIMIT 200`,
  );
  // Revenue is what was paid for jobs and what deals that were won were worth, each per currency.
  const paidJobs = sqlite.prepare<[string], { currency: string; amount: number }>(
    `SELECT j.currency, SUM(j.invoiced_minor) AS amount FROM contacts c JOIN jobs j ON j.contact_id = c.id AND j.cl % 2 = 1
     WHERE c.company_id = ? AND c.cl % 2 = 1 AND j.paid_at IS NOT NULL AND j.invoiced_minor IS NOT NULL GROUP BY j.currency ORDER BY j.currency`,
  );
  const wonDeals = sqlite.prepare<[string], { currency: string; amount: number }>(
    `SELECT d.currency, SUM(d.value_minor) AS amount FROM contacts c JOIN deals d ON d.contact_id = c.id AND d.cl % 2 = 1
     JOIN stages s ON s.id = d.stage_id AND s.outcome = 'won'
     WHERE c.company_id = ? AND c.cl % 2 = 1 GROUP BY d.currency ORDER BY d.currency`,
  );

  return {
    getRow: (id: string) => byId.get(id),
    liveNames: () => byName.all(),
    unlinkedPeople: () => unlinked.all(),
    attachedIds: (table: AttachedTable, contactId: string) => attached[table].all(contactId).map((row) => row.id),
    companiesWithPrimary: (contactId: string) => primaryOf.all(contactId).map((row) => row.id),
    /** The referrals that name this contact as the partner. */
    referredBy: (contactId: string) => partnerOf.all(contactId).map((row) => row.id),
    contactCausalLength: (contactId: string) => contactCl.get(contactId)?.cl,
    memberIds: (companyId: string) => membersOf.all(companyId).map((row) => row.id),
    people(companyId: string, primaryId: string | null): CompanyPerson[] {
      return people.all(companyId).map((row) => ({
        id: row.id,
        name: row.name,
        jobTitle: row.job_title,
        decisionMaker: row.decision_maker === 1,
        primary: row.id === primaryId,
        email: parseEntries(row.emails, 'address'),
        phone: parseEntries(row.phones, 'e164'),
      }));
    },
    deals: (companyId: string) => deals.all(companyId),
    jobs: (companyId: string) => jobs.all(companyId),
    files: (companyId: string) => files.all(companyId),
    paidJobs: (companyId: string) => paidJobs.all(companyId),
    wonDeals: (companyId: string) => wonDeals.all(companyId),
    list(query: { search: string; offset: number; limit: number }): { total: number; rows: CompanyRow[] } {
      const search = query.search.trim();
      // An empty search is '%%', which every row matches.
      const where = `co.cl % 2 = 1 AND (co.name LIKE @like ESCAPE '\\' OR co.domains LIKE @like ESCAPE '\\')`;
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = sqlite
        .prepare<[{ like: string; limit: number; offset: number }], CompanyRow>(
          `SELECT co.*, ${peopleCount} FROM companies co WHERE ${where} ORDER BY co.name COLLATE NOCASE, co.id LIMIT @limit OFFSET @offset`,
        )
        .all({ like, limit: query.limit, offset: query.offset });
      const total = sqlite.prepare<[{ like: string }], { n: number }>(`SELECT COUNT(*) AS n FROM companies co WHERE ${where}`).get({ like })!.n;
      return { total, rows };
    },
  };
}

export type CompanyQueries = ReturnType<typeof createCompanyQueries>;

/** The first entry's field of a contact's JSON phones or e-mails (the primary one), or ''. */
function parseEntries(json: string, field: 'address' | 'e164'): string {
  try {
    const list = JSON.parse(json) as Record<string, unknown>[];
    const first = list[0]?.[field];
    return typeof first === 'string' ? first : '';
  } catch {
    return '';
  }
}
