import type { Sqlite } from '../db/open';

export interface LifecycleEventRow {
  id: string;
  contact_id: string;
  stage: string;
  previous_stage: string | null;
  at: number;
  by: string;
}

export interface ConversionRow {
  contact_id: string;
  source: string;
  owner: string;
  lead_at: number;
  customer_at: number | null;
}

/** Contact types that mean "a lead" to the office: a contact of such a type is a lead from the day it was added. */
export const leadTypes = ['lead', 'prospect'];

export function createLifecycleQueries(sqlite: Sqlite) {
  const history = sqlite.prepare<[string], LifecycleEventRow>(
    `SELECT id, contact_id, stage, previous_stage, at, by FROM lifecycle_events
     WHERE contact_id = ? AND cl % 2 = 1 ORDER BY at DESC, id DESC`,
  );
  const contact = sqlite.prepare<[string], { id: string; contact_type: string; status: string; created_at: number }>(
    'SELECT id, contact_type, status, created_at FROM contacts WHERE id = ? AND cl % 2 = 1',
  );
  // A contact's lead date: its first stage of lead or qualified as set, or, when no stage was ever
  // set, the day it was added if its type says lead. Its customer date: the first time it was set
  // to customer after that. Both read from the index on (stage, at).
  const leadTypeList = leadTypes.map((type) => `'${type}'`).join(', ');
  const conversion = sqlite.prepare<{ from: number; to: number }, ConversionRow>(
    `WITH started AS (
       SELECT e.contact_id, MIN(e.at) AS lead_at FROM lifecycle_events e
       WHERE e.cl % 2 = 1 AND e.stage IN ('lead', 'qualified') GROUP BY e.contact_id
       UNION ALL
       SELECT c.id, c.created_at FROM contacts c
       WHERE c.cl % 2 = 1 AND lower(c.contact_type) IN (${leadTypeList}) AND c.created_at >= :from AND c.created_at < :to
         AND NOT EXISTS (SELECT 1 FROM lifecycle_events e WHERE e.contact_id = c.id AND e.cl % 2 = 1)
     )
     SELECT s.contact_id, c.source, c.owner, s.lead_at,
            (SELECT MIN(e.at) FROM lifecycle_events e
             WHERE e.contact_id = s.contact_id AND e.cl % 2 = 1 AND e.stage = 'customer' AND e.at >= s.lead_at) AS customer_at
     FROM started s JOIN contacts c ON c.id = s.contact_id AND c.cl % 2 = 1
     WHERE s.lead_at >= :from AND s.lead_at < :to`,
  );
  return {
    history: (contactId: string) => history.all(contactId),
    contact: (contactId: string) => contact.get(contactId),
    conversion: (from: number, to: number) => conversion.all({ from, to }),
  };
}
