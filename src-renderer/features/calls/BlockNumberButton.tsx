import { useState } from 'react';
import { formatPhone } from '../../../src-shared/phone';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { useAccess } from '../access/access';

/**
 * "Block this number" (admins): adds the caller to the workspace's blocked numbers, which the
 * phone line keeps (Settings → Phone); the relay rejects the number's next call and refuses texts
 * and calls to it.
 */
export function BlockNumberButton({ number }: { number: string }) {
  const { isAdmin } = useAccess();
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [busy, setBusy] = useState(false);
  if (!isAdmin) return null;
  const block = async () => {
    setBusy(true);
    try {
      const view = await api.invoke('phone.settings', {});
      if (!view.configured || !view.accountSid || !view.publicUrl) throw new Error('Connect the phone line in Settings → Phone before blocking numbers.');
      if (!view.handling.blockedNumbers.includes(number)) {
        await api.invoke('phone.saveSettings', {
          accountSid: view.accountSid,
          officeNumbers: view.officeNumbers,
          publicUrl: view.publicUrl,
          handling: { ...view.handling, blockedNumbers: [...view.handling.blockedNumbers, number] },
        });
      }
      pushToast({ message: `${formatPhone(number)} is blocked: its next call is rejected.` });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="ghost" icon="alert" disabled={busy} onClick={() => void block()}>
      Block this number
    </Button>
  );
}
