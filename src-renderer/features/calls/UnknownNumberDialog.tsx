import type { Call } from '../../../src-shared/domain/call';
import { formatPhone } from '../../../src-shared/phone';
import { useUi } from '../../store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** After logging a call nobody's number matched: offer to create the contact, number filled in. */
export function UnknownNumberDialog({ call, onClose }: { call: Call; onClose: () => void }) {
  const navigate = useUi((state) => state.navigate);
  return (
    <ConfirmDialog
      title="Call logged from an unknown number"
      description={
        <p>
          No contact has the number <strong>{formatPhone(call.number)}</strong>. Create one, and this call (and any other from the number)
          goes on their timeline.
        </p>
      }
      cancelLabel="Not now"
      confirmLabel="Create contact"
      onConfirm={() => {
        onClose();
        navigate({ name: 'contactNew', phone: call.number, callId: call.id });
      }}
      onClose={onClose}
    />
  );
}
