import type { Contact, CustomFieldValues, Email, Phone } from '../../../src-shared/domain/contact';
import { parseJson, rowToContact, tagSeparator, toStatus, type ContactRow } from '../../contacts/row-mapping';

// A contact as the CSV export reads it: the row's values as SQLite gave them (an array, from
// better-sqlite3's .raw()), with each field read from it only when a column asks, and the JSON
// lists parsed once, on first use. Building the whole Contact object for every row (address,
// money, parsed lists, tags) was a third of a large export's time and most of its garbage; a
// cell needs one or two fields. The JSON export, which writes every field, takes `toContact()`.

/** The columns read for export, in the order of `values`. */
export const exportedContactColumns = [
  'id', 'kind', 'name', 'company', 'job_title', 'phones', 'emails', 'address_street', 'address_city', 'address_region',
  'address_postcode', 'address_country', 'contact_type', 'status', 'owner', 'source', 'next_follow_up_at',
  'potential_value_minor', 'potential_value_currency', 'summary', 'do_not_contact', 'custom_fields', 'created_at',
  'updated_at', 'cl', 'photo_sha256', 'company_id', 'decision_maker',
] as const satisfies readonly (keyof ContactRow)[];

type Column = (typeof exportedContactColumns)[number];
const at = Object.fromEntries(exportedContactColumns.map((column, index) => [column, index])) as Record<Column, number>;

export class ExportedContact {
  #phones: Phone[] | undefined;
  #emails: Email[] | undefined;
  #customFields: CustomFieldValues | undefined;

  /** `values` in the order of exportedContactColumns; `tags` joined by tagSeparator, or null. */
  constructor(
    private readonly values: readonly unknown[],
    private readonly joinedTags: string | null | undefined,
  ) {}

  private text(column: Column): string {
    return this.values[at[column]] as string;
  }

  get id(): string {
    return this.text('id');
  }
  get kind(): Contact['kind'] {
    return this.text('kind') === 'company' ? 'company' : 'person';
  }
  get name(): string {
    return this.text('name');
  }
  get company(): string {
    return this.text('company');
  }
  get jobTitle(): string {
    return this.text('job_title');
  }
  get phones(): Phone[] {
    return (this.#phones ??= parseJson<Phone[]>(this.text('phones'), []));
  }
  get emails(): Email[] {
    return (this.#emails ??= parseJson<Email[]>(this.text('emails'), []));
  }
  get street(): string {
    return this.text('address_street');
  }
  get city(): string {
    return this.text('address_city');
  }
  get region(): string {
    return this.text('address_region');
  }
  get postcode(): string {
    return this.text('address_postcode');
  }
  get country(): string {
    return this.text('address_country');
  }
  get contactType(): string {
    return this.text('contact_type');
  }
  get status(): Contact['status'] {
    return toStatus(this.text('status'));
  }
  get owner(): string {
    return this.text('owner');
  }
  get source(): string {
    return this.text('source');
  }
  /** Present tags, in the order SQLite gave them. */
  get tags(): string[] {
    return this.joinedTags ? this.joinedTags.split(tagSeparator) : [];
  }
  get nextFollowUpAt(): number | null {
    return this.values[at.next_follow_up_at] as number | null;
  }
  /** Minor units, or null without a value (or without its currency, as the Contact reads it). */
  get amountMinor(): number | null {
    const currency = this.values[at.potential_value_currency];
    return currency === null ? null : (this.values[at.potential_value_minor] as number | null);
  }
  get currency(): string {
    return this.amountMinor === null ? '' : this.text('potential_value_currency');
  }
  get summary(): string {
    return this.text('summary');
  }
  get doNotContact(): boolean {
    return this.values[at.do_not_contact] === 1;
  }
  get customFields(): CustomFieldValues {
    return (this.#customFields ??= parseJson<CustomFieldValues>(this.text('custom_fields'), {}));
  }
  get createdAt(): number {
    return this.values[at.created_at] as number;
  }
  get updatedAt(): number {
    return this.values[at.updated_at] as number;
  }

  /** The whole domain contact, as the contacts service reads it (the JSON export writes every field). */
  toContact(): Contact {
    const row = {} as Record<string, unknown>;
    exportedContactColumns.forEach((column, index) => (row[column] = this.values[index]));
    return rowToContact(row as unknown as ContactRow, this.tags);
  }
}
