import { idleMinuteChoices, type IdleMinutes } from '../../../src-shared/ipc/lock';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { Segmented } from '../../ui/Segmented';
import { keysOf } from '../shortcuts/shortcuts';
import { lockNow, useLock } from './lock-state';

type Choice = 'off' | `${IdleMinutes}`;
const choices: readonly Choice[] = ['off', ...idleMinuteChoices.map((minutes) => `${minutes}` as const)];
const choiceLabels: Record<Choice, string> = { off: 'Off', '1': '1 min', '5': '5 min', '15': '15 min', '60': '1 hour' };

/**
 * The app lock's setting: off, or locked after so many idle minutes (and at every start). Saved
 * at once, like the colour scheme: a lock half set up protects nothing.
 *   <AppLockSetting id="settings-lock" />
 */
export function AppLockSetting({ id }: { id?: string }) {
  const status = useLock((state) => state.status);
  const setStatus = useLock((state) => state.setStatus);
  const showError = useUi((state) => state.showError);
  if (!status) return null;
  const canLock = status.passphrase || status.osUnlock !== null;
  const choose = async (choice: Choice) => {
    try {
      setStatus(await api.invoke('lock.configure', { idleMinutes: choice === 'off' ? null : (Number(choice) as IdleMinutes) }));
    } catch (error) {
      showError(error);
    }
  };
  const unlockWith = [status.passphrase ? 'the passphrase' : null, status.osUnlock].filter(Boolean).join(' or ');
  return (
    <Card
      id={id}
      title="App lock"
      help={`Hides every customer behind a lock screen when you step away, and at every start; ${unlockWith || 'a passphrase'} opens it again. Lock at once with ${keysOf('lock').join('+')} or from the command palette.`}
      actions={
        status.idleMinutes !== null ? (
          <Button size="sm" icon="lock" onClick={() => lockNow().catch(showError)}>
            Lock now
          </Button>
        ) : null
      }
    >
      {canLock ? (
        <Segmented
          label="Lock after this long without use"
          showLabel
          options={choices}
          labels={choiceLabels}
          value={status.idleMinutes === null ? 'off' : (`${status.idleMinutes}` as Choice)}
          onChange={(choice) => void choose(choice)}
        />
      ) : (
        <Notice tone="warning" icon="alert">
          This data folder opens with the computer’s keychain alone, so there is no passphrase to unlock with. Start Fieldbook once with FIELDBOOK_PASSPHRASE set to add one, then turn the lock on here.
        </Notice>
      )}
    </Card>
  );
}
