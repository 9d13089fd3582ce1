import { useState } from 'react';
import type { FollowUp } from '../../../src-shared/domain/follow-up';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { formatNumber } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpList } from './FollowUpList';
import { useFollowUpList, useOpenFollowUpsOf } from './hooks';
import { WhenAllowed } from '../access/WhenAllowed';

/** The contact page's follow-ups: the open ones soonest first, the done ones on request. */
export function ContactFollowUps({ contact }: { contact: { id: string; name: string } }) {
  const openDialog = useUi((state) => state.openDialog);
  const [showDone, setShowDone] = useState(false);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const open = useOpenFollowUpsOf(contact.id);
  const { latest: done } = useFollowUpList('done', 'team', 20, contact.id);

  return (
    <Card
      title="Follow-ups"
      actions={
        <WhenAllowed>
          <Button size="sm" icon="plus" onClick={() => openDialog({ kind: 'followUp', contact })}>
            Add follow-up
          </Button>
        </WhenAllowed>
      }
    >
      <LiveContent live={open} loading="Loading follow-ups…" failed="The follow-ups could not be loaded." keepLatest>
        {(list) =>
          list.length === 0 ? (
            <EmptyState compact title="Nothing planned. Add a follow-up so this contact is not forgotten." />
          ) : (
            <FollowUpList label="Open follow-ups" items={list} showContact={false} onEdit={setEditing} />
          )
        }
      </LiveContent>
      {done && done.total > 0 ? (
        <>
          <div>
            <Button variant="link" size="sm" aria-expanded={showDone} onClick={() => setShowDone(!showDone)}>
              {showDone ? 'Hide done' : `Show done (${formatNumber(done.total)})`}
            </Button>
          </div>
          {showDone ? <FollowUpList label="Done follow-ups" items={done.items} showContact={false} onEdit={setEditing} /> : null}
        </>
      ) : null}
      {editing ? <FollowUpDialog followUp={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
