import { LogCallDialog } from '../features/calls/LogCallDialog';
import { FollowUpDialog } from '../features/followups/FollowUpDialog';
import { OpenDealDialog } from '../features/palette/OpenDealDialog';
import { useUi } from '../store';
import { useAccess } from '../features/access/access';

/** The dialogs any screen or the command palette can open (store.ts `dialog`); one at a time. */
export function GlobalDialogs() {
  const dialog = useUi((state) => state.dialog);
  const closeDialog = useUi((state) => state.closeDialog);
  const { canEdit } = useAccess();
  if (!dialog) return null;
  // A read-only member may open an existing deal to read it (DealDialog shows it read-only); the
  // other dialogs only create, which the core would refuse.
  if (!canEdit && !(dialog.kind === 'deal' && dialog.id)) return null;
  switch (dialog.kind) {
    case 'logCall':
      return <LogCallDialog contact={dialog.contact} number={dialog.number} onClose={closeDialog} />;
    case 'followUp':
      return <FollowUpDialog contact={dialog.contact} callId={dialog.callId} onClose={closeDialog} />;
    case 'deal':
      return <OpenDealDialog id={dialog.id} onClose={closeDialog} />;
  }
}
