import { useId, useState } from 'react';
import { api, describeError } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { LiveContent } from '../../ui/LiveContent';
import { Stack } from '../../ui/Stack';
import { TextField } from '../../ui/TextField';
import { useLiveData } from '../../ui/use-live-data';

/** An admin's retention rule: how long calls keep their recording and transcript. */
export function RetentionPanel() {
  const titleId = useId();
  const rules = useLiveData('privacy:retention', () => api.invoke('privacy.retention', {}));
  return (
    <Stack as="section" gap="sm" align="start" className="sync-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-section__title">
        Retention
      </h3>
      <LiveContent live={rules} loading="Loading the retention rules…" failed="The retention rules could not be loaded.">
        {(loaded) => <RecordingDays initial={loaded.callRecordingDays} onSaved={rules.reload} />}
      </LiveContent>
    </Stack>
  );
}

function RecordingDays({ initial, onSaved }: { initial: number | null; onSaved: () => void }) {
  const pushToast = useUi((state) => state.pushToast);
  const [text, setText] = useState(initial === null ? '' : String(initial));
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const days = text.trim() === '' ? null : Number(text);
    if (days !== null && (!Number.isInteger(days) || days < 1)) return setError('Enter a whole number of days, or leave it empty to keep them');
    setSaving(true);
    try {
      const { cleared } = await api.invoke('privacy.setRetention', { callRecordingDays: days });
      pushToast({ message: cleared > 0 ? `Recordings and transcripts of ${cleared} older calls erased` : 'Retention rule saved' });
      onSaved();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Cluster>
      <TextField
        label="Erase call recordings and transcripts after (days)"
        hint="Empty keeps them. Applies to every laptop of the team; the calls themselves stay."
        inputMode="numeric"
        width="short"
        value={text}
        error={error}
        onChange={(value) => {
          setText(value);
          setError(undefined);
        }}
      />
      <Button busy={saving} busyLabel="Saving…" onClick={() => void save()}>
        Save rule
      </Button>
    </Cluster>
  );
}
