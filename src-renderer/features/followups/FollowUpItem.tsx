import { followUpPresets, presetDueAt, type FollowUp } from '../../../src-shared/domain/follow-up';
import { routeHash } from '../../routes';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { cx } from '../../ui/class-names';
import { formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { ListRow } from '../../ui/ListRow';
import { MenuButton } from '../../ui/MenuButton';
import { useNow } from '../../ui/use-now';
import { presetLabels, priorityLabels } from './follow-up-format';
import { completeFollowUp, deleteFollowUp, reopenFollowUp, snoozeFollowUp } from './hooks';
import { StandingBadge } from './StandingBadge';
import { SlaTimer } from '../calls/SlaTimer';
import { useAccess } from '../access/access';
import { WhenAllowed } from '../access/WhenAllowed';

interface FollowUpItemProps {
  followUp: FollowUp;
  /** Lists across contacts name the contact; the contact's own page does not, and is narrower. */
  showContact: boolean;
  onEdit: (followUp: FollowUp) => void;
}

/** One follow-up: a checkbox to mark it done, what and when, whose, and snooze, edit and delete. */
export function FollowUpItem({ followUp, showContact, onEdit }: FollowUpItemProps) {
  const navigate = useUi((state) => state.navigate);
  const userName = useUi((state) => state.settings?.userName ?? '');
  const now = useNow();
  const compact = !showContact;
  // On a contact's page, "for <me>" is noise; whose it is matters when it is someone else's.
  const showAssignee = followUp.assignee !== '' && (!compact || followUp.assignee !== userName);
  const done = followUp.doneAt !== null;
  const contactRoute = { name: 'contact', id: followUp.contactId } as const;
  const { canEdit } = useAccess();
  // A call-back an SLA rule made shows its promise counting down, as on the calls desk.
  const slaRuleId = followUp.callId ? followUp.slaRuleId : null;
  const standing = slaRuleId ? <SlaTimer callBack={{ ...followUp, slaRuleId }} /> : <StandingBadge followUp={followUp} quietWhenFine={compact} />;

  return (
    <ListRow
      className={cx('follow-up', done && 'follow-up--done')}
      align={compact ? 'top' : 'center'}
      leading={
        <input
          type="checkbox"
          className="follow-up__check"
          checked={done}
          disabled={!canEdit}
          aria-label={done ? `Reopen “${followUp.title}”` : `Mark “${followUp.title}” done`}
          onChange={() => (done ? reopenFollowUp(followUp) : completeFollowUp(followUp))}
        />
      }
      title={
        <>
          {followUp.title}
          {followUp.priority === 'high' ? (
            <Badge tone="warning">
              <Icon name="flag" size={11} /> {priorityLabels.high}
              <span className="visually-hidden"> priority</span>
            </Badge>
          ) : null}
          {followUp.slaRuleId ? <Badge title="Created by a response-time rule in Settings">Auto</Badge> : null}
        </>
      }
      meta={
        <>
          {showContact ? (
            <>
              <a
                href={routeHash(contactRoute)}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(contactRoute);
                }}
              >
                {followUp.contactName || 'Unnamed contact'}
              </a>
              {' · '}
            </>
          ) : null}
          <Icon name="clock" size={13} />{' '}
          <time dateTime={new Date(followUp.dueAt).toISOString()} title={formatDateTime(followUp.dueAt)}>
            {done && followUp.doneAt !== null
              ? `Done ${formatWhen(followUp.doneAt, now).replace(/^(Today|Yesterday|Tomorrow)/, (word) => word.toLowerCase())}`
              : formatWhen(followUp.dueAt, now)}
          </time>
          {showAssignee ? ` · for ${followUp.assignee}` : ''}
          {compact ? standing : null}
        </>
      }
      trailing={
        <>
          {compact ? null : standing}
          {!done && canEdit ? (
            <MenuButton
              label={`Snooze “${followUp.title}”`}
              className={cx('icon-button', compact && 'icon-button--sm')}
              items={followUpPresets.map((preset) => {
                const until = presetDueAt(preset, new Date());
                return { label: presetLabels[preset], hint: formatWhen(until, now), onSelect: () => snoozeFollowUp(followUp, presetDueAt(preset, new Date())) };
              })}
            >
              <Icon name="bell" size={16} />
            </MenuButton>
          ) : null}
          <WhenAllowed>
            <IconButton icon="edit" size={compact ? 'sm' : 'md'} label={`Edit “${followUp.title}”`} onClick={() => onEdit(followUp)} />
            <IconButton icon="trash" size={compact ? 'sm' : 'md'} label={`Delete “${followUp.title}”`} onClick={() => deleteFollowUp(followUp)} />
          </WhenAllowed>
        </>
      }
    />
  );
}
