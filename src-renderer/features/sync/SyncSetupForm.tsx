import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../src-shared/domain/sync';
import { api, ApiError, describeError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { FormGrid } from '../../ui/FormGrid';
import { Notice } from '../../ui/Notice';
import { Segmented } from '../../ui/Segmented';
import { TextField, type TextFieldProps } from '../../ui/TextField';
import { Stack } from '../../ui/Stack';

type Mode = 'start' | 'join';
type FieldName = 'relayUrl' | 'workspaceName' | 'inviteCode' | 'memberName';
type Values = Record<FieldName, string>;
type Errors = Partial<Record<FieldName | 'form', string>>;

const modeLabels: Record<Mode, string> = { start: 'Start a workspace', join: 'Join a workspace' };
const fieldsOf: Record<Mode, readonly FieldName[]> = {
  start: ['relayUrl', 'workspaceName', 'memberName'],
  join: ['relayUrl', 'inviteCode', 'memberName'],
};

/** Only "fill this in" is checked here, so every empty field shows at once; the core checks the rest. */
const emptyMessages: Record<FieldName, string> = {
  relayUrl: 'Enter the relay address, such as http://192.168.1.20:8787',
  workspaceName: 'Enter a name for the workspace, such as your office’s',
  inviteCode: 'Enter the invite code you were given',
  memberName: 'Enter your name as teammates know you',
};

function emptyFields(mode: Mode, values: Values): Errors {
  const errors: Errors = {};
  for (const field of fieldsOf[mode]) if (!values[field].trim()) errors[field] = emptyMessages[field];
  return errors;
}

/** The core's `{ code, message, field }` placed by its field, or above the buttons when no field is to blame. */
function errorsFromCore(error: unknown, mode: Mode): Errors {
  if (!(error instanceof ApiError)) return { form: describeError(error) };
  const field = error.field?.split('.').at(-1);
  const known = fieldsOf[mode].find((candidate) => candidate === field);
  if (known) return { [known]: stripFieldPrefix(error.message) };
  // The relay's "unknown, already used or expired" is about the code.
  if (mode === 'join' && error.code === 'not_found') return { inviteCode: error.message };
  return { form: error.code === 'internal' ? describeError(error) : stripFieldPrefix(error.message) };
}

/** The two ways into team sync: start a workspace on a relay, or join one with an invite code. */
export function SyncSetupForm({ onConfigured }: { onConfigured: (status: SyncStatus) => void }) {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const pushToast = useUi((state) => state.pushToast);
  const [mode, setMode] = useState<Mode>('start');
  const [values, setValues] = useState<Values>({ relayUrl: '', workspaceName: '', inviteCode: '', memberName: userName });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const formErrorId = useId();

  const set = (field: FieldName, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  // Bumped with each set of errors; once they have rendered, the first field that needs one takes focus.
  const [errorRound, setErrorRound] = useState(0);
  useEffect(() => {
    if (errorRound > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorRound]);

  const showErrors = (found: Errors) => {
    setErrors(found);
    setErrorRound((round) => round + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = emptyFields(mode, values);
    if (Object.keys(missing).length > 0) return showErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      const status =
        mode === 'start'
          ? await api.invoke('sync.createWorkspace', {
              relayUrl: values.relayUrl,
              workspaceName: values.workspaceName,
              memberName: values.memberName,
            })
          : await api.invoke('sync.join', { relayUrl: values.relayUrl, inviteCode: values.inviteCode, memberName: values.memberName });
      pushToast({
        message: mode === 'start' ? `Workspace “${status.workspaceName ?? ''}” started` : `You joined “${status.workspaceName ?? ''}”`,
      });
      onConfigured(status);
    } catch (error) {
      setBusy(false);
      showErrors(errorsFromCore(error, mode));
    }
  };

  const field = (name: FieldName, props: Omit<TextFieldProps, 'value' | 'onChange' | 'error'>) => (
    <TextField {...props} autoComplete={props.autoComplete ?? 'off'} value={values[name]} error={errors[name]} onChange={(value) => set(name, value)} />
  );

  return (
    <Stack>
      <p className="card__help muted">
        Share contacts, notes and follow-ups with your team through a relay, a small server one of you runs. Everything also stays on this
        laptop and keeps working offline.
      </p>
      <Segmented
        label="How to start syncing"
        options={['start', 'join'] as const}
        labels={modeLabels}
        value={mode}
        disabled={busy}
        onChange={(option) => {
          setMode(option);
          setErrors({});
        }}
      />
      <p className="muted">
        {mode === 'start'
          ? 'For the first person on the team: you become the workspace’s admin and can then invite teammates.'
          : 'Your admin gives you the relay address and a one-time invite code. What you have on this laptop already is kept and shared.'}
      </p>
      <form
        ref={formRef}
        className="stack stack--lg"
        aria-label={modeLabels[mode]}
        aria-describedby={errors.form ? formErrorId : undefined}
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <FormGrid>
          {field('relayUrl', {
            label: 'Relay address',
            hint: mode === 'start' ? 'Where your team’s relay runs, such as http://192.168.1.20:8787' : 'As your admin gave it to you',
            wide: true,
            width: 'narrow',
            autoComplete: 'url',
            spellCheck: false,
          })}
          {mode === 'start'
            ? field('workspaceName', { label: 'Workspace name', hint: 'Your office or team, as teammates will see it', autoComplete: 'organization' })
            : field('inviteCode', { label: 'Invite code', hint: 'Works once; ask your admin for a new one if it has expired', spellCheck: false })}
          {field('memberName', { label: 'Your name', hint: 'How teammates see you; the contacts you add are owned by this name', autoComplete: 'name' })}
        </FormGrid>
        {errors.form ? (
          <Notice id={formErrorId} tone="danger" role="alert">
            {errors.form}
          </Notice>
        ) : null}
        <div>
          <Button submit variant="primary" aria-disabled={busy || undefined}>
            {mode === 'start' ? (busy ? 'Starting…' : 'Start workspace') : busy ? 'Joining…' : 'Join workspace'}
          </Button>
        </div>
      </form>
    </Stack>
  );
}
