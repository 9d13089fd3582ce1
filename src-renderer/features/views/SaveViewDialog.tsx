import { useState } from 'react';
import { ViewNameSchema } from '../../../src-shared/domain/saved-view';
import { describeError } from '../../api';
import { FormDialog } from '../../ui/FormDialog';
import { Segmented } from '../../ui/Segmented';
import { Stack } from '../../ui/Stack';
import { TextField } from '../../ui/TextField';

type Sharing = 'personal' | 'shared';
const sharingLabels: Record<Sharing, string> = { personal: 'Only me', shared: 'The team' };

interface SaveViewDialogProps {
  title: string;
  submitLabel: string;
  initialName: string;
  /** Absent when renaming: who sees a view is chosen when it is saved. */
  initialShared?: boolean;
  onSave: (name: string, shared: boolean) => Promise<unknown>;
  onClose: () => void;
}

/** Names a view (new, or renamed) and, for a new one, says who sees it. */
export function SaveViewDialog({ title, submitLabel, initialName, initialShared, onSave, onClose }: SaveViewDialogProps) {
  const [name, setName] = useState(initialName);
  const [sharing, setSharing] = useState<Sharing>(initialShared ? 'shared' : 'personal');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    const parsed = ViewNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message);
      return;
    }
    setNameError(undefined);
    try {
      await onSave(parsed.data, sharing === 'shared');
      onClose();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <FormDialog title={title} size="sm" submitLabel={submitLabel} savingLabel="Saving…" error={error} onSubmit={submit} onClose={onClose}>
      <Stack gap="md">
        <TextField label="Name" value={name} onChange={setName} error={nameError} data-autofocus maxLength={80} />
        {initialShared === undefined ? null : (
          <Segmented label="Who sees it" showLabel options={['personal', 'shared'] as const} labels={sharingLabels} value={sharing} onChange={setSharing} />
        )}
      </Stack>
    </FormDialog>
  );
}
