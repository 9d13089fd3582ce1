import { v7 as uuidv7 } from 'uuid';
import type { WebFormSubmission } from '../../src-shared/domain/web-form';
import { normaliseEmail, normalisePhone } from '../../src-shared/phone';
import type { RowWrite } from '../telephony/relay-author';

// One enquiry from the website as the rows a laptop would write for it: a new contact of type
// lead (its phones and e-mails stated whole, as a new contact's are), the form's source as a tag,
// and the visitor's message as a note. The relay stores them as change records of version 1, so
// every laptop version merges them (src-relay/telephony/relay-author.ts).

export interface FormSettings {
  region: string;
  source: string;
}

export interface Lead {
  contactId: string;
  rows: RowWrite[];
}

/** The lead's rows; a phone number that is no number anywhere is kept in the note, not lost. */
export function leadRows(form: WebFormSubmission, settings: FormSettings, at: number, newId: () => string = uuidv7): Lead {
  const contactId = newId();
  const e164 = form.phone ? normalisePhone(form.phone, settings.region) : null;
  const phones = e164 ? [{ type: 'mobile', e164 }] : [];
  const emails = form.email ? [{ type: 'work', address: normaliseEmail(form.email) }] : [];
  const rows: RowWrite[] = [
    {
      tableName: 'contacts',
      rowId: contactId,
      fields: {
        kind: 'person',
        name: form.name,
        company: form.company ?? '',
        job_title: '',
        phones: JSON.stringify(phones),
        emails: JSON.stringify(emails),
        address_street: '',
        address_city: '',
        address_region: '',
        address_postcode: '',
        address_country: '',
        contact_type: 'lead',
        status: 'active',
        owner: '',
        source: settings.source,
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
    {
      // The id laptops give a tag row (src-main/contacts/search-index.ts: tagRowId).
      tableName: 'contact_tags',
      rowId: `${contactId}:${settings.source.toLocaleLowerCase()}`,
      fields: { contact_id: contactId, tag: settings.source, present: 1 },
    },
  ];
  const unreadablePhone = form.phone && !e164 ? `Phone number as typed: ${form.phone}` : '';
  const body = [form.message ?? '', unreadablePhone].filter(Boolean).join('\n\n');
  if (body) {
    rows.push({
      tableName: 'notes',
      rowId: newId(),
      fields: { contact_id: contactId, kind: 'internal', body, pinned: 0, author: settings.source, created_at: at, updated_at: at, cl: 1 },
    });
  }
  return { contactId, rows };
}
