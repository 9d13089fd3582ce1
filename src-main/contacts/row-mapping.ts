import type { Contact, ContactListItem, Email, Money, Phone } from '../../src-shared/domain/contact';
import type { CustomFieldValues } from '../../src-shared/domain/contact';
import type { FieldValues } from '../writes/synced-tables';
import type { SqlRow } from '../db/rows';
import type { contacts } from '../db/schema';

// Both directions between a contacts row and the domain shape. The counterpart of the
// column list in src-main/writes/synced-tables.ts.

/** A contacts row as `SELECT *` returns it, less its local search key. */
export type ContactRow = Omit<SqlRow<typeof contacts>, 'search_rowid'>;

/** The domain fields of a contact without identity and bookkeeping (the photo has its own write: contacts/photos.ts). */
export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'tags' | 'nextFollowUpAt' | 'photoSha256' | 'companyId' | 'decisionMaker'>;

export function rowToContact(row: ContactRow, tags: string[]): Contact {
  return {
    id: row.id,
    kind: row.kind === 'company' ? 'company' : 'person',
    name: row.name,
    company: row.company,
    jobTitle: row.job_title,
    phones: parseJson<Phone[]>(row.phones, []),
    emails: parseJson<Email[]>(row.emails, []),
    address: {
      street: row.address_street,
      city: row.address_city,
      region: row.address_region,
      postcode: row.address_postcode,
      country: row.address_country,
    },
    contactType: row.contact_type,
    status: toStatus(row.status),
    owner: row.owner,
    source: row.source,
    tags,
    nextFollowUpAt: row.next_follow_up_at,
    potentialValue: toMoney(row.potential_value_minor, row.potential_value_currency),
    summary: row.summary,
    doNotContact: row.do_not_contact === 1,
    customFields: parseJson<CustomFieldValues>(row.custom_fields, {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    photoSha256: row.photo_sha256 ?? null,
    companyId: row.company_id ?? null,
    decisionMaker: row.decision_maker === 1,
  };
}

export type ContactListRow = Pick<
  ContactRow,
  | 'id'
  | 'kind'
  | 'name'
  | 'company'
  | 'phones'
  | 'emails'
  | 'contact_type'
  | 'status'
  | 'owner'
  | 'next_follow_up_at'
  | 'potential_value_minor'
  | 'potential_value_currency'
  | 'do_not_contact'
  | 'updated_at'
  | 'photo_sha256'
> & { tags: string | null };

/** Separates tags in the list query's group_concat; a unit separator cannot be typed in a tag. */
export const tagSeparator = '\u001f';

export function rowToListItem(row: ContactListRow): ContactListItem {
  const phones = parseJson<Phone[]>(row.phones, []);
  const emails = parseJson<Email[]>(row.emails, []);
  return {
    id: row.id,
    kind: row.kind === 'company' ? 'company' : 'person',
    name: row.name,
    company: row.company,
    primaryPhone: phones[0]?.e164 ?? null,
    primaryEmail: emails[0]?.address ?? null,
    contactType: row.contact_type,
    status: toStatus(row.status),
    owner: row.owner,
    tags: row.tags ? row.tags.split(tagSeparator).sort((a, b) => a.localeCompare(b)) : [],
    nextFollowUpAt: row.next_follow_up_at,
    potentialValue: toMoney(row.potential_value_minor, row.potential_value_currency),
    doNotContact: row.do_not_contact === 1,
    updatedAt: row.updated_at,
    photoSha256: row.photo_sha256 ?? null,
  };
}

/** Column values for the given domain fields (only those present). */
export function fieldsToColumns(fields: Partial<ContactFields>): FieldValues {
  const columns: FieldValues = {};
  if (fields.kind !== undefined) columns.kind = fields.kind;
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.company !== undefined) columns.company = fields.company;
  if (fields.jobTitle !== undefined) columns.job_title = fields.jobTitle;
  if (fields.phones !== undefined) columns.phones = JSON.stringify(fields.phones);
  if (fields.emails !== undefined) columns.emails = JSON.stringify(fields.emails);
  if (fields.address !== undefined) {
    columns.address_street = fields.address.street;
    columns.address_city = fields.address.city;
    columns.address_region = fields.address.region;
    columns.address_postcode = fields.address.postcode;
    columns.address_country = fields.address.country;
  }
  if (fields.contactType !== undefined) columns.contact_type = fields.contactType;
  if (fields.status !== undefined) columns.status = fields.status;
  if (fields.owner !== undefined) columns.owner = fields.owner;
  if (fields.source !== undefined) columns.source = fields.source;
  if (fields.potentialValue !== undefined) {
    columns.potential_value_minor = fields.potentialValue?.amountMinor ?? null;
    columns.potential_value_currency = fields.potentialValue?.currency ?? null;
  }
  if (fields.summary !== undefined) columns.summary = fields.summary;
  if (fields.doNotContact !== undefined) columns.do_not_contact = fields.doNotContact ? 1 : 0;
  if (fields.customFields !== undefined) columns.custom_fields = JSON.stringify(fields.customFields);
  return columns;
}

export function toStatus(value: string): Contact['status'] {
  return value === 'won' || value === 'lost' || value === 'dormant' ? value : 'active';
}

function toMoney(amountMinor: number | null, currency: string | null): Money | null {
  return amountMinor === null || currency === null ? null : { amountMinor, currency };
}

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
