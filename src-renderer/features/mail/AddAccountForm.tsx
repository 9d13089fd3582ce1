import { useState, type FormEvent } from 'react';
import { mailPreset, mailPresets, mailSecurityModes, type ConnectionCheck, type MailAccountDraft, type MailPresetId, type MailSecurity } from '../../../src-shared/domain/mail';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { FormGrid } from '../../ui/FormGrid';
import { Notice } from '../../ui/Notice';
import { FailureNotice } from './FailureNotice';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

const securityLabels: Record<MailSecurity, string> = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'None (local servers only)' };
const securityOptions = mailSecurityModes.map((value) => ({ value, label: securityLabels[value] }));

interface ServerFields {
  host: string;
  port: string;
  security: MailSecurity;
}

function ServerCard({ title, value, onChange }: { title: string; value: ServerFields; onChange: (next: ServerFields) => void }) {
  return (
    <fieldset className="mail-server">
      <legend>{title}</legend>
      <FormGrid columns={2}>
        <TextField label={`${title} server`} value={value.host} onChange={(host) => onChange({ ...value, host })} autoComplete="off" />
        <TextField label={`${title} port`} inputMode="numeric" value={value.port} onChange={(port) => onChange({ ...value, port })} />
        <SelectField label={`${title} security`} value={value.security} options={securityOptions} onChange={(security) => onChange({ ...value, security })} />
      </FormGrid>
    </fieldset>
  );
}

const fromPreset = (id: MailPresetId) => {
  const preset = mailPreset(id);
  return {
    imap: { host: preset.imap.host, port: String(preset.imap.port), security: preset.imap.security },
    smtp: { host: preset.smtp.host, port: String(preset.smtp.port), security: preset.smtp.security },
  };
};

/** Adding a mailbox: a provider fills the servers; Test connection says in plain words what fails. */
export function AddAccountForm({ onAdded, onCancel }: { onAdded: () => void; onCancel: (() => void) | undefined }) {
  const [preset, setPreset] = useState<MailPresetId>('other');
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [servers, setServers] = useState(fromPreset('other'));
  const [keepPrivate, setKeepPrivate] = useState(false);
  const [months, setMonths] = useState('12');
  const [checks, setChecks] = useState<{ imap: ConnectionCheck; smtp: ConnectionCheck } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'add' | null>(null);

  const draft = (): MailAccountDraft => {
    const user = username.trim() || email.trim();
    const server = (fields: ServerFields) => ({ host: fields.host.trim(), port: Number(fields.port) || 0, security: fields.security, username: user });
    return { email: email.trim(), displayName: '', preset, imap: server(servers.imap), smtp: server(servers.smtp), folders: [], windowMonths: Number(months) || 12, private: keepPrivate };
  };

  const run = async (what: 'test' | 'add') => {
    setBusy(what);
    setError(null);
    setChecks(null);
    try {
      if (what === 'test') {
        const result = await api.invoke('mail.testConnection', { draft: draft(), password });
        setChecks({ imap: result.imap, smtp: result.smtp });
      } else {
        await api.invoke('mail.addAccount', { draft: draft(), password });
        onAdded();
      }
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(null);
    }
  };

  const note = mailPreset(preset);
  return (
    <Card title="Add a mail account" help="Fieldbook reads the mailbox over IMAP and sends over SMTP, from this computer only.">
      <form
        className="stack"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void run('add');
        }}
      >
        <FormGrid columns={2}>
          <SelectField
            label="Provider"
            value={preset}
            options={mailPresets.map((entry) => ({ value: entry.id, label: entry.label }))}
            onChange={(id) => {
              setPreset(id);
              setServers(fromPreset(id));
            }}
          />
          <TextField label="E-mail address" type="email" value={email} onChange={setEmail} autoComplete="off" />
          <TextField label="User name" value={username} onChange={setUsername} placeholder={email || 'Usually the e-mail address'} hint="Leave empty to use the e-mail address." autoComplete="off" />
          <TextField label="Password" type="password" value={password} onChange={setPassword} hint={note.appPassword === 'required' ? 'An app password (see below).' : 'Or an app password.'} autoComplete="off" />
        </FormGrid>
        <Notice tone="info">{note.note}</Notice>
        <ServerCard title="IMAP" value={servers.imap} onChange={(imap) => setServers({ ...servers, imap })} />
        <ServerCard title="SMTP" value={servers.smtp} onChange={(smtp) => setServers({ ...servers, smtp })} />
        <FormGrid columns={2}>
          <TextField label="First sync reaches back (months)" inputMode="numeric" value={months} onChange={setMonths} />
        </FormGrid>
        <Checkbox label="Keep this mailbox private" hint="Its e-mails stay on this computer and are never shared with the team." checked={keepPrivate} onChange={setKeepPrivate} />
        {checks ? (
          <div className="stack" role="status" aria-label="Connection test">
            <Notice tone={checks.imap.ok ? 'success' : 'danger'}>Reading mail (IMAP): {checks.imap.message}</Notice>
            <Notice tone={checks.smtp.ok ? 'success' : 'danger'}>Sending mail (SMTP): {checks.smtp.message}</Notice>
          </div>
        ) : null}
        <FailureNotice message={error} />
        <div className="mail-composer__buttons">
          <Button submit variant="primary" busy={busy === 'add'} busyLabel="Connecting…" disabled={busy !== null}>
            Add account
          </Button>
          <Button busy={busy === 'test'} busyLabel="Testing…" disabled={busy !== null} onClick={() => void run('test')}>
            Test connection
          </Button>
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
