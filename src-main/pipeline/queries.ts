import { unansweredStatuses } from '../../src-shared/domain/call';
import type { Deal, DealListQuery, Pipeline, Stage } from '../../src-shared/domain/pipeline';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { deals, dealStageEvents, quotes, stages } from '../db/schema';

export type StageRow = Omit<SqlRow<typeof stages>, 'cl'>;

export type DealRow = Omit<SqlRow<typeof deals>, 'cl'> & { contact_name: string | null; stage_probability_bp: number | null };

export function rowToStage(row: StageRow): Stage {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    position: row.position,
    probabilityBp: row.probability_bp,
    expectedDays: row.expected_days,
    outcome: row.outcome === 'won' || row.outcome === 'lost' ? row.outcome : 'open',
  };
}

export function rowToDeal(row: DealRow): Deal {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name ?? '',
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    title: row.title,
    valueMinor: row.value_minor,
    currency: row.currency,
    probabilityBp: row.probability_bp ?? row.stage_probability_bp ?? 0,
    probabilityOverridden: row.probability_bp !== null,
    expectedCloseAt: row.expected_close_at,
    owner: row.owner,
    source: row.source,
    closeReason: row.close_reason,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type DealListPage = DealListQuery & { offset: number; limit: number };


export const dealColumns = `d.id, d.contact_id, c.name AS contact_name, d.pipeline_id, d.stage_id, d.title, d.value_minor,
  d.currency, d.probability_bp, s.probability_bp AS stage_probability_bp, d.expected_close_at, d.owner, d.source,
  d.close_reason, d.closed_at, d.created_at, d.updated_at`;
export const dealJoins = `LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN stages s ON s.id = d.stage_id`;

export function createPipelineQueries(sqlite: Sqlite) {
  const pipelines = sqlite.prepare<[], { id: string; name: string; position: number }>(
    'SELECT id, name, position FROM pipelines WHERE cl % 2 = 1 ORDER BY position, created_at, id',
  );
  const stagesOf = sqlite.prepare<[string], StageRow>(
    'SELECT * FROM stages WHERE pipeline_id = ? AND cl % 2 = 1 ORDER BY position, id',
  );
  const stage = sqlite.prepare<[string], StageRow>('SELECT * FROM stages WHERE id = ? AND cl % 2 = 1');
  const deal = sqlite.prepare<[string], DealRow>(`SELECT ${dealColumns} FROM deals d ${dealJoins} WHERE d.id = ? AND d.cl % 2 = 1`);
  const dealsOfStage = sqlite.prepare<[string, string, number], DealRow>(
    `SELECT ${dealColumns} FROM deals d ${dealJoins}
     WHERE d.pipeline_id = ? AND d.stage_id = ? AND d.cl % 2 = 1 ORDER BY d.updated_at DESC, d.id DESC LIMIT ?`,
  );
  // Per stage and currency, from the totals the triggers of migration 0037 keep (amounts in
  // different currencies are never added together); the weighted value takes the stage's
  // probability for deals without their own.
  const stageTotals = sqlite.prepare<[string], { stage_id: string; currency: string; count: number; total: number; weighted: number }>(
    `SELECT f.stage_id, f.currency, f.deals AS count, f.total_minor AS total,
            (f.own_weighted + COALESCE(s.probability_bp, 0) * f.stage_weighted_value) / 10000.0 AS weighted
     FROM deal_stage_figures f LEFT JOIN stages s ON s.id = f.stage_id
     WHERE f.pipeline_id = ? AND f.deals > 0 ORDER BY total DESC`,
  );
  // Many deals by id in the order given, with their pipeline's and stage's names (a selection's export).
  const dealsByIds = sqlite.prepare<[string], DealRow & { pipeline_name: string | null; stage_name: string | null }>(
    `SELECT ${dealColumns}, p.name AS pipeline_name, s.name AS stage_name
     FROM json_each(?) ids JOIN deals d ON d.id = ids.value ${dealJoins} LEFT JOIN pipelines p ON p.id = d.pipeline_id
     WHERE d.cl % 2 = 1 ORDER BY ids.key`,
  );
  const dealsOfContact = sqlite.prepare<[string], DealRow>(
    `SELECT ${dealColumns} FROM deals d ${dealJoins} WHERE d.contact_id = ? AND d.cl % 2 = 1 ORDER BY d.created_at DESC`,
  );

  /** A page of deals, filtered and sorted; the filters and sort come from the contract, never raw text. */
  function dealPage(query: DealListPage): { total: number; rows: DealRow[] } {
    const conditions = ['d.cl % 2 = 1'];
    const params: unknown[] = [];
    if (query.pipelineId) {
      conditions.push('d.pipeline_id = ?');
      params.push(query.pipelineId);
    }
    if (query.stageId) {
      conditions.push('d.stage_id = ?');
      params.push(query.stageId);
    }
    if (query.owner) {
      conditions.push('d.owner = ?');
      params.push(query.owner);
    }
    const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
    const order = {
      title: `d.title COLLATE NOCASE ${direction}`,
      contact: `c.name COLLATE NOCASE ${direction}`,
      stage: `s.position ${direction}`,
      valueMinor: `d.value_minor ${direction}`,
      // A deal's own probability when it has one, else its stage's (as rowToDeal reads it).
      probabilityBp: `COALESCE(d.probability_bp, s.probability_bp, 0) ${direction}`,
      weighted: `d.value_minor * COALESCE(d.probability_bp, s.probability_bp, 0) ${direction}`,
      expectedCloseAt: `d.expected_close_at ${direction} NULLS LAST`,
      owner: `d.owner COLLATE NOCASE ${direction}`,
      updatedAt: `d.updated_at ${direction}`,
    }[query.sort.field];
    const where = conditions.join(' AND ');
    const rows = sqlite
      .prepare<unknown[], DealRow>(`SELECT ${dealColumns} FROM deals d ${dealJoins} WHERE ${where} ORDER BY ${order}, d.id ${direction} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset);
    const total = sqlite.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM deals d WHERE ${where}`).get(...params)!.n;
    return { total, rows };
  }

  return {
    pipelines(): Pipeline[] {
      return pipelines.all().map((row) => ({ ...row, stages: stagesOf.all(row.id).map(rowToStage) }));
    },
    stagesOf: (pipelineId: string) => stagesOf.all(pipelineId).map(rowToStage),
    stage: (id: string) => stage.get(id),
    deal: (id: string) => deal.get(id),
    dealsOfStage: (pipelineId: string, stageId: string, limit: number) => dealsOfStage.all(pipelineId, stageId, limit),
    stageTotals: (pipelineId: string) => stageTotals.all(pipelineId),
    dealsOfContact: (contactId: string) => dealsOfContact.all(contactId),
    dealsByIds: (ids: readonly string[]) => dealsByIds.all(JSON.stringify(ids)),
    dealPage,
  };
}

export type QuoteRow = SqlRow<typeof quotes>;

export function createQuoteQueries(sqlite: Sqlite) {
  return {
    byId: sqlite.prepare<[string], QuoteRow>('SELECT * FROM quotes WHERE id = ? AND cl % 2 = 1'),
    ofDeal: sqlite.prepare<[string], QuoteRow>('SELECT * FROM quotes WHERE deal_id = ? AND cl % 2 = 1 ORDER BY created_at DESC'),
    pending: sqlite.prepare<[], QuoteRow>(
      `SELECT q.* FROM quotes q JOIN deals d ON d.id = q.deal_id AND d.cl % 2 = 1
       WHERE q.cl % 2 = 1 AND q.status = 'sent' ORDER BY q.sent_at DESC`,
    ),
    /** The highest count of a series in a year (quote-number.ts), deleted quotes included: a number is never reused. */
    lastCount: sqlite.prepare<{ prefix: string }, { last: number | null }>(
      `SELECT MAX(CAST(substr(number, length(@prefix) + 1) AS INTEGER)) AS last FROM quotes
       WHERE substr(number, 1, length(@prefix)) = @prefix`,
    ),
  };
}

/** A stage event as `[deal_id, to_stage_id, at]`, the funnel's input (analytics.ts). */
export type StageEventTuple = readonly [dealId: SqlRow<typeof dealStageEvents>['deal_id'], toStageId: string, at: number];

/** The figures of PipelineAnalytics (analytics.ts), over live deals. */
export function createAnalyticsQueries(sqlite: Sqlite) {
  return {
    // Each deal's events together, in the order they happened (insertion order breaks a tie).
    events: sqlite
      .prepare<[string], StageEventTuple>(
        `SELECT e.deal_id, e.to_stage_id, e.at FROM deal_stage_events e JOIN deals d ON d.id = e.deal_id AND d.cl % 2 = 1
         WHERE e.pipeline_id = ? ORDER BY e.deal_id, e.at, e.rowid`,
      )
      .raw(),
    ownerRows: sqlite.prepare<
      [number, number, number, number, number, number, number, number, number, number],
      { owner: string; currency: string; created: number; won: number; lost: number; won_value: number; days_to_close: number | null }
    >(
      `SELECT d.owner, d.currency,
              SUM(d.created_at >= ? AND d.created_at < ?) AS created,
              SUM(s.outcome = 'won' AND d.closed_at >= ? AND d.closed_at < ?) AS won,
              SUM(s.outcome = 'lost' AND d.closed_at >= ? AND d.closed_at < ?) AS lost,
              SUM(CASE WHEN s.outcome = 'won' AND d.closed_at >= ? AND d.closed_at < ? THEN d.value_minor ELSE 0 END) AS won_value,
              AVG(CASE WHEN s.outcome = 'won' AND d.closed_at >= ? AND d.closed_at < ?
                       THEN (d.closed_at - d.created_at) / 86400000.0 END) AS days_to_close
       FROM deals d JOIN stages s ON s.id = d.stage_id
       WHERE d.cl % 2 = 1 GROUP BY d.owner, d.currency
       HAVING created + won + lost > 0
       ORDER BY won_value DESC, d.owner`,
    ),
    forecastRows: sqlite.prepare<[], { month: string | null; currency: string; count: number; total: number; weighted: number }>(
      `SELECT CASE WHEN d.expected_close_at IS NULL THEN NULL
                   ELSE strftime('%Y-%m', d.expected_close_at / 1000, 'unixepoch') END AS month,
              d.currency, COUNT(*) AS count, SUM(d.value_minor) AS total,
              SUM(d.value_minor * COALESCE(d.probability_bp, s.probability_bp, 0)) / 10000.0 AS weighted
       FROM deals d JOIN stages s ON s.id = d.stage_id
       WHERE d.cl % 2 = 1 AND s.outcome = 'open'
       GROUP BY month, d.currency ORDER BY month IS NULL, month`,
    ),
  };
}

/** What ContactScorer (scores.ts) weighs, for one live contact. */
/** A call counts as talking only when someone answered: a missed call is an attempt, not contact. */
const answered = `status NOT IN (${unansweredStatuses.map((status) => `'${status}'`).join(', ')})`;

export function createScoreQueries(sqlite: Sqlite) {
  return {
    contact: sqlite.prepare<
      [string],
      { phones: string; emails: string; company: string; potential_value_minor: number | null; do_not_contact: number; status: string; contact_type: string }
    >('SELECT phones, emails, company, potential_value_minor, do_not_contact, status, contact_type FROM contacts WHERE id = ? AND cl % 2 = 1'),
    lastActivity: sqlite.prepare<[string, string], { at: number | null }>(
      `SELECT MAX(at) AS at FROM (
         SELECT MAX(created_at) AS at FROM notes WHERE contact_id = ? AND cl % 2 = 1
         UNION ALL SELECT MAX(started_at) FROM calls WHERE contact_id = ? AND cl % 2 = 1 AND ${answered})`,
    ),
    touches: sqlite.prepare<[string, number, string, number], { n: number }>(
      `SELECT (SELECT COUNT(*) FROM notes WHERE contact_id = ? AND cl % 2 = 1 AND created_at >= ?)
            + (SELECT COUNT(*) FROM calls WHERE contact_id = ? AND cl % 2 = 1 AND started_at >= ? AND ${answered}) AS n`,
    ),
    unansweredSince: sqlite.prepare<[string, number], { n: number }>(
      `SELECT COUNT(*) AS n FROM calls WHERE contact_id = ? AND cl % 2 = 1 AND started_at > ? AND NOT ${answered}`,
    ),
    overdue: sqlite.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM follow_ups WHERE contact_id = ? AND cl % 2 = 1 AND done_at IS NULL AND due_at < ?',
    ),
    deals: sqlite.prepare<[string], { outcome: string; updated_at: number; closed_at: number | null; expected_days: number | null; entered_at: number | null }>(
      `SELECT s.outcome, d.updated_at, d.closed_at, s.expected_days,
              (SELECT MAX(e.at) FROM deal_stage_events e WHERE e.deal_id = d.id) AS entered_at
       FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.contact_id = ? AND d.cl % 2 = 1`,
    ),
  };
}
