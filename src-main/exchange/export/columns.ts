import {
  customColumnHeader,
  customColumnPrefix,
  exportColumns,
  exportPresetColumns,
  type ExportEntity,
  type ExportPreset,
} from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors';
import type { CallRow } from '../../calls/queries';
import type { SqlRow } from '../../db/rows';
import type { notes } from '../../db/schema';
import type { FollowUpRow } from '../../followups/queries';
import { valueLabel, yesNoLabel } from '../../../src-shared/domain/labels';
import { localDateTime } from '../../../src-shared/office-time';
import { formatPhoneForPeople } from '../../../src-shared/phone';
import { formatIsoMoment, formatMinorUnits } from '../formats/values';
import type { ExportedContact } from './contact-row';

// The value of every export column. Headers and the preset lists live in
// src-shared/domain/exchange.ts (the export dialog shows them); the import side reads the
// standard columns back in header-mapping.ts + contact-builder.ts.

export type NoteExportRow = Omit<SqlRow<typeof notes>, 'cl' | 'search_rowid'> & { contact_name: string };

export type FollowUpExportRow = FollowUpRow;

export type CallExportRow = Omit<CallRow, 'recording_sha256' | 'transcript'>;

export interface ExportRowTypes {
  contacts: ExportedContact;
  notes: NoteExportRow;
  followUps: FollowUpExportRow;
  calls: CallExportRow;
}

export interface FormatOptions {
  decimalComma: boolean;
  /**
   * Set for files people read (the accountant preset): dates in the office's time zone without
   * milliseconds, values as the screens label them, phones as the office writes them. Without it
   * every value is as stored, so the standard export imports back unchanged.
   */
  forPeople?: { timeZone: string; region: string };
}

/** `text` values are typed by people and get formula protection; the others Fieldbook wrote itself. */
export interface ColumnDef<Row> {
  key: string;
  header: string;
  text: boolean;
  value(row: Row, options: FormatOptions): string;
}

type Getters<Row> = Record<string, [text: boolean, (row: Row, options: FormatOptions) => string]>;

const yesNo = (value: boolean, o: FormatOptions) => (o.forPeople ? yesNoLabel(value) : value ? 'true' : 'false');
const iso = (epochMs: number | null, o: FormatOptions) =>
  o.forPeople && epochMs !== null ? localDateTime(epochMs, o.forPeople.timeZone) : formatIsoMoment(epochMs);
const label = (value: string, o: FormatOptions) => (o.forPeople && value ? valueLabel(value) : value);

/** `work +442079460958; …`, or for people `Work: 020 7946 0958; Mobile: 07700 900123` (led by a word, never a formula). */
function phoneList(contact: ExportedContact, o: FormatOptions): string {
  const people = o.forPeople;
  return contact.phones
    .map((phone) => (people ? `${valueLabel(phone.type)}: ${formatPhoneForPeople(phone.e164, people.region)}` : `${phone.type} ${phone.e164}`))
    .join('; ');
}

function emailList(contact: ExportedContact, o: FormatOptions): string {
  return contact.emails.map((email) => (o.forPeople ? `${valueLabel(email.type)}: ${email.address}` : `${email.type} ${email.address}`)).join('; ');
}

/** "Ann Marie Smith" -> first "Ann Marie", last "Smith" (Salesforce needs a last name). */
function splitName(contact: ExportedContact): { first: string; last: string } {
  if (contact.kind === 'company') return { first: '', last: contact.name };
  const words = contact.name.trim().split(/\s+/);
  if (words.length < 2) return { first: '', last: contact.name };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1]! };
}

const firstPhone = (contact: ExportedContact, ...types: string[]) => contact.phones.find((phone) => types.includes(phone.type))?.e164 ?? '';

const contactGetters: Getters<ExportedContact> = {
  id: [false, (c) => c.id],
  kind: [false, (c, o) => label(c.kind, o)],
  name: [true, (c) => c.name],
  firstName: [true, (c) => splitName(c).first],
  lastName: [true, (c) => splitName(c).last],
  company: [true, (c) => c.company],
  jobTitle: [true, (c) => c.jobTitle],
  phones: [false, phoneList],
  emails: [true, emailList],
  primaryPhone: [false, (c) => c.phones[0]?.e164 ?? ''],
  mobilePhone: [false, (c) => firstPhone(c, 'mobile')],
  primaryEmail: [true, (c) => c.emails[0]?.address ?? ''],
  street: [true, (c) => c.street],
  city: [true, (c) => c.city],
  region: [true, (c) => c.region],
  postcode: [true, (c) => c.postcode],
  country: [true, (c) => c.country],
  contactType: [true, (c, o) => label(c.contactType, o)],
  status: [false, (c, o) => label(c.status, o)],
  owner: [true, (c) => c.owner],
  source: [true, (c) => c.source],
  tags: [true, (c) => [...c.tags].sort(compareTags).join('; ')],
  nextFollowUpAt: [false, (c, o) => iso(c.nextFollowUpAt, o)],
  potentialValue: [false, (c, o) => (c.amountMinor === null ? '' : formatMinorUnits(c.amountMinor, c.currency, o.decimalComma))],
  currency: [false, (c) => c.currency],
  summary: [true, (c) => c.summary],
  doNotContact: [false, (c, o) => yesNo(c.doNotContact, o)],
  createdAt: [false, (c, o) => iso(c.createdAt, o)],
  updatedAt: [false, (c, o) => iso(c.updatedAt, o)],
  'sf.FirstName': [true, (c) => splitName(c).first],
  'sf.LastName': [true, (c) => splitName(c).last],
  'sf.AccountName': [true, (c) => c.company || (c.kind === 'company' ? c.name : '')],
  'sf.Title': [true, (c) => c.jobTitle],
  'sf.Email': [true, (c) => c.emails[0]?.address ?? ''],
  'sf.Phone': [false, (c) => firstPhone(c, 'work', 'main', 'other')],
  'sf.MobilePhone': [false, (c) => firstPhone(c, 'mobile')],
  'sf.HomePhone': [false, (c) => firstPhone(c, 'home')],
  'sf.Fax': [false, (c) => firstPhone(c, 'fax')],
  'sf.MailingStreet': [true, (c) => c.street],
  'sf.MailingCity': [true, (c) => c.city],
  'sf.MailingState': [true, (c) => c.region],
  'sf.MailingPostalCode': [true, (c) => c.postcode],
  'sf.MailingCountry': [true, (c) => c.country],
  'sf.LeadSource': [true, (c) => c.source],
  'sf.Description': [true, (c) => c.summary],
  'sf.DoNotCall': [false, (c, o) => yesNo(c.doNotContact, o)],
};

const noteGetters: Getters<NoteExportRow> = {
  id: [false, (n) => n.id],
  contactId: [false, (n) => n.contact_id],
  contactName: [true, (n) => n.contact_name],
  kind: [false, (n, o) => label(n.kind, o)],
  body: [true, (n) => n.body],
  pinned: [false, (n, o) => yesNo(n.pinned === 1, o)],
  author: [true, (n) => n.author],
  createdAt: [false, (n, o) => iso(n.created_at, o)],
  updatedAt: [false, (n, o) => iso(n.updated_at, o)],
};

const followUpGetters: Getters<FollowUpExportRow> = {
  id: [false, (f) => f.id],
  contactId: [false, (f) => f.contact_id],
  contactName: [true, (f) => f.contact_name],
  title: [true, (f) => f.title],
  dueAt: [false, (f, o) => iso(f.due_at, o)],
  assignee: [true, (f) => f.assignee],
  priority: [false, (f, o) => label(f.priority, o)],
  state: [false, (f, o) => label(f.done_at === null ? 'open' : 'done', o)],
  doneAt: [false, (f, o) => iso(f.done_at, o)],
  callId: [false, (f) => f.call_id ?? ''],
  slaRuleId: [false, (f) => f.sla_rule_id ?? ''],
  createdBy: [true, (f) => f.created_by],
  createdAt: [false, (f, o) => iso(f.created_at, o)],
};

const callGetters: Getters<CallExportRow> = {
  id: [false, (k) => k.id],
  contactId: [false, (k) => k.contact_id ?? ''],
  contactName: [true, (k) => k.contact_name ?? ''],
  direction: [false, (k, o) => label(k.direction, o)],
  number: [false, (k, o) => (o.forPeople ? formatPhoneForPeople(k.number, o.forPeople.region) : k.number)],
  startedAt: [false, (k, o) => iso(k.started_at, o)],
  durationSeconds: [false, (k) => String(k.duration_seconds)],
  status: [false, (k, o) => label(k.status, o)],
  disposition: [true, (k, o) => label(k.disposition, o)],
  notes: [true, (k) => k.notes],
  provider: [false, (k) => k.provider],
  providerId: [false, (k) => k.provider_id ?? ''],
  spam: [false, (k, o) => yesNo(k.spam === 1, o)],
  emergency: [false, (k, o) => yesNo(k.emergency === 1, o)],
  loggedBy: [true, (k) => k.logged_by],
};

const getters: { [E in ExportEntity]: Getters<ExportRowTypes[E]> } = {
  contacts: contactGetters,
  notes: noteGetters,
  followUps: followUpGetters,
  calls: callGetters,
};

/** Same order as SQLite's NOCASE for ASCII, then exact: a stable order for the same set of tags. */
function compareTags(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The columns of an export: the ones asked for, or the preset's; `custom.*` expands to every custom field. */
export function resolveColumns<E extends ExportEntity>(
  entity: E,
  preset: ExportPreset,
  keys: readonly string[] | undefined,
  customFields: readonly CustomFieldDef[],
): ColumnDef<ExportRowTypes[E]>[] {
  const presetKeys = exportPresetColumns[entity][preset];
  if (!keys && !presetKeys) {
    throw new AppError('invalid_input', `The ${preset} preset is for contacts only; pick the columns for ${entity}.`, 'preset');
  }
  const wanted = (keys ?? presetKeys!).flatMap((key) =>
    key === `${customColumnPrefix}*` && entity === 'contacts' ? customFields.map((def) => `${customColumnPrefix}${def.id}`) : [key],
  );
  const entityGetters = getters[entity] as Getters<ExportRowTypes[E]>;
  const headers = new Map(exportColumns[entity].map((column) => [column.key, column.header]));
  const customs = new Map(customFields.map((def) => [def.id, def]));
  return wanted.map((key, index) => {
    if (entity === 'contacts' && key.startsWith(customColumnPrefix)) {
      const def = customs.get(key.slice(customColumnPrefix.length));
      if (!def) throw new AppError('invalid_input', `There is no custom field "${key.slice(customColumnPrefix.length)}".`, `columns.${index}`);
      return {
        key,
        header: customColumnHeader(def.label),
        text: def.kind === 'text' || def.kind === 'choice',
        value: (row, options) => {
          const value = (row as ExportedContact).customFields[def.id];
          if (value === undefined || value === null) return '';
          return typeof value === 'number' && options.decimalComma ? String(value).replace('.', ',') : String(value);
        },
      };
    }
    const getter = entityGetters[key];
    if (!getter) {
      throw new AppError('invalid_input', `"${key}" is not a column of ${entity}; known: ${Object.keys(entityGetters).join(', ')}.`, `columns.${index}`);
    }
    return { key, header: headers.get(key) ?? key, text: getter[0], value: getter[1] };
  });
}
