import { unansweredStatuses } from '../../src-shared/domain/call';
import {
  type SegmentCriterion,
  type SegmentDefinition,
  type SegmentNode,
} from '../../src-shared/domain/segment';

// A segment definition as one SQL condition over `contacts c`, with every value a bound parameter
// (never text in the SQL). Each criterion reads the contact's own columns, or asks an EXISTS or an
// aggregate subquery of the tables keyed by contact (contact_tags, deals, jobs, calls, notes,
// quotes, lifecycle_events), each through its contact index. tests/main/segments/segment-oracle.ts
// says the same in plain JavaScript, and compile.property.test.ts holds the two together.
//
// Text compares ignoring case the way SQLite does (ASCII letters only), through COLLATE NOCASE
// and lower(); "contains" and "ends with" use instr and substr rather than LIKE, so % and _ in a
// value are plain characters.

/** A piece of SQL and the values of its `?`s, in order. */
export interface CompiledCondition {
  sql: string;
  params: unknown[];
}

export const dayMs = 24 * 60 * 60 * 1000;

/** What SQLite's lower() does: ASCII letters only. The evaluator uses it too. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

const columnOf = {
  name: 'c.name',
  company: 'c.company',
  jobTitle: 'c.job_title',
  city: 'c.address_city',
  region: 'c.address_region',
  postcode: 'c.address_postcode',
  country: 'c.address_country',
  contactType: 'c.contact_type',
  source: 'c.source',
  status: 'c.status',
  owner: 'c.owner',
} as const;

/**
 * The stage a contact is at: the newest one set, else the one its type or status implies (as
 * src-main/lifecycle/service.ts reads it), else NULL.
 */
export const lifecycleStageSql = `COALESCE(
  (SELECT e.stage FROM lifecycle_events e WHERE e.contact_id = c.id AND e.cl % 2 = 1 ORDER BY e.at DESC, e.id DESC LIMIT 1),
  CASE WHEN c.status = 'won' THEN 'customer'
       WHEN c.status IN ('lost', 'dormant') THEN NULL
       WHEN lower(trim(c.contact_type)) IN ('lead', 'prospect') THEN 'lead'
       WHEN lower(trim(c.contact_type)) IN ('customer', 'client') THEN 'customer'
  END)`;

/** A call someone picked up (as the score counts them, src-main/pipeline/queries.ts). */
const answered = `k.status NOT IN (${unansweredStatuses.map((status) => `'${status}'`).join(', ')})`;

/** When the contact was last spoken to on the phone, written to or noted about: the newest of the three, NULL if never. */
const lastContactSql = `NULLIF(MAX(
  COALESCE((SELECT MAX(k.started_at) FROM calls k WHERE k.contact_id = c.id AND k.cl % 2 = 1 AND ${answered}), -1),
  COALESCE((SELECT MAX(n.created_at) FROM notes n WHERE n.contact_id = c.id AND n.cl % 2 = 1), -1),
  COALESCE((SELECT MAX(m.sent_at) FROM contact_emails ce
              JOIN mail_message_addresses a ON a.address = ce.address
              JOIN mail_messages m ON m.id = a.message_id AND m.cl % 2 = 1
            WHERE ce.contact_id = c.id), -1)), -1)`;

/**
 * The lead score (src-main/pipeline/scores.ts) as SQL: the same points for the same facts, 0…100.
 * Parameters: the ends of the 2-week and 1-month windows of the last touch, then the start of the
 * 90 days whose calls and notes count (twice).
 */
const scoreSql = `MAX(0, MIN(100,
  (SELECT CASE WHEN t.at > ? THEN 20 WHEN t.at > ? THEN 10 ELSE 0 END FROM (SELECT MAX(
     COALESCE((SELECT MAX(n.created_at) FROM notes n WHERE n.contact_id = c.id AND n.cl % 2 = 1), -1),
     COALESCE((SELECT MAX(k.started_at) FROM calls k WHERE k.contact_id = c.id AND k.cl % 2 = 1 AND ${answered}), -1)) AS at) AS t)
  + CASE WHEN json_array_length(c.phones) > 0 THEN 10 ELSE 0 END
  + CASE WHEN json_array_length(c.emails) > 0 THEN 10 ELSE 0 END
  + CASE WHEN c.company != '' THEN 5 ELSE 0 END
  + CASE WHEN COALESCE(c.potential_value_minor, 0) > 0 THEN 15 ELSE 0 END
  + MIN(25, 5 * ((SELECT COUNT(*) FROM notes n WHERE n.contact_id = c.id AND n.cl % 2 = 1 AND n.created_at >= ?)
               + (SELECT COUNT(*) FROM calls k WHERE k.contact_id = c.id AND k.cl % 2 = 1 AND k.started_at >= ? AND ${answered})))
  + CASE WHEN EXISTS (SELECT 1 FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.contact_id = c.id AND d.cl % 2 = 1 AND s.outcome = 'open') THEN 15 ELSE 0 END
  - CASE WHEN c.do_not_contact = 1 THEN 40 ELSE 0 END))`;

function score(now: number): CompiledCondition {
  const since90 = now - 90 * dayMs;
  return { sql: `(${scoreSql})`, params: [now - 15 * dayMs, now - 31 * dayMs, since90, since90] };
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

type Expr = CompiledCondition;

const expr = (sql: string, ...params: unknown[]): Expr => ({ sql, params });

/** Joins pieces (strings are plain SQL) into one, with their parameters in the order they appear. */
function join(...parts: (string | Expr)[]): Expr {
  const out: Expr = { sql: '', params: [] };
  for (const part of parts) {
    if (typeof part === 'string') out.sql += part;
    else {
      out.sql += part.sql;
      out.params.push(...part.params);
    }
  }
  return out;
}

const values = (criterion: SegmentCriterion) => (Array.isArray(criterion.value) ? (criterion.value as string[]) : [criterion.value as string]);
const isNegative = (criterion: SegmentCriterion) => criterion.op === 'not_equals' || criterion.op === 'not_in';

/** A text comparison. A NULL value (no stage, no such custom field) is "not" anything and matches nothing else. */
function text(e: Expr, criterion: SegmentCriterion): Expr {
  const { op, value } = criterion;
  switch (op) {
    case 'equals':
      return join(e, expr(' = ? COLLATE NOCASE', value));
    case 'not_equals':
      return join('COALESCE(', e, expr(' != ? COLLATE NOCASE, 1)', value));
    case 'in':
      return join(e, expr(` COLLATE NOCASE IN (${placeholders(values(criterion))})`, ...values(criterion)));
    case 'not_in':
      return join('COALESCE(', e, expr(` COLLATE NOCASE NOT IN (${placeholders(values(criterion))}), 1)`, ...values(criterion)));
    case 'contains':
      return join('instr(lower(', e, expr('), lower(?)) > 0', value));
    case 'ends_with':
      return join('(length(', e, expr(') >= length(?) AND substr(lower(', value), e, expr('), -length(?)) = lower(?))', value, value));
    default:
      throw new Error(`no text operator ${op}`);
  }
}

/** A numeric comparison. NULL (no value) matches only "is not". */
function number(e: Expr, criterion: SegmentCriterion): Expr {
  const { op, value } = criterion;
  switch (op) {
    case 'equals':
      return join(e, expr(' = ?', value));
    case 'not_equals':
      return join('COALESCE(', e, expr(' != ?, 1)', value));
    case 'gte':
      return join(e, expr(' >= ?', value));
    case 'lte':
      return join(e, expr(' <= ?', value));
    case 'between':
      return join(e, expr(' BETWEEN ? AND ?', ...(value as [number, number])));
    default:
      throw new Error(`no number operator ${op}`);
  }
}

function date(e: Expr, criterion: SegmentCriterion, now: number): Expr {
  const { op, value } = criterion;
  switch (op) {
    case 'before':
      return join(e, expr(' < ?', value));
    case 'after':
      return join(e, expr(' > ?', value));
    case 'between':
      return join(e, expr(' BETWEEN ? AND ?', ...(value as [number, number])));
    case 'in_last_days':
      return join(e, expr(' >= ?', now - (value as number) * dayMs));
    default:
      throw new Error(`no date operator ${op}`);
  }
}

/** "Has one that is …" for is and is any of; "has none that is …" for is not and is none of. */
function membership(from: string, column: string, criterion: SegmentCriterion): Expr {
  const wanted = values(criterion);
  const found = expr(`EXISTS (SELECT 1 FROM ${from} AND ${column} COLLATE NOCASE IN (${placeholders(wanted)}))`, ...wanted);
  return isNegative(criterion) ? join('NOT ', found) : found;
}

function email(criterion: SegmentCriterion): Expr {
  // Any of the contact's addresses (kept lower-case in contact_emails): "is" and "contains" match
  // when one does; "is not" and "is none of" when none does.
  const negative = isNegative(criterion);
  const positive: SegmentCriterion = negative ? { ...criterion, op: criterion.op === 'not_equals' ? 'equals' : 'in' } : criterion;
  const exists = join('EXISTS (SELECT 1 FROM contact_emails ce WHERE ce.contact_id = c.id AND ', text(expr('ce.address'), positive), ')');
  return negative ? join('NOT ', exists) : exists;
}

function quote(criterion: SegmentCriterion, condition: string, now: number): Expr {
  const exists = expr(`EXISTS (SELECT 1 FROM quotes q WHERE q.contact_id = c.id AND q.cl % 2 = 1 AND ${condition})`, now);
  return criterion.value ? exists : join('NOT ', exists);
}

/**
 * "Not reached in at least N days" (N ≥ 1), the common question, as three NOT EXISTS seeks past the
 * cutoff through each table's contact index: whole days since ≥ N exactly when nothing happened
 * after now − ⌈N⌉ days. The same answer as the general form below, several times faster at 100k.
 */
function quietSince(cutoff: number): Expr {
  return expr(
    `(NOT EXISTS (SELECT 1 FROM calls k WHERE k.contact_id = c.id AND k.cl % 2 = 1 AND k.started_at > ? AND ${answered})
      AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.contact_id = c.id AND n.cl % 2 = 1 AND n.created_at > ?)
      AND NOT EXISTS (SELECT 1 FROM contact_emails ce JOIN mail_message_addresses a ON a.address = ce.address
                      JOIN mail_messages m ON m.id = a.message_id AND m.cl % 2 = 1 WHERE ce.contact_id = c.id AND m.sent_at > ?))`,
    cutoff,
    cutoff,
    cutoff,
  );
}

function lastContact(criterion: SegmentCriterion, now: number): Expr {
  if (criterion.op === 'gte' && (criterion.value as number) >= 1) return quietSince(now - Math.ceil(criterion.value as number) * dayMs);
  // Whole days since; a contact never called, written to or noted about counts as longer ago
  // than any number: "at least 90 days" and "is not 3" find them, the others do not.
  const never = criterion.op === 'gte' || criterion.op === 'not_equals' ? 1 : 0;
  // Whole days, cut toward zero as Math.trunc does (the bound time may arrive as a real number).
  const compared = number(expr(`CAST((? - last_at.at) / ${dayMs} AS INTEGER)`, now), criterion);
  return join(`(SELECT CASE WHEN last_at.at IS NULL THEN ${never} ELSE `, compared, ` END FROM (SELECT ${lastContactSql} AS at) AS last_at)`);
}

function customValue(criterion: SegmentCriterion, jsonTypes: string): Expr {
  const path = `$."${criterion.key}"`;
  return expr(`(CASE WHEN json_type(c.custom_fields, ?) IN (${jsonTypes}) THEN json_extract(c.custom_fields, ?) END)`, path, path);
}

function compileCriterion(criterion: SegmentCriterion, now: number): Expr {
  const { field } = criterion;
  switch (field) {
    case 'name':
    case 'company':
    case 'jobTitle':
    case 'city':
    case 'region':
    case 'postcode':
    case 'country':
    case 'contactType':
    case 'source':
    case 'status':
    case 'owner':
      return text(expr(columnOf[field]), criterion);
    case 'email':
      return email(criterion);
    case 'tags':
      return membership('contact_tags t WHERE t.contact_id = c.id AND t.present = 1', 't.tag', criterion);
    case 'doNotContact':
      return expr('c.do_not_contact = ?', criterion.value ? 1 : 0);
    case 'createdAt':
      return date(expr('c.created_at'), criterion, now);
    case 'lifecycle':
      return text(expr(lifecycleStageSql), criterion);
    case 'potentialValue':
      return number(expr('c.potential_value_minor'), criterion);
    case 'score':
      return number(score(now), criterion);
    case 'grade':
      // The grade's bands as src-shared/domain/score.ts draws them (gradeOf), over the score worked out once.
      return text(join("(SELECT CASE WHEN g.score >= 70 THEN 'A' WHEN g.score >= 50 THEN 'B' WHEN g.score >= 30 THEN 'C' ELSE 'D' END FROM (SELECT ", score(now), ' AS score) AS g)'), criterion);
    case 'dealStage':
      return membership('deals d WHERE d.contact_id = c.id AND d.cl % 2 = 1', 'd.stage_id', criterion);
    case 'dealCount':
      return number(expr('(SELECT COUNT(*) FROM deals d WHERE d.contact_id = c.id AND d.cl % 2 = 1)'), criterion);
    case 'openDealValue':
      return number(
        expr(`(SELECT COALESCE(SUM(d.value_minor), 0) FROM deals d JOIN stages s ON s.id = d.stage_id
               WHERE d.contact_id = c.id AND d.cl % 2 = 1 AND s.outcome = 'open')`),
        criterion,
      );
    case 'hasOpenQuote':
      return quote(criterion, `q.status IN ('draft', 'sent') AND (q.valid_until IS NULL OR q.valid_until >= ?)`, now);
    case 'hasExpiredQuote':
      return quote(criterion, `(q.status = 'expired' OR (q.status = 'sent' AND q.valid_until < ?))`, now);
    case 'lastContactDays':
      return lastContact(criterion, now);
    case 'callsInLastDays':
      return number(
        expr('(SELECT COUNT(*) FROM calls k WHERE k.contact_id = c.id AND k.cl % 2 = 1 AND k.started_at >= ?)', now - criterion.days! * dayMs),
        criterion,
      );
    case 'jobStatus':
      return membership('jobs j WHERE j.contact_id = c.id AND j.cl % 2 = 1', 'j.status', criterion);
    case 'jobCount':
      return number(expr('(SELECT COUNT(*) FROM jobs j WHERE j.contact_id = c.id AND j.cl % 2 = 1)'), criterion);
    case 'customText':
      return text(customValue(criterion, "'text'"), criterion);
    case 'customNumber':
      return number(customValue(criterion, "'integer', 'real'"), criterion);
    default: {
      const unknown: never = field;
      throw new Error(`no compiler for ${String(unknown)}`);
    }
  }
}

function compileNode(node: SegmentNode, now: number): Expr {
  if (node.type === 'criterion') return compileCriterion(node, now);
  // An empty group places no condition: a group the user has not filled in yet.
  const parts = node.children.map((child) => compileNode(child, now));
  if (parts.length === 0) return expr('1');
  if (parts.length === 1) return parts[0]!;
  const glue = node.join === 'and' ? ' AND ' : ' OR ';
  return join('(', ...parts.flatMap((part, index) => (index === 0 ? [part] : [glue, part])), ')');
}

/** The definition as a condition over `contacts c` (live contacts are the caller's to require). */
export function compileSegment(definition: SegmentDefinition, now: number): CompiledCondition {
  return compileNode(definition, now);
}
