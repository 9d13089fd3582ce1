import type { Sqlite } from '../../../src-main/db/open';
import { asciiLower, dayMs } from '../../../src-main/segments/compile';
import type { SegmentCriterion, SegmentNode } from '../../../src-shared/domain/segment';

// The meaning of a segment, said plainly in JavaScript over contacts held in memory: the oracle
// the compiled SQL is held to (compile.property.test.ts). It reads no SQL, so a mistake in the
// compiler cannot hide in both.

export interface WorldContact {
  id: string;
  alive: boolean;
  name: string;
  company: string;
  jobTitle: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  contactType: string;
  source: string;
  status: string;
  owner: string;
  doNotContact: boolean;
  createdAt: number;
  potentialValueMinor: number | null;
  customFields: Record<string, string | number | null>;
  emails: string[];
  /** Whether the contact has a phone number (the score counts it). */
  hasPhone: boolean;
  tags: { tag: string; present: boolean }[];
  lifecycle: { stage: string; at: number; alive: boolean }[];
  deals: { stageId: string; valueMinor: number; alive: boolean }[];
  quotes: { status: string; validUntil: number | null; alive: boolean }[];
  calls: { startedAt: number; alive: boolean; status: string }[];
  notes: { createdAt: number; alive: boolean }[];
  jobs: { status: string; alive: boolean }[];
}

export interface World {
  contacts: WorldContact[];
  /** Mail: when sent, to and from which addresses. */
  mail: { sentAt: number; addresses: string[]; alive: boolean }[];
  /** Deal stages and whether each is open. */
  stages: { id: string; outcome: 'open' | 'won' | 'lost' }[];
  /**
   * Each contact's lead score and grade as the contact page shows them (src-main/pipeline/scores.ts
   * over the stored world): score criteria are held to what people see, not to a second copy of
   * the rules.
   */
  scores?: Map<string, { leadScore: number; grade: string }>;
}

const same = (a: string, b: string) => asciiLower(a) === asciiLower(b);
const live = <T extends { alive: boolean }>(items: T[]) => items.filter((item) => item.alive);

function text(value: string | null, criterion: SegmentCriterion): boolean {
  const wanted = criterion.value;
  switch (criterion.op) {
    case 'equals':
      return value !== null && same(value, wanted as string);
    case 'not_equals':
      return value === null || !same(value, wanted as string);
    case 'in':
      return value !== null && (wanted as string[]).some((one) => same(value, one));
    case 'not_in':
      return value === null || !(wanted as string[]).some((one) => same(value, one));
    case 'contains':
      return value !== null && asciiLower(value).includes(asciiLower(wanted as string));
    case 'ends_with':
      return value !== null && asciiLower(value).endsWith(asciiLower(wanted as string));
    default:
      throw new Error(`text ${criterion.op}`);
  }
}

function number(value: number | null, criterion: SegmentCriterion): boolean {
  const wanted = criterion.value;
  if (criterion.op === 'not_equals') return value === null || value !== wanted;
  if (value === null) return false;
  switch (criterion.op) {
    case 'equals':
      return value === wanted;
    case 'gte':
      return value >= (wanted as number);
    case 'lte':
      return value <= (wanted as number);
    case 'between':
      return value >= (wanted as number[])[0]! && value <= (wanted as number[])[1]!;
    default:
      throw new Error(`number ${criterion.op}`);
  }
}

function date(value: number, criterion: SegmentCriterion, now: number): boolean {
  const wanted = criterion.value;
  switch (criterion.op) {
    case 'before':
      return value < (wanted as number);
    case 'after':
      return value > (wanted as number);
    case 'between':
      return value >= (wanted as number[])[0]! && value <= (wanted as number[])[1]!;
    case 'in_last_days':
      return value >= now - (wanted as number) * dayMs;
    default:
      throw new Error(`date ${criterion.op}`);
  }
}

/** Has one of these (is, is any of), or has none (is not, is none of). */
function membership(have: string[], criterion: SegmentCriterion): boolean {
  const wanted = Array.isArray(criterion.value) ? (criterion.value as string[]) : [criterion.value as string];
  const found = have.some((value) => wanted.some((one) => same(value, one)));
  return criterion.op === 'not_equals' || criterion.op === 'not_in' ? !found : found;
}

function impliedStage(contact: WorldContact): string | null {
  if (contact.status === 'won') return 'customer';
  if (contact.status === 'lost' || contact.status === 'dormant') return null;
  const type = asciiLower(contact.contactType.replace(/^ +| +$/g, ''));
  if (type === 'lead' || type === 'prospect') return 'lead';
  if (type === 'customer' || type === 'client') return 'customer';
  return null;
}

function stageOf(contact: WorldContact): string | null {
  // Newest by time, then by id; the world's lifecycle ids are their index, written as zero-padded text.
  const events = contact.lifecycle.map((event, index) => ({ ...event, index })).filter((event) => event.alive);
  events.sort((a, b) => b.at - a.at || b.index - a.index);
  return events[0]?.stage ?? impliedStage(contact);
}

function lastContactAt(contact: WorldContact, world: World): number | null {
  const times = [
    ...live(contact.calls)
      .filter((call) => !['busy', 'failed', 'no-answer', 'canceled'].includes(call.status))
      .map((call) => call.startedAt),
    ...live(contact.notes).map((note) => note.createdAt),
    ...live(world.mail)
      .filter((message) => message.addresses.some((address) => contact.emails.includes(address)))
      .map((message) => message.sentAt),
  ];
  return times.length === 0 ? null : Math.max(...times);
}

function criterion(contact: WorldContact, world: World, rule: SegmentCriterion, now: number): boolean {
  switch (rule.field) {
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
      return text(contact[rule.field], rule);
    case 'email': {
      const negative = rule.op === 'not_equals' || rule.op === 'not_in';
      const positive = negative ? { ...rule, op: rule.op === 'not_equals' ? ('equals' as const) : ('in' as const) } : rule;
      const found = contact.emails.some((address) => text(address, positive));
      return negative ? !found : found;
    }
    case 'tags':
      return membership(contact.tags.filter((tag) => tag.present).map((tag) => tag.tag), rule);
    case 'doNotContact':
      return contact.doNotContact === rule.value;
    case 'createdAt':
      return date(contact.createdAt, rule, now);
    case 'lifecycle':
      return text(stageOf(contact), rule);
    case 'potentialValue':
      return number(contact.potentialValueMinor, rule);
    case 'score':
      return number(world.scores!.get(contact.id)!.leadScore, rule);
    case 'grade':
      return text(world.scores!.get(contact.id)!.grade, rule);
    case 'dealStage':
      return membership(live(contact.deals).map((deal) => deal.stageId), rule);
    case 'dealCount':
      return number(live(contact.deals).length, rule);
    case 'openDealValue': {
      const open = new Set(world.stages.filter((stage) => stage.outcome === 'open').map((stage) => stage.id));
      return number(live(contact.deals).filter((deal) => open.has(deal.stageId)).reduce((sum, deal) => sum + deal.valueMinor, 0), rule);
    }
    case 'hasOpenQuote':
      return live(contact.quotes).some((q) => (q.status === 'draft' || q.status === 'sent') && (q.validUntil === null || q.validUntil >= now)) === rule.value;
    case 'hasExpiredQuote':
      return live(contact.quotes).some((q) => q.status === 'expired' || (q.status === 'sent' && q.validUntil !== null && q.validUntil < now)) === rule.value;
    case 'lastContactDays': {
      const last = lastContactAt(contact, world);
      if (last === null) return rule.op === 'gte' || rule.op === 'not_equals';
      return number(Math.trunc((now - last) / dayMs), rule);
    }
    case 'callsInLastDays':
      return number(live(contact.calls).filter((call) => call.startedAt >= now - rule.days! * dayMs).length, rule);
    case 'jobStatus':
      return membership(live(contact.jobs).map((job) => job.status), rule);
    case 'jobCount':
      return number(live(contact.jobs).length, rule);
    case 'customText': {
      const value = contact.customFields[rule.key!];
      return text(typeof value === 'string' ? value : null, rule);
    }
    case 'customNumber': {
      const value = contact.customFields[rule.key!];
      return number(typeof value === 'number' ? value : null, rule);
    }
  }
}

export function matches(contact: WorldContact, world: World, node: SegmentNode, now: number): boolean {
  if (node.type === 'criterion') return criterion(contact, world, node, now);
  if (node.children.length === 0) return true;
  return node.join === 'and'
    ? node.children.every((child) => matches(contact, world, child, now))
    : node.children.some((child) => matches(contact, world, child, now));
}

/** Writes the world into a database's tables, as the write path would have left them. */
export function storeWorld(sqlite: Sqlite, world: World): void {
  for (const table of ['contacts', 'contact_emails', 'contact_tags', 'lifecycle_events', 'stages', 'deals', 'quotes', 'calls', 'notes', 'jobs', 'mail_messages', 'mail_message_addresses']) {
    sqlite.prepare(`DELETE FROM ${table}`).run();
  }
  const cl = (alive: boolean) => (alive ? 1 : 2);
  const insert = (sql: string) => sqlite.prepare(sql);
  const contact = insert(`INSERT INTO contacts (id, name, company, job_title, address_city, address_region, address_postcode, address_country,
    contact_type, source, status, owner, do_not_contact, created_at, potential_value_minor, custom_fields, emails, phones, cl)
    VALUES (@id, @name, @company, @jobTitle, @city, @region, @postcode, @country, @contactType, @source, @status, @owner, @dnc, @createdAt,
    @potentialValueMinor, @custom, @emailList, @phoneList, @cl)`);
  const email = insert('INSERT INTO contact_emails (contact_id, position, type, address) VALUES (?, ?, ?, ?)');
  const tag = insert('INSERT INTO contact_tags (id, contact_id, tag, present) VALUES (?, ?, ?, ?)');
  const lifecycle = insert('INSERT INTO lifecycle_events (id, contact_id, stage, at, cl) VALUES (?, ?, ?, ?, ?)');
  const deal = insert('INSERT INTO deals (id, contact_id, stage_id, value_minor, cl) VALUES (?, ?, ?, ?, ?)');
  const quote = insert('INSERT INTO quotes (id, contact_id, status, valid_until, cl) VALUES (?, ?, ?, ?, ?)');
  const call = insert('INSERT INTO calls (id, contact_id, started_at, status, cl) VALUES (?, ?, ?, ?, ?)');
  const note = insert('INSERT INTO notes (id, contact_id, created_at, cl) VALUES (?, ?, ?, ?)');
  const job = insert('INSERT INTO jobs (id, contact_id, status, cl) VALUES (?, ?, ?, ?)');
  for (const stage of world.stages) insert('INSERT INTO stages (id, outcome) VALUES (?, ?)').run(stage.id, stage.outcome);
  world.mail.forEach((message, index) => {
    insert('INSERT INTO mail_messages (id, sent_at, cl) VALUES (?, ?, ?)').run(`m${index}`, message.sentAt, cl(message.alive));
    for (const address of new Set(message.addresses)) insert("INSERT INTO mail_message_addresses (message_id, address, role) VALUES (?, ?, 'to')").run(`m${index}`, address);
  });
  for (const c of world.contacts) {
    contact.run({
      ...c,
      dnc: c.doNotContact ? 1 : 0,
      custom: JSON.stringify(c.customFields),
      emailList: JSON.stringify(c.emails.map((address) => ({ type: 'work', address }))),
      phoneList: c.hasPhone ? '[{"type":"mobile","e164":"+447700900123"}]' : '[]',
      cl: cl(c.alive),
    });
    c.emails.forEach((address, index) => email.run(c.id, index, 'work', address));
    c.tags.forEach((t, index) => tag.run(`${c.id}:t${index}`, c.id, t.tag, t.present ? 1 : 0));
    c.lifecycle.forEach((e, index) => lifecycle.run(`${c.id}:l${String(index).padStart(3, '0')}`, c.id, e.stage, e.at, cl(e.alive)));
    c.deals.forEach((d, index) => deal.run(`${c.id}:d${index}`, c.id, d.stageId, d.valueMinor, cl(d.alive)));
    c.quotes.forEach((q, index) => quote.run(`${c.id}:q${index}`, c.id, q.status, q.validUntil, cl(q.alive)));
    c.calls.forEach((k, index) => call.run(`${c.id}:k${index}`, c.id, k.startedAt, k.status, cl(k.alive)));
    c.notes.forEach((n, index) => note.run(`${c.id}:n${index}`, c.id, n.createdAt, cl(n.alive)));
    c.jobs.forEach((j, index) => job.run(`${c.id}:j${index}`, c.id, j.status, cl(j.alive)));
  }
}
