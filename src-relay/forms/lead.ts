import { v7 as uuidv7 } from 'uuid';
import type { WebFormSubmission } from '../../src-shared/domain/web-form';
import { contactRows } from '../intake/rows';
import type { RowWrite } from '../telephony/relay-author';

// One enquiry from the website as a new contact of type lead, the form's source as its tag and
// the visitor's message as its first note.

export interface FormSettings {
  region: string;
  source: string;
}

export interface Lead {
  contactId: string;
  rows: RowWrite[];
}

export function leadRows(form: WebFormSubmission, settings: FormSettings, at: number, newId: () => string = uuidv7): Lead {
  const ids = { contact: newId(), note: newId() };
  const contact = { ...form, contactType: 'lead', source: settings.source, tags: [settings.source], note: form.message };
  return { contactId: ids.contact, rows: contactRows(contact, { region: settings.region, author: settings.source, at, ids }) };
}
