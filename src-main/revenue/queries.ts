import type { Sqlite } from '../db/open';

// A job counts as revenue once it is paid with an amount (the company page's rule too), per currency.
const paid = 'j.cl % 2 = 1 AND j.paid_at IS NOT NULL AND j.invoiced_minor IS NOT NULL';

export function createRevenueQueries(sqlite: Sqlite) {
  const jobCount = sqlite.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM jobs j WHERE j.contact_id = ? AND j.cl % 2 = 1 AND j.status <> 'cancelled'`,
  );
  const paidOf = sqlite.prepare<[string], { currency: string; jobs: number; amount: number }>(
    `SELECT j.currency, COUNT(*) AS jobs, SUM(j.invoiced_minor) AS amount FROM jobs j
     WHERE j.contact_id = ? AND ${paid} GROUP BY j.currency ORDER BY j.currency`,
  );
  // Two laptops may each have named a partner at once: the newest referral is the answer.
  const referrer = sqlite.prepare<[string], { id: string; partner_id: string; name: string | null }>(
    `SELECT r.id, r.partner_id, c.name FROM referrals r LEFT JOIN contacts c ON c.id = r.partner_id AND c.cl % 2 = 1
     WHERE r.contact_id = ? AND r.cl % 2 = 1 ORDER BY r.created_at DESC, r.id DESC LIMIT 1`,
  );
  const referralsOf = sqlite.prepare<[string], { id: string; cl: number }>('SELECT id, cl FROM referrals WHERE contact_id = ? AND cl % 2 = 1');
  // Each referred contact counts once, for the partner its newest referral names.
  const referred = sqlite.prepare<[string], { id: string; name: string }>(
    `SELECT c.id, c.name FROM referrals r JOIN contacts c ON c.id = r.contact_id AND c.cl % 2 = 1
     WHERE r.partner_id = ? AND r.cl % 2 = 1
       AND r.id = (SELECT r2.id FROM referrals r2 WHERE r2.contact_id = r.contact_id AND r2.cl % 2 = 1 ORDER BY r2.created_at DESC, r2.id DESC LIMIT 1)
     ORDER BY c.name COLLATE NOCASE, c.id`,
  );
  const paidOfMany = sqlite.prepare<[string], { contact_id: string; currency: string; jobs: number; amount: number }>(
    `SELECT j.contact_id, j.currency, COUNT(*) AS jobs, SUM(j.invoiced_minor) AS amount FROM jobs j
     WHERE j.contact_id IN (SELECT value FROM json_each(?)) AND ${paid} GROUP BY j.contact_id, j.currency`,
  );
  const alive = sqlite.prepare<[string], { name: string }>('SELECT name FROM contacts WHERE id = ? AND cl % 2 = 1');

  return {
    jobCount: (contactId: string) => jobCount.get(contactId)!.n,
    paidOf: (contactId: string) => paidOf.all(contactId),
    referrer: (contactId: string) => referrer.get(contactId),
    referralsOf: (contactId: string) => referralsOf.all(contactId),
    referred: (partnerId: string) => referred.all(partnerId),
    paidOfMany: (contactIds: readonly string[]) => paidOfMany.all(JSON.stringify(contactIds)),
    nameOf: (contactId: string) => alive.get(contactId)?.name,
  };
}
