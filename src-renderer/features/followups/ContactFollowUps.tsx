import { useState } from 'react';
import type { FollowUp } from '../../../src-shared/domain/follow-up';
import { useUi } from '../../store';
import { formatNumber } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpList } from './FollowUpList';
import { useFollowUpList, useOpenFollowUpsOf } from './hooks';

/** The contact page's follow-ups: the open ones soonest first, the done ones on request. */
export function ContactFollowUps({ contact }: { contact: { id: string; name: string } }) {
  const openDialog = useUi((state) => state.openDialog);
  const [showDone, setShowDone] = useState(false);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const { data: open } = useOpenFollowUpsOf(contact.id);
  const { data: done } = useFollowUpList('done', 'team', 20, contact.id);

  return (
    <section className="card" aria-labelledby="contact-follow-ups-title">
      <div className="card__header">
        <h2 id="contact-follow-ups-title" className="card__title">
          Follow-ups
        </h2>
        <button type="button" className="button button--small" onClick={() => openDialog({ kind: 'followUp', contact })}>
          <Icon name="plus" size={14} /> Add follow-up
        </button>
      </div>
      {!open ? (
        <p className="muted">Loading…</p>
      ) : open.length === 0 ? (
        <p className="muted">Nothing planned. Add a follow-up so this contact is not forgotten.</p>
      ) : (
        <FollowUpList label="Open follow-ups" items={open} showContact={false} onEdit={setEditing} />
      )}
      {done && done.total > 0 ? (
        <>
          <button type="button" className="button button--ghost button--small card__toggle" aria-expanded={showDone} onClick={() => setShowDone(!showDone)}>
            {showDone ? 'Hide done' : `Show done (${formatNumber(done.total)})`}
          </button>
          {showDone ? <FollowUpList label="Done follow-ups" items={done.items} showContact={false} onEdit={setEditing} /> : null}
        </>
      ) : null}
      {editing ? <FollowUpDialog followUp={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
