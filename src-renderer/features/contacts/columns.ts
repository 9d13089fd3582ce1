import type { ContactSortField } from '../../../src-shared/domain/contact';

// The list's columns. styles.css lays rows out with the same column classes and hides the less
// important ones on narrow windows (see `.contact-grid` container queries).
export interface Column {
  id: string;
  label: string;
  sortField?: ContactSortField;
  align?: 'end';
}

export const columns: readonly Column[] = [
  { id: 'name', label: 'Name', sortField: 'name' },
  { id: 'company', label: 'Company', sortField: 'company' },
  { id: 'phone', label: 'Phone' },
  { id: 'type', label: 'Type', sortField: 'contactType' },
  { id: 'status', label: 'Status', sortField: 'status' },
  { id: 'owner', label: 'Owner', sortField: 'owner' },
  { id: 'followUp', label: 'Follow-up', sortField: 'nextFollowUpAt' },
  { id: 'value', label: 'Value', sortField: 'potentialValue', align: 'end' },
];
