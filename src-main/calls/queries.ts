import { callStatuses, unansweredStatuses, type Call, type CallListQuery } from '../../src-shared/domain/call';
import { sentimentCut } from '../../src-shared/domain/telephony';
import type { CallBack } from '../../src-shared/domain/sla';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { callAnalysis, calls } from '../db/schema';

/** A call as the list reads it: its row, its contact's name, and its transcript's analysis when there is one. */
export type CallRow = Omit<SqlRow<typeof calls>, 'created_at' | 'cl'> & {
  contact_name: string | null;
  sentiment: SqlRow<typeof callAnalysis>['sentiment'] | null;
  keywords: SqlRow<typeof callAnalysis>['keywords'] | null;
} & CallBackColumns;

/** The call-back a call was promised, as the queries read it beside the call (null when none). */
export interface CallBackColumns {
  call_back_id: string | null;
  call_back_rule: string | null;
  call_back_due: number | null;
  call_back_done: number | null;
}

export function rowToCallBack(row: CallBackColumns): CallBack | null {
  if (row.call_back_id === null || row.call_back_due === null) return null;
  return { followUpId: row.call_back_id, slaRuleId: row.call_back_rule ?? '', dueAt: row.call_back_due, doneAt: row.call_back_done };
}

export function rowToCall(row: CallRow): Call {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
    number: row.number,
    startedAt: row.started_at,
    durationSeconds: row.duration_seconds,
    status: callStatuses.find((status) => status === row.status) ?? 'completed',
    disposition: row.disposition,
    notes: row.notes,
    recordingSha256: row.recording_sha256,
    transcript: row.transcript,
    provider: row.provider,
    providerId: row.provider_id,
    spam: row.spam === 1,
    emergency: row.emergency === 1,
    loggedBy: row.logged_by,
    officeNumber: row.office_number,
    recordingSeconds: row.recording_seconds,
    valueEstimateMinor: row.value_estimate_minor,
    sentiment: row.sentiment,
    keywords: row.keywords ? (JSON.parse(row.keywords) as string[]) : [],
    callBack: rowToCallBack(row),
    emergencyKeyword: row.emergency_keyword,
    // Worked out by the service from the office's hours, which a row does not know.
    afterHours: false,
    // Read by the service for the rows it answers (call_tags), not joined into every row.
    tags: [],
  };
}

// A call's call-back: the earliest-due live follow-up an SLA rule made from it (follow_ups_call_back).
const callBackColumns = 'cb.id AS call_back_id, cb.sla_rule_id AS call_back_rule, cb.due_at AS call_back_due, cb.done_at AS call_back_done';
const callBackJoin = `LEFT JOIN follow_ups cb ON cb.id = (SELECT f.id FROM follow_ups f
  WHERE f.call_id = k.id AND f.sla_rule_id IS NOT NULL AND f.cl % 2 = 1 ORDER BY f.due_at, f.id LIMIT 1)`;

const columns = `k.id, k.contact_id, c.name AS contact_name, k.direction, k.number, k.started_at, k.duration_seconds,
  k.status, k.disposition, k.notes, k.recording_sha256, k.transcript, k.provider, k.provider_id, k.spam, k.emergency,
  k.logged_by, k.office_number, k.recording_seconds, k.value_estimate_minor, k.emergency_keyword, k.urgent, a.sentiment, a.keywords, ${callBackColumns}`;

// A call's contact may have been deleted since; the call stays, shown without a name.
const analysisJoin = 'LEFT JOIN call_analysis a ON a.call_id = k.id';
const contactJoin = `LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 ${analysisJoin} ${callBackJoin}`;

type OptionalFilters = 'from' | 'to' | 'direction' | 'disposition' | 'contactId' | 'search' | 'sentiment' | 'provider' | 'number' | 'tag';
export type ParsedCallListQuery = Required<Omit<CallListQuery, OptionalFilters>> & Pick<CallListQuery, OptionalFilters>;

const sortSql = {
  startedAt: (d: string) => `k.started_at ${d}, k.id ${d}`,
  durationSeconds: (d: string) => `k.duration_seconds ${d}, k.started_at DESC, k.id DESC`,
  disposition: (d: string) => `k.disposition ${d}, k.started_at DESC, k.id DESC`,
};

export function createCallQueries(sqlite: Sqlite) {
  const byId = sqlite.prepare<[string], CallRow>(`SELECT ${columns} FROM calls k ${contactJoin} WHERE k.id = ? AND k.cl % 2 = 1`);
  const contactByPhone = sqlite.prepare<[string], { id: string; name: string; contact_type: string }>(
    `SELECT c.id, c.name, c.contact_type FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
     WHERE p.e164 = ? AND c.cl % 2 = 1 ORDER BY c.updated_at DESC LIMIT 1`,
  );
  const unlinkedWithNumber = sqlite.prepare<[string], { id: string }>(
    `SELECT id FROM calls WHERE number = ? AND contact_id IS NULL AND cl % 2 = 1`,
  );

  const triage = createTriageQueries(sqlite);

  return {
    triage,
    get: (id: string) => byId.get(id),
    contactByPhone: (e164: string) => contactByPhone.get(e164),
    unlinkedWithNumber: (e164: string) => unlinkedWithNumber.all(e164).map((row) => row.id),
    list(query: ParsedCallListQuery): { total: number; rows: CallRow[] } {
      const { where, params, filterJoin, order } = callListFilter(query);
      // The page's ids are chosen from the index first and only those 50 rows are read whole: a
      // sort over thousands of matching calls then costs index entries, not table rows. The count
      // joins nothing it does not filter by.
      const rows = sqlite
        .prepare<unknown[], CallRow>(
          `SELECT ${columns} FROM calls k ${contactJoin}
           WHERE k.id IN (SELECT k.id FROM calls k ${filterJoin} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
           ORDER BY ${order}`,
        )
        .all(...params, query.limit, query.offset);
      const total = sqlite.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM calls k ${filterJoin} WHERE ${where}`).get(...params)!.n;
      return { total, rows };
    },
    /** Every call the list shows for these filters, in its order: ids only, for an export to read in chunks. */
    matchingIds(query: CallListFilter): string[] {
      const { where, params, filterJoin, order } = callListFilter(query);
      return sqlite.prepare(`SELECT k.id FROM calls k ${filterJoin} WHERE ${where} ORDER BY ${order}`).pluck().all(...params) as string[];
    },
    /** Whole rows of these calls (any order; the caller puts them back in its own). */
    rowsOf(ids: readonly string[]): CallRow[] {
      if (ids.length === 0) return [];
      return sqlite
        .prepare<unknown[], CallRow>(`SELECT ${columns} FROM calls k ${contactJoin} WHERE k.id IN (${ids.map(() => '?').join(', ')}) AND k.cl % 2 = 1`)
        .all(...ids);
    },
  };
}

/** What narrows the calls list and how it is sorted: the list's query without its page. */
export type CallListFilter = Omit<ParsedCallListQuery, 'offset' | 'limit'>;

/** The WHERE, joins and ORDER BY of the calls list: one place for the list, its count and its export. */
export function callListFilter(query: CallListFilter): { where: string; params: unknown[]; filterJoin: string; order: string } {
  const conditions = ['k.cl % 2 = 1'];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  if (query.from !== undefined) add('k.started_at >= ?', query.from);
  if (query.to !== undefined) add('k.started_at < ?', query.to);
  if (query.direction) add('k.direction = ?', query.direction);
  if (query.disposition) add('k.disposition = ?', query.disposition);
  if (query.contactId) add('k.contact_id = ?', query.contactId);
  if (query.number) add('k.number = ?', query.number);
  if (query.provider) add('k.provider = ?', query.provider);
  // Through call_tags_tag (tag COLLATE NOCASE, present, call_id): the tagged calls' ids, then those.
  if (query.tag) add('k.id IN (SELECT t.call_id FROM call_tags t WHERE t.tag = ? COLLATE NOCASE AND t.present = 1)', query.tag);
  if (query.sentiment) {
    const bounds = { positive: `a.sentiment >= ${sentimentCut}`, negative: `a.sentiment <= -${sentimentCut}`, neutral: `a.sentiment > -${sentimentCut} AND a.sentiment < ${sentimentCut}` };
    add(`(${bounds[query.sentiment]})`);
  }
  const words = query.search ? ftsQuery(query.search) : '';
  if (words) add('a.search_rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)', words);
  if (query.unansweredOnly) add(`k.status IN (${unansweredStatuses.map(() => '?').join(', ')})`, ...unansweredStatuses);
  const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    where: conditions.join(' AND '),
    params,
    filterJoin: query.sentiment || words ? analysisJoin : '',
    order: sortSql[query.sort.field](direction),
  };
}

/** Each word as a quoted prefix term, so what a person types never reads as FTS5 syntax. */
function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter(Boolean)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/** One call waiting in triage, as the queue lists it. */
export interface TriageRow extends CallBackColumns {
  id: string;
  reason: 'no_outcome' | 'call_back_due';
  /** Urgent: ticked as an emergency, or naming one of the office's emergency words. */
  emergency: number;
  emergency_keyword: string;
  direction: string;
  started_at: number;
  number: string;
  contact_name: string | null;
}

// Calls waiting for an outcome are read through calls_untriaged (a partial index of exactly them),
// so the queue costs the same with a thousand calls or a million.
const untriaged = `k.cl % 2 = 1 AND k.disposition = '' AND k.spam = 0`;
const triageColumns = `k.id, k.urgent AS emergency, k.emergency_keyword, k.direction, k.started_at, k.number, c.name AS contact_name, ${callBackColumns}`;
const triageContact = `LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 ${callBackJoin}`;

function createTriageQueries(sqlite: Sqlite) {
  const noOutcome = sqlite.prepare<[number, number], TriageRow>(
    `SELECT ${triageColumns}, 'no_outcome' AS reason FROM calls k INDEXED BY calls_untriaged ${triageContact}
     WHERE ${untriaged} AND k.urgent = ? ORDER BY k.started_at, k.id LIMIT ?`,
  );
  const noOutcomeCount = sqlite.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM calls k INDEXED BY calls_untriaged WHERE ${untriaged}`);
  // A call that has its outcome but whose promised call-back is due, read from the open follow-ups
  // by due time (follow_ups_open_due), most overdue first: one entry per call, however many follow-ups.
  const dueCallBacks = `FROM follow_ups f JOIN calls k ON k.id = f.call_id ${triageContact}
     WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at <= ? AND f.call_id IS NOT NULL
       AND k.cl % 2 = 1 AND k.disposition <> '' AND k.spam = 0`;
  const callBacksDue = sqlite.prepare<[number, number], TriageRow>(
    `SELECT ${triageColumns}, 'call_back_due' AS reason ${dueCallBacks} GROUP BY k.id ORDER BY MIN(f.due_at), k.id LIMIT ?`,
  );
  const callBacksDueCount = sqlite.prepare<[number], { n: number }>(`SELECT COUNT(DISTINCT k.id) AS n ${dueCallBacks}`);
  return {
    /** The calls without an outcome: emergencies first when `emergencyFirst`, else all by age. */
    withoutOutcome(emergencyFirst: boolean, limit: number): TriageRow[] {
      const urgent = noOutcome.all(1, limit);
      const rest = noOutcome.all(0, limit);
      if (emergencyFirst) return [...urgent, ...rest].slice(0, limit);
      return [...urgent, ...rest].sort((a, b) => a.started_at - b.started_at || (a.id < b.id ? -1 : 1)).slice(0, limit);
    },
    withoutOutcomeCount: () => noOutcomeCount.get()!.n,
    callBacksDue: (now: number, limit: number) => callBacksDue.all(now, limit),
    callBacksDueCount: (now: number) => callBacksDueCount.get(now)!.n,
  };
}
