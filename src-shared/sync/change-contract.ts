import { z } from 'zod';
import { ErasedRowsSchema } from './erasure';
import { callDirections, callStatuses } from '../domain/call';
import { contactKinds, contactStatuses, CustomFieldValueSchema, CustomFieldValuesSchema, emailTypes, EpochMsSchema, phoneTypes } from '../domain/contact';
import { fileCategories } from '../domain/file';
import { jobPriorities, jobStatuses } from '../domain/job';
import { lifecycleStages } from '../domain/lifecycle';
import { followUpPriorities } from '../domain/follow-up';
import { noteKinds } from '../domain/note';
import { stageOutcomes } from '../domain/pipeline';
import { quoteStatuses } from '../domain/quote';
import { maxStaticMembers, SegmentDefinitionSchema, segmentKinds } from '../domain/segment';
import { ViewStateSchema, viewListIds } from '../domain/saved-view';

// What a value of each synced column may be, as a change carries it (string, number or null):
// the contract every change from another device is checked against before it is applied on a
// laptop (src-main/sync/remote-validation.ts), and before the relay stores it
// (src-relay/routes/push.ts). Types, NOT NULL, lengths and enums come from the domain schemas;
// every text must be storable (no NUL, no broken UTF-16), which PostgreSQL and SQLite's text
// functions need. A column this contract does not list is for a newer version: the laptop keeps
// such a change aside until it understands it (pending_changes), the relay passes it on.
// When adding a synced column: src-main/writes/synced-tables.ts, the schema, and here.

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL (the relay) and every laptop can store: no NUL, no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !loneSurrogate.test(text);
}

/** The text with NUL dropped and each unpaired surrogate made U+FFFD, as browsers do. */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replaceAll('\u0000', '').replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD');
}

const storable = 'contains a NUL or a broken Unicode character';
const text = (max: number) => z.string().max(max).refine(isStorableText, storable);
const rowRef = text(200);
const optionalRowRef = rowRef.nullable();
const flag = z.union([z.literal(0), z.literal(1)]);
const epochMs = EpochMsSchema;
const optionalEpochMs = EpochMsSchema.nullable();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const signedAmount = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const basisPoints = z.number().int().min(0).max(10_000);
const currency = z.string().regex(/^[A-Z]{3}$/, 'not a currency code');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');
/** The causal length: odd = alive, even = deleted. */
const causalLength = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** Where an item stands in its contact's list (the lowest is the primary one). */
const itemPosition = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** A column holding JSON text (lists, custom fields), checked as the JSON it must be. */
function json<S extends z.ZodType>(schema: S, maxChars: number) {
  return text(maxChars).superRefine((value, context) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'is not JSON' });
      return;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) context.addIssue({ code: 'custom', message: `is not the JSON this column holds (${result.error.issues[0]?.message ?? 'wrong shape'})` });
  });
}

const storedPhones = z.array(z.object({ type: z.enum(phoneTypes), e164: text(40) })).max(20);
const storedEmails = z.array(z.object({ type: z.enum(emailTypes), address: text(254) })).max(20);
const quoteLines = z
  .array(
    z.object({
      description: text(2000),
      quantityMilli: z.number().int(),
      unitPriceMinor: z.number().int(),
      discountBp: z.number().int(),
      taxRateBp: z.number().int(),
    }),
  )
  .max(500);

export const syncedColumnContract = {
  contacts: {
    kind: z.enum(contactKinds),
    name: text(200),
    company: text(200),
    job_title: text(200),
    phones: json(storedPhones, 20_000),
    emails: json(storedEmails, 20_000),
    address_street: text(200),
    address_city: text(100),
    address_region: text(100),
    address_postcode: text(20),
    address_country: text(100),
    contact_type: text(60),
    status: z.enum(contactStatuses),
    owner: text(120),
    source: text(200),
    potential_value_minor: count.nullable(),
    potential_value_currency: currency.nullable(),
    summary: text(5000),
    do_not_contact: flag,
    custom_fields: json(CustomFieldValuesSchema, 200_000),
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
    company_id: optionalRowRef,
    decision_maker: flag,
    merged_into: optionalRowRef,
  },
  contact_tags: { contact_id: rowRef, tag: text(40), present: flag },
  // One phone, e-mail or custom field value of a contact (src-main/contacts/list-items.ts).
  contact_phone_items: { contact_id: rowRef, type: z.enum(phoneTypes), e164: text(40), position: itemPosition, cl: causalLength },
  contact_email_items: { contact_id: rowRef, type: z.enum(emailTypes), address: text(254), position: itemPosition, cl: causalLength },
  contact_custom_values: { contact_id: rowRef, field_id: text(64), value: json(CustomFieldValueSchema, 20_000) },
  notes: { contact_id: rowRef, kind: z.enum(noteKinds), body: text(100_000), pinned: flag, author: text(120), created_at: epochMs, updated_at: epochMs, cl: causalLength },
  follow_ups: {
    contact_id: rowRef,
    call_id: optionalRowRef,
    title: text(500),
    due_at: epochMs,
    assignee: text(120),
    priority: z.enum(followUpPriorities),
    done_at: optionalEpochMs,
    sla_rule_id: optionalRowRef,
    created_by: text(120),
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
    done_by: text(120),
  },
  calls: {
    contact_id: optionalRowRef,
    direction: z.enum(callDirections),
    number: text(40),
    started_at: epochMs,
    duration_seconds: count,
    status: z.enum(callStatuses),
    disposition: text(200),
    notes: text(100_000),
    recording_sha256: sha256.nullable(),
    transcript: text(500_000),
    provider: text(60),
    provider_id: text(200).nullable(),
    spam: flag,
    emergency: flag,
    logged_by: text(120),
    created_at: epochMs,
    cl: causalLength,
    value_estimate_minor: count.nullable(),
  },
  call_tags: { call_id: rowRef, tag: text(40), present: flag },
  files: {
    contact_id: rowRef,
    sha256,
    name: text(255),
    mime_type: text(255),
    size_bytes: count,
    category: z.enum(fileCategories),
    added_by: text(120),
    created_at: epochMs,
    deleted_at: optionalEpochMs,
    cl: causalLength,
  },
  pipelines: { name: text(120), position: z.number().int(), created_at: epochMs, cl: causalLength },
  stages: {
    pipeline_id: rowRef,
    name: text(120),
    position: z.number().int(),
    probability_bp: basisPoints,
    expected_days: count.nullable(),
    outcome: z.enum(stageOutcomes),
    cl: causalLength,
  },
  deals: {
    contact_id: rowRef,
    pipeline_id: rowRef,
    stage_id: rowRef,
    title: text(200),
    value_minor: signedAmount,
    currency,
    probability_bp: basisPoints.nullable(),
    expected_close_at: optionalEpochMs,
    owner: text(120),
    source: text(200),
    close_reason: text(500),
    closed_at: optionalEpochMs,
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
  },
  deal_stage_events: { deal_id: rowRef, pipeline_id: rowRef, from_stage_id: optionalRowRef, to_stage_id: rowRef, at: epochMs, moved_by: text(120) },
  quotes: {
    deal_id: rowRef,
    contact_id: rowRef,
    number: text(60),
    status: z.enum(quoteStatuses),
    currency,
    lines: json(quoteLines, 500_000),
    notes: text(10_000),
    valid_until: optionalEpochMs,
    sent_at: optionalEpochMs,
    file_id: optionalRowRef,
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
  },
  jobs: {
    contact_id: rowRef,
    deal_id: optionalRowRef,
    call_id: optionalRowRef,
    title: text(200),
    description: text(20_000),
    status: z.enum(jobStatuses),
    priority: z.enum(jobPriorities),
    assignee: text(120),
    scheduled_at: optionalEpochMs,
    address: text(500),
    invoiced_minor: count.nullable(),
    currency,
    paid_at: optionalEpochMs,
    created_by: text(120),
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
    reach_phone: text(40),
    reach_email: text(254),
    reach_company: text(200),
  },
  referrals: {
    contact_id: rowRef,
    partner_id: rowRef,
    created_at: epochMs,
    by: text(120),
    cl: causalLength,
  },
  lifecycle_events: {
    contact_id: rowRef,
    stage: z.enum(lifecycleStages),
    previous_stage: z.enum(lifecycleStages).nullable(),
    at: epochMs,
    by: text(120),
    cl: causalLength,
  },
  companies: {
    name: text(200),
    domains: json(z.array(text(253)).max(20), 6000),
    address: text(500),
    phone: text(40),
    notes: text(20_000),
    primary_contact_id: optionalRowRef,
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
    merged_into: optionalRowRef,
  },
  /** A person forgotten: only the ids of the rows erased (src-shared/sync/erasure.ts). */
  erasures: {
    rows: json(ErasedRowsSchema, 1_000_000),
    erased_at: epochMs,
    erased_by: text(120),
  },
  /** Saved segments: a definition the builder could have made, or the change is set aside with why. */
  segments: {
    name: text(120),
    kind: z.enum(segmentKinds),
    definition: json(SegmentDefinitionSchema, 200_000),
    member_ids: json(z.array(rowRef).max(maxStaticMembers), 10_000_000),
    owner: text(120),
    shared: flag,
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
  },
  /** One member of a static segment: ids only. */
  segment_members: { segment_id: rowRef, contact_id: rowRef, cl: causalLength },
  /** Saved views of the lists: filters, sort and columns a screen can read, or the change is set aside with why. */
  saved_views: {
    name: text(80),
    list_id: z.enum(viewListIds),
    state: json(ViewStateSchema, 200_000),
    owner: text(120),
    shared: flag,
    created_at: epochMs,
    updated_at: epochMs,
    cl: causalLength,
  },
} as const satisfies Record<string, Record<string, z.ZodType>>;

export type ContractTable = keyof typeof syncedColumnContract;

const hlcPattern = /^\d{15}-\d{5}-.{1,64}$/s;

export type ChangeVerdict =
  /** Every field is one this version knows and holds a value it may hold. */
  | { kind: 'valid' }
  /** A table or column this version does not know: kept until an upgrade knows it. */
  | { kind: 'unknown'; reason: string }
  | { kind: 'invalid'; reason: string };

/** Checks one change's record against the contract; `reason` says, for a person, what is wrong. */
export function checkChange(change: { hlc: string; tableName: string; rowId: string; fields: Record<string, unknown>; author: string }): ChangeVerdict {
  if (!hlcPattern.test(change.hlc) || !isStorableText(change.hlc)) return { kind: 'invalid', reason: 'its clock is not a hybrid logical clock' };
  if (typeof change.rowId !== 'string' || change.rowId.length === 0 || change.rowId.length > 200 || !isStorableText(change.rowId)) {
    return { kind: 'invalid', reason: 'its row id is not a valid id' };
  }
  if (typeof change.author !== 'string' || change.author.length > 120 || !isStorableText(change.author)) {
    return { kind: 'invalid', reason: 'its author is not a valid name' };
  }
  const names = Object.keys(change.fields);
  if (names.length === 0) return { kind: 'invalid', reason: 'it changes no field' };
  if (!Object.prototype.hasOwnProperty.call(syncedColumnContract, change.tableName)) {
    return { kind: 'unknown', reason: `the table "${change.tableName}" is not known to this version` };
  }
  const columns = syncedColumnContract[change.tableName as ContractTable] as Record<string, z.ZodType>;
  const unknown = names.filter((name) => !Object.prototype.hasOwnProperty.call(columns, name));
  for (const name of names) {
    if (unknown.includes(name)) continue;
    const result = columns[name]!.safeParse(change.fields[name]);
    if (!result.success) {
      const value = change.fields[name];
      const shown = value === null ? 'empty' : typeof value === 'string' ? `text of ${value.length} characters` : typeof value;
      return { kind: 'invalid', reason: `${change.tableName}.${name} cannot be ${shown}: ${result.error.issues[0]?.message ?? 'not accepted'}` };
    }
  }
  if (unknown.length > 0) return { kind: 'unknown', reason: `${change.tableName}.${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not known to this version` };
  return { kind: 'valid' };
}
