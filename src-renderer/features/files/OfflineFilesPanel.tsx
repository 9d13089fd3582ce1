import { useState, type FormEvent } from 'react';
import { offlineFileModes, type OfflineFiles } from '../../../src-shared/domain/file';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { Segmented } from '../../ui/Segmented';
import { TextField } from '../../ui/TextField';
import { SaveBar } from '../settings/SaveBar';

const keepLabels: Record<OfflineFiles['keep'], string> = {
  everything: 'Every file',
  recent: 'Recent files',
  on_demand: 'Only files I open',
};

/**
 * Which teammates' files this laptop fetches by itself, so they open without a connection: all
 * of them, those added in the last N days, or only those opened. A settings section with its
 * own Save, like the others (SaveBar).
 */
export function OfflineFilesPanel() {
  const settings = useUi((state) => state.settings);
  const [savedVersion, setSavedVersion] = useState<string | null>(null);
  if (!settings) return null;
  const stored = JSON.stringify(settings.offlineFiles);
  return <OfflineFilesForm key={stored} stored={settings.offlineFiles} saved={savedVersion === stored} onSaved={setSavedVersion} />;
}

function OfflineFilesForm({ stored, saved, onSaved }: { stored: OfflineFiles; saved: boolean; onSaved: (version: string) => void }) {
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const [keep, setKeep] = useState(stored.keep);
  const [days, setDays] = useState(String(stored.days));
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const dirty = keep !== stored.keep || days.trim() !== String(stored.days);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsedDays = Number(days.trim());
    if (keep === 'recent' && (!Number.isInteger(parsedDays) || parsedDays < 1 || parsedDays > 3650)) {
      setError('Enter a whole number of days from 1 to 3650, such as 30');
      return;
    }
    setSaving(true);
    try {
      const saved = await api.invoke('settings.update', { offlineFiles: { keep, days: keep === 'recent' ? parsedDays : stored.days } });
      onSaved(JSON.stringify(saved.offlineFiles));
      setSettings(saved);
    } catch (failure) {
      setSaving(false);
      if (failure instanceof ApiError && failure.field?.startsWith('offlineFiles')) setError(stripFieldPrefix(failure.message));
      else showError(failure);
    }
  };

  return (
    <Card
      title="Files to keep offline"
      help="Your teammates’ files are fetched by this laptop ahead of time, so they open without a connection. A file opened once stays on this laptop."
    >
      <form className="stack offline-files" noValidate onSubmit={(event) => void save(event)}>
        <Segmented label="Keep on this laptop" showLabel options={offlineFileModes} labels={keepLabels} value={keep} onChange={setKeep} />
        {keep === 'recent' ? (
          <TextField
            label="Files added in the last"
            suffix="days"
            width="short"
            inputMode="numeric"
            value={days}
            error={error}
            onChange={(value) => {
              setDays(value);
              setError(undefined);
            }}
          />
        ) : null}
        <p className="muted offline-files__summary">{summary(keep, days)}</p>
        <SaveBar
          section="Files to keep offline"
          dirty={dirty}
          saving={saving}
          saved={saved && !dirty}
          onDiscard={() => {
            setKeep(stored.keep);
            setDays(String(stored.days));
            setError(undefined);
          }}
        />
      </form>
    </Card>
  );
}

function summary(keep: OfflineFiles['keep'], days: string): string {
  if (keep === 'everything') return 'Every file of the team is fetched as it arrives. Needs room for all of them.';
  if (keep === 'on_demand') return 'Files are fetched when you open them, and stay after that.';
  return `Files added in the last ${days.trim() || 'few'} days are fetched as they arrive; older ones when you open them.`;
}
