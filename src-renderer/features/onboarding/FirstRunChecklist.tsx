import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import { Button, buttonClassName } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { IconButton } from '../../ui/IconButton';
import { IconCircle } from '../../ui/IconCircle';
import { ListRow } from '../../ui/ListRow';
import { RowList } from '../../ui/RowList';
import { TextField } from '../../ui/TextField';
import { showTeamSyncPanel } from '../sync/show-team-sync-panel';
import { checklistSteps, showsChecklist, type ChecklistStep, type ChecklistStepId } from './checklist-steps';
import { useChecklistFacts } from './hooks';
import './onboarding.css';

/**
 * A new office's first steps, on the dashboard of an empty data folder: each done right here (or
 * one click from the exact place it is done), ticked off as soon as it is done anywhere, and put
 * away for good with Dismiss.
 *   <FirstRunChecklist />
 */
export function FirstRunChecklist() {
  const settings = useUi((state) => state.settings);
  const facts = useChecklistFacts(!!settings && !settings.firstRunChecklistDismissed);
  if (!facts || !showsChecklist(facts)) return null;
  const steps = checklistSteps(facts);
  const done = steps.filter((step) => step.done).length;
  return (
    <div className="first-run">
      <Card
        title="Get Fieldbook ready"
        help={`${done} of ${steps.length} done. Each step takes a minute; skip any you do not need.`}
        actions={<DismissButton />}
      >
        <RowList label="Getting started steps" ordered>
          {steps.map((step) => (
            <li key={step.id} className="first-run__step" aria-label={`${step.title}${step.done ? ', done' : ''}`}>
              <ListRow
                align="center"
                leading={<IconCircle icon={step.done ? 'check' : stepIcons[step.id]} tone={step.done ? 'success' : 'neutral'} />}
                title={step.title}
                meta={step.done ? 'Done' : stepHints[step.id]}
                trailing={step.done ? null : <StepAction step={step} />}
              />
            </li>
          ))}
        </RowList>
      </Card>
    </div>
  );
}

const stepIcons: Record<ChecklistStepId, 'user' | 'building' | 'upload' | 'pipeline' | 'contacts'> = {
  name: 'user',
  office: 'building',
  import: 'upload',
  pipeline: 'pipeline',
  teammate: 'contacts',
};

const stepHints: Record<ChecklistStepId, string> = {
  name: 'What you create is yours, and “My contacts” are the ones you own.',
  office: 'Printed at the top of every quote you send.',
  import: 'From a CSV file or vCards: Google, Outlook, your phone or another CRM.',
  pipeline: 'The stages your jobs go through, from enquiry to paid.',
  teammate: 'Work on the same contacts from several laptops, offline too.',
};

function StepAction({ step }: { step: ChecklistStep }) {
  const navigate = useUi((state) => state.navigate);
  switch (step.id) {
    case 'name':
      return <SettingForm label="Your name" field="userName" autoComplete="name" />;
    case 'office':
      return <OfficeStep />;
    case 'import':
      return (
        <Button size="sm" icon="upload" onClick={() => navigate({ name: 'exchange' })}>
          Import contacts
        </Button>
      );
    case 'pipeline':
      return <PipelineStep />;
    case 'teammate':
      return (
        <Button
          size="sm"
          onClick={() => {
            navigate({ name: 'settings' });
            showTeamSyncPanel();
          }}
        >
          Set up team sync
        </Button>
      );
  }
}

/** One setting typed and saved in place. */
function SettingForm({ label, field, autoComplete }: { label: string; field: 'userName' | 'officeName'; autoComplete: string }) {
  const settings = useUi((state) => state.settings);
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const [value, setValue] = useState(settings?.[field] ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') {
      setError(`Enter ${label.toLowerCase()} first`);
      return;
    }
    setSaving(true);
    try {
      setSettings(await api.invoke('settings.update', { [field]: value.trim() }));
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure.message);
      else showError(failure);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="first-run__form" onSubmit={(event) => void save(event)}>
      <TextField label={label} hideLabel placeholder={label} value={value} onChange={setValue} error={error} maxLength={120} autoComplete={autoComplete} />
      <Button submit size="sm" variant="primary" busy={saving} busyLabel="Saving…">
        Save
      </Button>
    </form>
  );
}

function OfficeStep() {
  const settings = useUi((state) => state.settings);
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const [error, setError] = useState<string>();
  const chooseLogo = async (file: File | undefined) => {
    if (!file || !settings) return;
    try {
      const { uploadId } = await api.uploadFile(file);
      const { officeLogoSha256 } = await api.invoke('settings.setLogo', { uploadId });
      setSettings({ ...settings, officeLogoSha256 });
      setError(undefined);
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure.message);
      else showError(failure);
    }
  };
  let logo: ReactNode = <span className="meta">Logo added</span>;
  if (!settings?.officeLogoSha256) {
    logo = (
      <label className={buttonClassName('secondary', 'sm')}>
        Upload logo
        <input
          type="file"
          className="visually-hidden"
          accept="image/png,image/jpeg"
          onChange={(event) => void chooseLogo(event.currentTarget.files?.[0])}
        />
      </label>
    );
  }
  return (
    <Cluster gap="sm">
      {settings?.officeName ? <span className="meta">{settings.officeName}</span> : <SettingForm label="Office name" field="officeName" autoComplete="organization" />}
      {logo}
      {error ? (
        <span className="first-run__error" role="alert">
          {error}
        </span>
      ) : null}
    </Cluster>
  );
}

function PipelineStep() {
  const navigate = useUi((state) => state.navigate);
  const showError = useUi((state) => state.showError);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      await api.invoke('pipelines.createFromTemplate', { template: 'prospects' });
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Cluster gap="sm">
      <Button size="sm" variant="primary" busy={busy} busyLabel="Creating…" onClick={() => void create()}>
        Create a sales pipeline
      </Button>
      <Button size="sm" variant="link" onClick={() => navigate({ name: 'pipeline' })}>
        Other templates
      </Button>
    </Cluster>
  );
}

function DismissButton() {
  const setSettings = useUi((state) => state.setSettings);
  const showError = useUi((state) => state.showError);
  const dismiss = async () => {
    try {
      setSettings(await api.invoke('settings.update', { firstRunChecklistDismissed: true }));
    } catch (failure) {
      showError(failure);
    }
  };
  return <IconButton label="Dismiss the getting started checklist" icon="close" onClick={() => void dismiss()} />;
}
