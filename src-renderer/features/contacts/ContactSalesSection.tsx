import type { ReactNode } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { useUi } from '../../store';
import { capitalise, describeDueDate, formatDate, formatMoney, formatWhen, statusLabels } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { fromDateInput } from './form-model';

const noFields: readonly CustomFieldDef[] = [];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const notSet = <span className="muted">Not set</span>;

function customValue(def: CustomFieldDef, value: string | number | null | undefined): ReactNode {
  if (value === null || value === undefined || value === '') return notSet;
  if (def.kind === 'date' && typeof value === 'string') {
    const epoch = fromDateInput(value);
    return epoch === null ? value : formatDate(epoch);
  }
  if (def.kind === 'number' && typeof value === 'number') return new Intl.NumberFormat().format(value);
  return String(value);
}

/** Who owns the contact, what they are worth, the next follow-up (derived from the open ones), and the custom fields. */
export function ContactSalesSection({ contact }: { contact: Contact }) {
  const customDefs = useUi((state) => state.settings?.customFields ?? noFields);
  const now = useNow();
  const due = contact.nextFollowUpAt === null ? null : describeDueDate(contact.nextFollowUpAt, now);

  return (
    <>
      <section className="card" aria-labelledby="contact-sales-title">
        <h2 id="contact-sales-title" className="card__title">
          Details
        </h2>
        <dl className="detail-list detail-list--compact">
          <Row label="Type">{capitalise(contact.contactType)}</Row>
          <Row label="Status">{statusLabels[contact.status]}</Row>
          <Row label="Owner">{contact.owner || notSet}</Row>
          <Row label="Source">{contact.source || notSet}</Row>
          <Row label="Next follow-up">
            {due && contact.nextFollowUpAt !== null ? (
              <span className={contact.nextFollowUpAt < now ? 'due due--overdue' : due.dueToday ? 'due due--today' : 'due'}>
                {formatWhen(contact.nextFollowUpAt, now)}
                {contact.nextFollowUpAt < now ? ' (overdue)' : ''}
              </span>
            ) : (
              <span className="muted">None planned</span>
            )}
          </Row>
          <Row label="Potential value">{contact.potentialValue ? formatMoney(contact.potentialValue) : notSet}</Row>
          <Row label="Tags">
            {contact.tags.length === 0 ? (
              <span className="muted">No tags</span>
            ) : (
              <ul className="tag-list">
                {contact.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </Row>
          <Row label="Added">{formatDate(contact.createdAt)}</Row>
          <Row label="Last changed">{formatDate(contact.updatedAt)}</Row>
        </dl>
      </section>
      {customDefs.length > 0 ? (
        <section className="card" aria-labelledby="contact-custom-title">
          <h2 id="contact-custom-title" className="card__title">
            More about {contact.kind === 'company' ? 'this company' : 'this person'}
          </h2>
          <dl className="detail-list detail-list--compact">
            {customDefs.map((def) => (
              <Row key={def.id} label={def.label}>
                {customValue(def, contact.customFields[def.id])}
              </Row>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
