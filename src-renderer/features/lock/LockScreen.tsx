import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LockStatus } from '../../../src-shared/ipc/lock';
import { api, ApiError } from '../../api';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { TextField } from '../../ui/TextField';
import { UpgradeProgress } from '../privacy/UpgradeProgress';
import { useLock } from './lock-state';
import './lock.css';

/**
 * The whole window while Fieldbook is locked: the passphrase (Enter unlocks), or the system's own
 * unlock where it has one. Nothing of the app is drawn behind it.
 */
export function LockScreen({ status }: { status: LockStatus }) {
  const setStatus = useLock((state) => state.setStatus);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Counted down here from what the core last said; the core enforces the wait either way.
  const [waitSeconds, setWaitSeconds] = useState(() => Math.ceil(status.retryInMs / 1000));
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setTimeout(() => setWaitSeconds((left) => left - 1), 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds]);

  const unlock = async (input: { passphrase: string } | { useOs: true }) => {
    setBusy(true);
    setError(undefined);
    try {
      setStatus(await api.invoke('lock.unlock', input));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Fieldbook could not check that. Try again.');
      setPassphrase('');
      // The wait after wrong tries is the core's; ask it how long.
      api.invoke('lock.status', {}).then((now) => {
        setStatus(now);
        setWaitSeconds(Math.ceil(now.retryInMs / 1000));
      }, () => undefined);
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return setError('Type the passphrase.');
    void unlock({ passphrase });
  };

  const waiting = waitSeconds > 0;
  return (
    <main className="lock-screen" aria-labelledby="lock-screen-title">
      <form className="lock-screen__panel" onSubmit={submit} noValidate>
        <span className="lock-screen__icon">
          <Icon name="lock" size={28} />
        </span>
        <h1 id="lock-screen-title" className="lock-screen__title">
          Fieldbook is locked
        </h1>
        <p className="lock-screen__help">
          {status.passphrase ? 'Type the passphrase of this data folder to carry on where you were.' : `Unlock with ${status.osUnlock ?? 'this computer'} to carry on.`}
          {' '}Sync and mail keep running meanwhile.
        </p>
        {status.passphrase ? (
          <>
            <TextField
              label="Passphrase"
              type="password"
              autoComplete="current-password"
              inputRef={inputRef}
              value={passphrase}
              onChange={setPassphrase}
              error={error}
              hint={waiting ? `Too many wrong tries: wait ${waitSeconds} s.` : undefined}
              size="lg"
            />
            <Button variant="primary" submit busy={busy} busyLabel="Checking…" disabled={waiting} icon="lock">
              Unlock
            </Button>
          </>
        ) : error ? (
          <p role="alert" className="lock-screen__error">
            {error}
          </p>
        ) : null}
        {status.osUnlock ? (
          <Button variant={status.passphrase ? 'ghost' : 'primary'} disabled={busy || waiting} onClick={() => void unlock({ useOs: true })}>
            Unlock with {status.osUnlock}
          </Button>
        ) : null}
        <UpgradeProgress placement="lock-screen" />
      </form>
    </main>
  );
}
