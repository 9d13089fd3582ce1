import { useEffect, useId, useRef, useState } from 'react';
import type { ApiKey } from '../../../src-shared/domain/intake';
import { api, describeError } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatWhen } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { Notice } from '../../ui/Notice';
import { RowList } from '../../ui/RowList';
import { Stack } from '../../ui/Stack';
import { TextField } from '../../ui/TextField';
import { useNow } from '../../ui/use-now';
import './intake.css';

/**
 * API keys for other tools (Zapier, a booking page) on the relay's intake API, for admins in
 * Team sync: make one (its key is shown this once), see which are in use, revoke one.
 */
export function ApiKeysPanel({ relayUrl }: { relayUrl: string }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const now = useNow();
  const [keys, setKeys] = useState<ApiKey[] | undefined>(undefined);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const titleId = useId();

  useEffect(() => {
    let live = true;
    api.invoke('apiKeys.list', {}).then(
      (answer) => live && setKeys(answer.keys),
      (error: unknown) => {
        if (!live) return;
        setKeys([]);
        showError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [showError]);

  // The key is shown once: it takes the focus, selected, ready to copy.
  useEffect(() => {
    if (made) secretRef.current?.focus();
  }, [made]);

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    api.invoke('apiKeys.create', { name }).then(
      (answer) => {
        setBusy(false);
        setName('');
        setNameError(undefined);
        setMade({ name: answer.key.name, secret: answer.secret });
        setKeys((current) => [answer.key, ...(current ?? [])]);
      },
      (error: unknown) => {
        setBusy(false);
        setNameError(describeError(error));
      },
    );
  };

  const revoke = (key: ApiKey) => {
    setBusy(true);
    api.invoke('apiKeys.revoke', { id: key.id }).then(
      (answer) => {
        setBusy(false);
        setRevoking(null);
        setKeys(answer.keys);
        if (made?.name === key.name) setMade(null);
        pushToast({ message: `“${key.name}” can no longer add anything` });
      },
      (error: unknown) => {
        setBusy(false);
        setRevoking(null);
        showError(error);
      },
    );
  };

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.secret);
      pushToast({ message: 'API key copied' });
    } catch {
      secretRef.current?.focus();
      secretRef.current?.select();
      pushToast({ message: 'The key is selected: press Ctrl+C (⌘C on a Mac) to copy it' });
    }
  };

  return (
    <Stack as="section" gap="sm" align="start" className="sync-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-section__title">
        API keys
      </h3>
      <p className="muted">
        Let tools such as Zapier or a booking page add contacts, notes and calls. They send them to <span className="sync-code">{relayUrl}/api/v1/…</span>;
        the API is described at <span className="sync-code">{relayUrl}/api/openapi.json</span>.
      </p>
      <form className="intake-key-form" onSubmit={create}>
        <Cluster className="intake-key-form__row">
          <TextField
            label="Name of the tool"
            value={name}
            onChange={setName}
            error={nameError}
            placeholder="Zapier"
            width="narrow"
          />
          <Button submit busy={busy && !revoking} busyLabel="Making a key…">
            Make an API key
          </Button>
        </Cluster>
      </form>
      {made ? (
        <Notice tone="warning">
          <Stack gap="xs" align="start">
            <strong>Copy the key for “{made.name}” now: it is not shown again.</strong>
            <Cluster>
              <input
                ref={secretRef}
                className="input sync-code intake-key__secret"
                aria-label={`API key for ${made.name}`}
                readOnly
                value={made.secret}
                onFocus={(event) => event.currentTarget.select()}
              />
              <Button onClick={() => void copy()}>Copy key</Button>
              <Button variant="link" size="sm" onClick={() => setMade(null)}>
                Done
              </Button>
            </Cluster>
          </Stack>
        </Notice>
      ) : null}
      {keys === undefined ? (
        <LoadingState label="Loading API keys…" />
      ) : keys.length === 0 ? (
        <p className="meta">No tool has a key yet.</p>
      ) : (
        <RowList boxed label="API keys">
          {keys.map((key) => (
            <li key={key.id} aria-label={key.name}>
              <Cluster>
                <span className="strong">{key.name}</span>
                <span className="sync-code meta">{key.hint}</span>
                <span className="meta">
                  Made by {key.createdBy} {formatWhen(key.createdAt, now)} · {key.lastUsedAt === null ? 'never used' : `last used ${formatWhen(key.lastUsedAt, now)}`}
                </span>
                <span className="sync-member__action">
                  <Button variant="danger" size="sm" aria-label={`Revoke the key of ${key.name}`} onClick={() => setRevoking(key)}>
                    Revoke
                  </Button>
                </span>
              </Cluster>
            </li>
          ))}
        </RowList>
      )}
      {revoking ? (
        <ConfirmDialog
          title={`Revoke the key of “${revoking.name}”?`}
          description="It stops working at once; what it already added stays."
          confirmLabel="Revoke"
          danger
          busy={busy}
          busyLabel="Revoking…"
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </Stack>
  );
}
