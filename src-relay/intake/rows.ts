import { normaliseEmail, normalisePhone } from '../../src-shared/phone';
import type { RowWrite } from '../telephony/relay-author';

// Records that arrive at the relay from outside (the website form, the intake API) as the rows a
// laptop would write for them. The relay stores them as change records of version 1
// (src-relay/telephony/relay-author.ts), so a new contact's phones and e-mails are stated whole,
// as a new contact's are, and every laptop version merges them. Every value satisfies the change
// contract laptops check (src-shared/sync/change-contract.ts); tests/relay/intake/rows.test.ts
// holds that for generated input.

export interface NewContact {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  company?: string | undefined;
  contactType: string;
  source: string;
  tags: readonly string[];
  /** The contact's first note. */
  note?: string | undefined;
}

export interface RowIds {
  contact: string;
  note: string;
}

/** The id laptops give a tag row (src-main/contacts/search-index.ts: tagRowId). */
const tagRowId = (contactId: string, tag: string) => `${contactId}:${tag.toLocaleLowerCase()}`;

/**
 * A new contact with its tags and first note. A phone number that is no number in `region` is
 * kept in the note as typed rather than dropped.
 */
export function contactRows(contact: NewContact, options: { region: string; author: string; at: number; ids: RowIds }): RowWrite[] {
  const { region, author, at, ids } = options;
  const e164 = contact.phone ? normalisePhone(contact.phone, region) : null;
  const phones = e164 ? [{ type: 'mobile', e164 }] : [];
  const emails = contact.email ? [{ type: 'work', address: normaliseEmail(contact.email) }] : [];
  const rows: RowWrite[] = [
    {
      tableName: 'contacts',
      rowId: ids.contact,
      fields: {
        kind: 'person',
        name: contact.name,
        company: contact.company ?? '',
        job_title: '',
        phones: JSON.stringify(phones),
        emails: JSON.stringify(emails),
        address_street: '',
        address_city: '',
        address_region: '',
        address_postcode: '',
        address_country: '',
        contact_type: contact.contactType,
        status: 'active',
        owner: '',
        source: contact.source,
        potential_value_minor: null,
        potential_value_currency: null,
        summary: '',
        do_not_contact: 0,
        custom_fields: '{}',
        created_at: at,
        updated_at: at,
        cl: 1,
      },
    },
  ];
  const tags = new Map(contact.tags.map((tag) => [tag.toLocaleLowerCase(), tag]));
  for (const tag of tags.values()) {
    rows.push({ tableName: 'contact_tags', rowId: tagRowId(ids.contact, tag), fields: { contact_id: ids.contact, tag, present: 1 } });
  }
  const unreadablePhone = contact.phone && !e164 ? `Phone number as typed: ${contact.phone}` : '';
  const body = [contact.note ?? '', unreadablePhone].filter(Boolean).join('\n\n');
  if (body) rows.push(noteRow({ contactId: ids.contact, body }, { author, at, id: ids.note }));
  return rows;
}

export function noteRow(note: { contactId: string; body: string }, options: { author: string; at: number; id: string }): RowWrite {
  const { author, at, id } = options;
  return {
    tableName: 'notes',
    rowId: id,
    fields: { contact_id: note.contactId, kind: 'internal', body: note.body, pinned: 0, author, created_at: at, updated_at: at, cl: 1 },
  };
}

export interface NewCall {
  contactId?: string | undefined;
  e164: string;
  direction: 'inbound' | 'outbound';
  startedAt: number;
  durationSeconds: number;
  outcome: string;
  notes: string;
}

/** A call logged by another tool, as a laptop logs one by hand (provider "api"). */
export function callRow(call: NewCall, options: { author: string; at: number; id: string }): RowWrite {
  const { author, at, id } = options;
  return {
    tableName: 'calls',
    rowId: id,
    fields: {
      contact_id: call.contactId ?? null,
      direction: call.direction,
      number: call.e164,
      started_at: call.startedAt,
      duration_seconds: call.durationSeconds,
      status: 'completed',
      disposition: call.outcome,
      notes: call.notes,
      provider: 'api',
      spam: 0,
      emergency: 0,
      logged_by: author,
      created_at: at,
      cl: 1,
    },
  };
}

/** For the intake's calls route, which loads this module on first use (index.ts). */
export { normalisePhone };
