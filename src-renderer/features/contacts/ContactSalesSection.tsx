import type { ReactNode } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { DetailList } from '../../ui/DetailList';
import { capitalise, formatDate, formatMoney, statusLabels } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { DueDate } from './DueDate';
import { fromDateInput } from '../../ui/dates';

const noFields: readonly CustomFieldDef[] = [];

function customValue(def: CustomFieldDef, value: string | number | null | undefined): ReactNode {
  if (value === null || value === undefined || value === '') return null;
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

  return (
    <>
      <Card title="Details">
        <DetailList
          items={[
            { term: 'Type', value: capitalise(contact.contactType) },
            { term: 'Status', value: statusLabels[contact.status] },
            { term: 'Owner', value: contact.owner || null },
            { term: 'Source', value: contact.source || null },
            {
              term: 'Next follow-up',
              value: contact.nextFollowUpAt === null ? <span className="muted">None planned</span> : <DueDate at={contact.nextFollowUpAt} now={now} long />,
            },
            { term: 'Potential value', value: contact.potentialValue ? formatMoney(contact.potentialValue) : null },
            {
              term: 'Tags',
              value:
                contact.tags.length === 0 ? (
                  <span className="muted">No tags</span>
                ) : (
                  <ul className="tag-list">
                    {contact.tags.map((tag) => (
                      <li key={tag} className="tag">
                        {tag}
                      </li>
                    ))}
                  </ul>
                ),
            },
            { term: 'Added', value: formatDate(contact.createdAt) },
            { term: 'Last changed', value: formatDate(contact.updatedAt) },
          ]}
        />
      </Card>
      {customDefs.length > 0 ? (
        <Card title={`More about ${contact.kind === 'company' ? 'this company' : 'this person'}`}>
          <DetailList items={customDefs.map((def) => ({ term: def.label, value: customValue(def, contact.customFields[def.id]) }))} />
        </Card>
      ) : null}
    </>
  );
}
