import type { CSSProperties, KeyboardEvent, MouseEvent } from 'react';
import type { ContactListItem } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { capitalise, describeDueDate, formatMoney } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { ContactAvatar } from './ContactAvatar';
import { StatusBadge } from './StatusBadge';

interface ContactRowProps {
  index: number;
  item: ContactListItem | undefined;
  active: boolean;
  now: number;
  style: CSSProperties;
  onOpen: (item: ContactListItem) => void;
  onActivate: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
}

/** One row of the contact grid; a placeholder row while its page is still loading. */
export function ContactRow({ index, item, active, now, style, onOpen, onActivate, onKeyDown }: ContactRowProps) {
  const common = {
    role: 'row',
    'aria-rowindex': index + 2,
    tabIndex: active ? 0 : -1,
    style,
    'data-row': index,
    onFocus: () => onActivate(index),
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => onKeyDown(event, index),
  } as const;

  if (!item) {
    return (
      <div {...common} className="contact-row contact-row--loading" aria-busy="true">
        <div role="gridcell" className="col-name">
          <span className="skeleton skeleton--avatar" />
          <span className="skeleton skeleton--text" />
          <span className="visually-hidden">Loading…</span>
        </div>
      </div>
    );
  }

  const due = item.nextFollowUpAt === null ? null : describeDueDate(item.nextFollowUpAt, now);
  const open = (event: MouseEvent) => {
    event.preventDefault();
    onOpen(item);
  };

  return (
    <div {...common} className={active ? 'contact-row contact-row--active' : 'contact-row'} onClick={open}>
      <div role="gridcell" className="col-name">
        <ContactAvatar name={item.name} kind={item.kind} photoSha256={item.photoSha256} />
        <span className="contact-row__name-block">
          <a href={`#/contacts/${encodeURIComponent(item.id)}`} tabIndex={-1} className="contact-row__name">
            {item.name}
          </a>
          {item.primaryEmail ? <span className="contact-row__sub">{item.primaryEmail}</span> : null}
        </span>
        {item.doNotContact ? (
          <span className="dnc-mark" title="Do not contact">
            <Icon name="ban" size={14} />
            <span className="visually-hidden">Do not contact</span>
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="col-company">
        {item.company}
      </div>
      <div role="gridcell" className="col-phone">
        {item.primaryPhone ? formatPhone(item.primaryPhone) : ''}
      </div>
      <div role="gridcell" className="col-type">
        {capitalise(item.contactType)}
      </div>
      <div role="gridcell" className="col-status">
        <StatusBadge status={item.status} />
      </div>
      <div role="gridcell" className="col-owner">
        {item.owner}
      </div>
      <div role="gridcell" className="col-followUp">
        {due && item.nextFollowUpAt !== null ? (
          // Follow-ups have a time: one due earlier today is already overdue.
          <span className={item.nextFollowUpAt < now ? 'due due--overdue' : due.dueToday ? 'due due--today' : 'due'}>{due.text}</span>
        ) : null}
      </div>
      <div role="gridcell" className="col-value">
        {item.potentialValue ? formatMoney(item.potentialValue) : ''}
      </div>
    </div>
  );
}
