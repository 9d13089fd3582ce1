import { useState } from 'react';
import type { CallHandling, PhoneSettingsInput, PhoneSettingsView } from '../../../src-shared/domain/telephony';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { DetailList } from '../../ui/DetailList';
import { FormGrid } from '../../ui/FormGrid';
import { IconButton } from '../../ui/IconButton';
import { LiveContent } from '../../ui/LiveContent';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useLiveData } from '../../ui/use-live-data';
import { usePhoneSettings } from './hooks';
import { Cluster } from '../../ui/Cluster';
import './phone.css';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const lines = (text: string) => text.split(/[\n,]+/).map((line) => line.trim()).filter(Boolean);

/** Settings → Phone: connect the office's Twilio number and say how calls are handled. Admins only. */
export function PhoneSettingsScreen() {
  const settings = usePhoneSettings();
  const workspace = useLiveData('sync:workspace', () => api.invoke('sync.workspace', {}), { reportErrors: false });
  const isAdmin = workspace.status === 'ready' && workspace.data.you.role === 'admin';
  return (
    <Screen width="form">
      <PageHeader title="Phone" meta="The office's Twilio number: calls and texts on every laptop" />
      <LiveContent live={settings} loading="Loading the phone settings…" failed="The relay could not be reached for the phone settings. Join a workspace in Settings → Team sync first.">
        {(view) =>
          isAdmin && workspace.status === 'ready' ? (
            <PhoneSettingsForm view={view} members={workspace.data.members.filter((member) => !member.removed)} onSaved={settings.reload} />
          ) : (
            <Notice tone="info" role="status">
              Only an admin of the workspace can change the phone settings.{view.configured ? ` The office number is ${view.officeNumbers.join(', ')}.` : ' The phone line is not connected yet.'}
            </Notice>
          )
        }
      </LiveContent>
    </Screen>
  );
}

function PhoneSettingsForm({ view, members, onSaved }: { view: PhoneSettingsView; members: { id: string; name: string }[]; onSaved: () => void }) {
  const [accountSid, setAccountSid] = useState(view.accountSid ?? '');
  const [authToken, setAuthToken] = useState('');
  const [apiKeySid, setApiKeySid] = useState('');
  const [apiKeySecret, setApiKeySecret] = useState('');
  const [officeNumbers, setOfficeNumbers] = useState(view.officeNumbers.join(', '));
  const [publicUrl, setPublicUrl] = useState(view.publicUrl ?? '');
  const [handling, setHandling] = useState<CallHandling>(view.handling);
  const [openDays, setOpenDays] = useState<number[]>(view.handling.openingHours.map((hours) => hours.day));
  const [opens, setOpens] = useState(view.handling.openingHours[0]?.opens ?? '08:00');
  const [closes, setCloses] = useState(view.handling.openingHours[0]?.closes ?? '17:30');
  const [blocked, setBlocked] = useState(view.handling.blockedNumbers.join('\n'));
  const [message, setMessage] = useState<{ tone: 'success' | 'danger' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const set = <K extends keyof CallHandling>(key: K, value: CallHandling[K]) => setHandling((current) => ({ ...current, [key]: value }));

  const run = async (what: string, work: () => Promise<string>) => {
    setBusy(what);
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: await work() });
    } catch (error) {
      setMessage({ tone: 'danger', text: describeError(error) });
    } finally {
      setBusy(null);
    }
  };
  const save = () =>
    run('save', async () => {
      const input: PhoneSettingsInput = {
        accountSid: accountSid.trim(),
        ...(authToken.trim() ? { authToken: authToken.trim() } : {}),
        ...(apiKeySid.trim() ? { apiKeySid: apiKeySid.trim(), apiKeySecret: apiKeySecret.trim() } : {}),
        officeNumbers: lines(officeNumbers),
        publicUrl: publicUrl.trim(),
        handling: { ...handling, blockedNumbers: lines(blocked), openingHours: openDays.map((day) => ({ day, opens, closes })) },
      };
      await api.invoke('phone.saveSettings', input);
      setAuthToken('');
      setApiKeySecret('');
      onSaved();
      return 'Saved. Press Test to check the credentials with Twilio.';
    });

  return (
    <form
      className="stack stack--lg"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Card title="Twilio account" help={`Credentials are kept by the relay, ${view.secretsAtRest}, and never sent back to a laptop.`}>
        <FormGrid columns={2}>
          <TextField label="Account SID" value={accountSid} onChange={setAccountSid} placeholder="AC…" autoComplete="off" />
          <TextField label="Auth token" type="password" value={authToken} onChange={setAuthToken} hint={view.hasAuthToken ? 'Saved; leave empty to keep it.' : 'Also checks every webhook Twilio sends.'} autoComplete="off" />
          <TextField label="API key SID (optional)" value={apiKeySid} onChange={setApiKeySid} placeholder="SK…" hint={view.usesApiKey ? 'An API key is saved; leave empty to keep it.' : undefined} autoComplete="off" />
          <TextField label="API key secret" type="password" value={apiKeySecret} onChange={setApiKeySecret} autoComplete="off" />
          <TextField label="Office numbers" value={officeNumbers} onChange={setOfficeNumbers} hint="Comma-separated, such as +442079460000. The first is the caller ID." />
          <TextField label="Public URL of the relay" value={publicUrl} onChange={setPublicUrl} placeholder="https://relay.example.com" />
        </FormGrid>
      </Card>

      <Card title="Who answers">
        {handling.ringTargets.map((target, index) => (
          <div key={index} className="phone-settings__target">
            <SelectField
              label="Member"
              value={target.memberId}
              options={members.map((member) => ({ value: member.id, label: member.name }))}
              onChange={(memberId) => set('ringTargets', handling.ringTargets.map((entry, at) => (at === index ? { ...entry, memberId, name: members.find((member) => member.id === memberId)?.name ?? entry.name } : entry)))}
            />
            <TextField label="Mobile" value={target.mobile} onChange={(mobile) => set('ringTargets', handling.ringTargets.map((entry, at) => (at === index ? { ...entry, mobile } : entry)))} />
            <IconButton icon="trash" label={`Remove ${target.name}`} onClick={() => set('ringTargets', handling.ringTargets.filter((_, at) => at !== index))} />
          </div>
        ))}
        <div>
          <Button size="sm" icon="plus" onClick={() => members[0] && set('ringTargets', [...handling.ringTargets, { memberId: members[0].id, name: members[0].name, mobile: '' }])}>
            Add a phone
          </Button>
        </div>
        <FormGrid columns={2}>
          <Segmented label="Ring" showLabel options={['together', 'in_order'] as const} labels={{ together: 'Together', in_order: 'In order' }} value={handling.ringMode} onChange={(mode) => set('ringMode', mode)} />
          <TextField label="Ring time (seconds)" inputMode="numeric" value={String(handling.ringSeconds)} onChange={(value) => set('ringSeconds', Number(value) || 0)} />
          <TextAreaField label="Greeting" wide rows={2} value={handling.greeting} onChange={(value) => set('greeting', value)} hint="Said to every caller before the phones ring; empty says nothing." />
        </FormGrid>
      </Card>

      <Card title="Opening hours and voicemail" help="Outside opening hours callers go straight to voicemail. No days ticked: always open.">
        <Cluster role="group" aria-label="Open on">
          {days.map((day, index) => (
            <Checkbox key={day} variant="chip" label={day} checked={openDays.includes(index)} onChange={(checked) => setOpenDays(checked ? [...openDays, index] : openDays.filter((other) => other !== index))} />
          ))}
        </Cluster>
        <FormGrid columns={2}>
          <TextField label="Opens" type="time" value={opens} onChange={setOpens} />
          <TextField label="Closes" type="time" value={closes} onChange={setCloses} />
          <TextField label="Time zone" value={handling.timeZone} onChange={(value) => set('timeZone', value)} hint="Such as Europe/London" />
        </FormGrid>
        <Checkbox label="Voicemail" hint="Callers nobody answers can leave a message; Twilio transcribes it." checked={handling.voicemail} onChange={(value) => set('voicemail', value)} />
        <TextAreaField label="Voicemail greeting" rows={2} value={handling.voicemailGreeting} onChange={(value) => set('voicemailGreeting', value)} />
      </Card>

      <Card title="Recording, blocking and texts">
        <Checkbox label="Record calls" hint="The announcement below is said first, so callers know." checked={handling.recordCalls} onChange={(value) => set('recordCalls', value)} />
        <TextField label="Recording announcement" value={handling.recordingAnnouncement} onChange={(value) => set('recordingAnnouncement', value)} />
        <Checkbox label="Delete recordings at Twilio once Fieldbook has them" checked={handling.deleteRecordingsAtTwilio} onChange={(value) => set('deleteRecordingsAtTwilio', value)} />
        <Checkbox label="Make a contact for every new caller" hint="Exactly one per number, however many laptops are on." checked={handling.autoCreateContacts} onChange={(value) => set('autoCreateContacts', value)} />
        <TextAreaField label="Blocked numbers" rows={3} value={blocked} onChange={setBlocked} hint="One per line. Their calls are rejected; nobody can call or text them." />
        <TextField label="Answer to HELP" value={handling.helpReply} onChange={(value) => set('helpReply', value)} hint="STOP and START are handled by themselves." />
      </Card>

      {message ? (
        <Notice tone={message.tone} role={message.tone === 'danger' ? 'alert' : 'status'}>
          {message.text}
        </Notice>
      ) : null}
      <Cluster>
        <Button submit variant="primary" busy={busy === 'save'} busyLabel="Saving…">
          Save
        </Button>
        <Button disabled={!view.configured} busy={busy === 'test'} busyLabel="Testing…" onClick={() => void run('test', async () => (await api.invoke('phone.test', {})).message)}>
          Test
        </Button>
        <Button
          disabled={!view.configured}
          busy={busy === 'configure'}
          busyLabel="Configuring…"
          onClick={() => void run('configure', async () => (await api.invoke('phone.configureNumbers', {})).numbers.map((entry) => entry.message).join(' '))}
        >
          Configure the number
        </Button>
        <Button
          disabled={!view.configured}
          busy={busy === 'import'}
          busyLabel="Importing…"
          onClick={() => void run('import', async () => { const result = await api.invoke('phone.importHistory', {}); return `${result.added} calls added, ${result.updated} updated (${result.seen} read from Twilio).`; })}
        >
          Import call history
        </Button>
      </Cluster>
      {view.webhookUrls ? (
        <Card title="Webhook URLs" help="Configure the number does this for you; to do it by hand, paste these into the number's page in the Twilio console (HTTP POST).">
          <DetailList
            items={[
              { term: 'A call comes in', value: <code>{view.webhookUrls.voice}</code> },
              { term: 'Call status changes', value: <code>{view.webhookUrls.voiceStatus}</code> },
              { term: 'A message comes in', value: <code>{view.webhookUrls.messaging}</code> },
            ]}
          />
        </Card>
      ) : null}
    </form>
  );
}
