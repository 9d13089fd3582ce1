import { v7 as uuidv7 } from 'uuid';
import {
  type ContactDraftSchema,
  type Contact,
  type ContactListPage,
  type CustomFieldValues,
  type DuplicateMatch,
  type Phone,
  type PhoneInput,
} from '../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors';
import { formatPhone, normaliseEmail, normalisePhone, wrongCountryMessage } from '../../src-shared/phone';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';
import { createListMaterialiser, createListReader } from './list-items';
import { createListWriter, type ListWriter } from './list-writer';
import { createContactQueries, type ContactQueries, type ParsedListQuery } from './queries';
import { fieldsToColumns, rowToContact, rowToListItem, type ContactFields } from './row-mapping';
import { createContactIndexer, tagRowId } from './search-index';
import { WritingService, type WriteDeps } from '../writes/write-deps';

type ParsedDraft = ReturnType<typeof ContactDraftSchema.parse>;
/** A patch after parsing: any subset of the draft fields. */
export type ParsedPatch = Partial<Omit<ParsedDraft, 'contactType' | 'owner'> & { contactType: string; owner: string }>;

export interface ContactsDeps extends WriteDeps {
  /** Runs in the creating transaction (SLA rules for new contacts of a type). */
  afterCreate?: (tx: MutationTx, contact: { id: string; contactType: string; createdAt: number }) => void;
}

export class ContactsService extends WritingService {
  private readonly queries: ContactQueries;
  private readonly afterCreate: (tx: MutationTx, contact: { id: string; contactType: string; createdAt: number }) => void;
  /** Edits of phones, e-mails and custom fields as item rows; the import writes through it too. */
  readonly lists: ListWriter;
  private readonly rowIdKey: () => Buffer | undefined;

  constructor(deps: ContactsDeps) {
    super(deps);
    this.afterCreate = deps.afterCreate ?? (() => {});
    this.queries = createContactQueries(deps.sqlite);
    this.rowIdKey = deps.rowIdKey;
    const listReader = createListReader(deps.sqlite, deps.rowIdKey);
    this.lists = createListWriter(listReader, deps.rowIdKey);
    // The lists first: the index reads the columns they derive.
    deps.engine.onRowsWritten(createListMaterialiser(deps.sqlite, listReader));
    deps.engine.onRowsWritten(createContactIndexer(deps.sqlite));
    deps.engine.onCommitted(() => this.queries.invalidate());
  }

  get(id: string): Contact {
    const row = this.queries.getRow(id);
    if (!row || row.cl % 2 === 0) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'id');
    return rowToContact(row, this.queries.tagsOf(id));
  }

  list(query: ParsedListQuery): ContactListPage {
    const { total, rows } = this.queries.page(query, this.settings.get().userName, this.now());
    return { total, offset: query.offset, items: rows.map(rowToListItem) };
  }

  facets() {
    return this.queries.facets();
  }

  /**
   * Creates a contact. A likely duplicate (same e-mail or phone as a live contact) is refused
   * with code `duplicate` unless the caller says it is intended.
   */
  create(draft: ParsedDraft, options: { allowDuplicate?: boolean; fieldPrefix?: string } = {}): Contact {
    const prefix = options.fieldPrefix ?? 'draft';
    const settings = this.settings.get();
    const phones = this.normalisePhones(draft.phones, `${prefix}.phones`);
    const contactType = draft.contactType ?? settings.contactTypes[0] ?? 'customer';
    const customFields = withoutCleared(this.checkCustomFields(draft.customFields, settings.customFields, `${prefix}.customFields`));
    if (!options.allowDuplicate) {
      const duplicates = this.findDuplicates(phones, draft.emails.map((email) => email.address), undefined);
      if (duplicates.length > 0) {
        const first = duplicates[0]!;
        throw new AppError('duplicate', `${first.name} already has ${first.reason.replace(/^same /, 'this ')}.`);
      }
    }
    const id = uuidv7();
    const timestamp = this.now();
    const fields: ContactFields = {
      kind: draft.kind,
      name: draft.name,
      company: draft.company,
      jobTitle: draft.jobTitle,
      phones,
      emails: draft.emails,
      address: draft.address,
      contactType,
      status: draft.status,
      owner: draft.owner ?? settings.userName,
      source: draft.source,
      potentialValue: draft.potentialValue,
      summary: draft.summary,
      doNotContact: draft.doNotContact,
      customFields,
    };
    this.engine.transaction((tx) => {
      // The lists as a whole: a new contact's base lists (list-items.ts), in one change.
      tx.write('contacts', id, { ...fieldsToColumns(fields), created_at: timestamp, updated_at: timestamp, cl: 1 }, { wholeLists: true });
      this.writeTags(tx, id, draft.tags);
      this.afterCreate(tx, { id, contactType, createdAt: timestamp });
    });
    return this.get(id);
  }

  /**
   * Changes the given fields; only values that differ from the stored ones are written and
   * logged. Phones and e-mails are whole lists, written as the item edits that make them;
   * customFields sets the fields it names.
   */
  update(id: string, patch: ParsedPatch, fieldPrefix = 'patch'): Contact {
    const current = this.get(id);
    const settings = this.settings.get();
    const next: Partial<ContactFields> = {};
    for (const [key, value] of Object.entries(patch) as [keyof ParsedPatch, unknown][]) {
      if (key === 'tags' || key === 'phones' || key === 'emails' || key === 'customFields' || value === undefined) continue;
      (next as Record<string, unknown>)[key] = value;
    }
    const phones = patch.phones ? this.normalisePhones(patch.phones, `${fieldPrefix}.phones`) : undefined;
    const customFields = patch.customFields
      ? this.checkCustomFields(patch.customFields, settings.customFields, `${fieldPrefix}.customFields`)
      : undefined;
    const before = fieldsToColumns(current);
    const after = fieldsToColumns(next);
    const changed: FieldValues = {};
    for (const [column, value] of Object.entries(after)) {
      if (before[column] !== value) changed[column] = value;
    }
    const tagsChanged = patch.tags !== undefined && !sameTags(patch.tags, current.tags);
    const listsGiven = phones !== undefined || patch.emails !== undefined || customFields !== undefined;
    if (Object.keys(changed).length === 0 && !tagsChanged && !listsGiven) return current;
    this.engine.transaction((tx) => {
      const copies = listsGiven ? this.lists.write(tx, id, { phones, emails: patch.emails, customFields }) : {};
      if (Object.keys(changed).length > 0 || Object.keys(copies).length > 0 || tagsChanged) {
        tx.write('contacts', id, { ...changed, ...copies, updated_at: this.now() });
      }
      if (patch.tags !== undefined && tagsChanged) this.writeTags(tx, id, patch.tags);
    });
    return this.get(id);
  }

  /** Deletes by moving the causal length to the next even number; restore makes it odd again. */
  delete(id: string): { id: string } {
    const row = this.queries.getRow(id);
    if (!row || row.cl % 2 === 0) throw new AppError('not_found', 'That contact does not exist or was already deleted.', 'id');
    this.engine.transaction((tx) => tx.write('contacts', id, { cl: row.cl + 1 }));
    return { id };
  }

  restore(id: string): Contact {
    const row = this.queries.getRow(id);
    if (!row) throw new AppError('not_found', 'That contact does not exist.', 'id');
    if (row.cl % 2 === 1) return this.get(id);
    this.engine.transaction((tx) => tx.write('contacts', id, { cl: row.cl + 1 }));
    return this.get(id);
  }

  findDuplicatesOf(phones: PhoneInput[], emails: { address: string }[], excludeId?: string): DuplicateMatch[] {
    const region = this.settings.get().defaultRegion;
    const e164s = phones.map((phone) => normalisePhone(phone.number, region)).filter((e164): e164 is string => !!e164);
    return this.findDuplicates(
      e164s.map((e164) => ({ type: 'other' as const, e164 })),
      emails.map((email) => email.address),
      excludeId,
    );
  }

  /** Other live contacts sharing an e-mail or phone with this one. */
  duplicatesOfContact(id: string): DuplicateMatch[] {
    const contact = this.get(id);
    return this.findDuplicates(contact.phones, contact.emails.map((email) => email.address), id);
  }

  private findDuplicates(phones: Phone[], emails: string[], excludeId: string | undefined): DuplicateMatch[] {
    const matches = this.queries.matchingContacts(
      phones.map((phone) => phone.e164),
      emails.map(normaliseEmail),
      excludeId,
    );
    const byId = new Map<string, DuplicateMatch>();
    for (const match of matches) {
      if (byId.has(match.id)) continue;
      const reason = match.kind === 'email' ? `same e-mail ${match.value}` : `same phone ${formatPhone(match.value)}`;
      byId.set(match.id, { id: match.id, name: match.name, company: match.company, reason });
    }
    return [...byId.values()];
  }

  private normalisePhones(phones: PhoneInput[], fieldPath: string): Phone[] {
    const region = this.settings.get().defaultRegion;
    return phones.map((phone, index) => {
      const e164 = normalisePhone(phone.number, region);
      const wrongCountry = wrongCountryMessage(phone.number, region);
      if (wrongCountry) throw new AppError('invalid_input', wrongCountry, `${fieldPath}.${index}.number`);
      if (!e164) {
        throw new AppError(
          'invalid_input',
          `"${phone.number}" is not a phone number Fieldbook can read (default region ${region}).`,
          `${fieldPath}.${index}.number`,
        );
      }
      return { type: phone.type, e164 };
    });
  }

  private checkCustomFields(values: CustomFieldValues, defs: CustomFieldDef[], fieldPath: string): CustomFieldValues {
    const byId = new Map(defs.map((def) => [def.id, def]));
    const checked: CustomFieldValues = {};
    for (const [id, value] of Object.entries(values)) {
      const def = byId.get(id);
      const path = `${fieldPath}.${id}`;
      if (!def) throw new AppError('invalid_input', `There is no custom field "${id}"; add it in Settings first.`, path);
      if (value === null || value === '') {
        checked[id] = null;
        continue;
      }
      if (def.kind === 'number' && typeof value !== 'number') {
        throw new AppError('invalid_input', `${def.label} must be a number.`, path);
      }
      if (def.kind === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) {
        throw new AppError('invalid_input', `${def.label} must be a date (YYYY-MM-DD).`, path);
      }
      if (def.kind === 'choice' && (typeof value !== 'string' || !def.choices.includes(value))) {
        throw new AppError('invalid_input', `${def.label} must be one of: ${def.choices.join(', ')}.`, path);
      }
      if (def.kind === 'text' && typeof value !== 'string') {
        throw new AppError('invalid_input', `${def.label} must be text.`, path);
      }
      checked[id] = value;
    }
    return checked;
  }

  /** Tag membership is one row per (contact, tag) with a last-writer-wins `present` flag. */
  private writeTags(tx: MutationTx, contactId: string, tags: string[]): void {
    const wanted = new Map<string, string>();
    for (const tag of tags) {
      const key = tag.toLocaleLowerCase();
      if (!wanted.has(key)) wanted.set(key, tag);
    }
    const existing = new Map(this.queries.tagRowsOf(contactId).map((row) => [row.id, row]));
    for (const [key, tag] of wanted) {
      const id = tagRowId(contactId, key, this.rowIdKey());
      const row = existing.get(id);
      if (!row) tx.write('contact_tags', id, { contact_id: contactId, tag, present: 1 });
      else if (row.present !== 1 || row.tag !== tag) tx.write('contact_tags', id, { tag, present: 1 });
    }
    for (const row of existing.values()) {
      if (row.present === 1 && !wanted.has(row.tag.toLocaleLowerCase())) tx.write('contact_tags', row.id, { present: 0 });
    }
  }
}

/** The fields that have a value: a new contact has nothing to clear. */
function withoutCleared(values: CustomFieldValues): CustomFieldValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

function sameTags(a: string[], b: string[]): boolean {
  const left = new Set(a.map((tag) => tag.toLocaleLowerCase()));
  const right = new Set(b.map((tag) => tag.toLocaleLowerCase()));
  return left.size === right.size && [...left].every((tag) => right.has(tag));
}
