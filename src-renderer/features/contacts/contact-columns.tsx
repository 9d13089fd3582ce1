import type { ContactListItem } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import type { ListSort } from '../../store';
import { api } from '../../api';
import { Avatar } from '../../ui/Avatar';
import { capitalise, formatMoney } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import type { GridColumn } from '../../ui/VirtualGrid';
import { DueDate } from './DueDate';
import { StatusBadge } from './StatusBadge';
import { Stack } from '../../ui/Stack';

/** The contact grid's columns, most important first; the last ones give way on narrow windows. */
export function contactColumns(now: number): GridColumn<ContactListItem, ListSort['field']>[] {
  return [
    { id: 'name', label: 'Name', width: 'minmax(200px, 2.2fr)', sortField: 'name', cell: (item) => <NameCell item={item} /> },
    { id: 'company', label: 'Company', width: 'minmax(120px, 1.4fr)', sortField: 'company', muted: true, hideBelow: 700, cell: (item) => item.company },
    {
      id: 'phone',
      label: 'Phone',
      width: '160px',
      numeric: true,
      hideBelow: 480,
      cell: (item) => (item.primaryPhone ? shownPhone(item.primaryPhone) : ''),
    },
    { id: 'type', label: 'Type', width: '100px', sortField: 'contactType', muted: true, hideBelow: 940, cell: (item) => capitalise(item.contactType) },
    { id: 'status', label: 'Status', width: '96px', sortField: 'status', cell: (item) => <StatusBadge status={item.status} /> },
    { id: 'owner', label: 'Owner', width: 'minmax(90px, 1fr)', sortField: 'owner', muted: true, hideBelow: 1120, cell: (item) => item.owner },
    {
      id: 'followUp',
      label: 'Follow-up',
      width: '110px',
      sortField: 'nextFollowUpAt',
      hideBelow: 700,
      cell: (item) => (item.nextFollowUpAt === null ? null : <DueDate at={item.nextFollowUpAt} now={now} />),
    },
    {
      id: 'value',
      label: 'Value',
      width: '110px',
      sortField: 'potentialValue',
      align: 'end',
      numeric: true,
      hideBelow: 940,
      cell: (item) => (item.potentialValue ? formatMoney(item.potentialValue) : ''),
    },
  ];
}

/**
 * A number as the grid shows it. Formatting walks the phone metadata (tens of microseconds a number), and a
 * search answer redraws every row on screen, mostly with numbers shown a keystroke before.
 */
const shownPhones = new Map<string, string>();
function shownPhone(e164: string): string {
  let shown = shownPhones.get(e164);
  if (shown === undefined) {
    if (shownPhones.size >= 2_000) shownPhones.clear();
    shown = formatPhone(e164);
    shownPhones.set(e164, shown);
  }
  return shown;
}

function NameCell({ item }: { item: ContactListItem }) {
  return (
    <span className="contact-cell">
      <Avatar name={item.name} kind={item.kind} photoUrl={item.photoSha256 ? api.fileUrl(item.photoSha256) : undefined} />
      <Stack as="span" gap="none">
        <a href={`#/contacts/${encodeURIComponent(item.id)}`} tabIndex={-1} className="contact-cell__name strong truncate">
          {item.name}
        </a>
        {item.primaryEmail ? <span className="meta truncate">{item.primaryEmail}</span> : null}
      </Stack>
      {item.doNotContact ? (
        <span className="contact-cell__dnc" title="Do not contact">
          <Icon name="ban" size={14} />
          <span className="visually-hidden">Do not contact</span>
        </span>
      ) : null}
    </span>
  );
}
