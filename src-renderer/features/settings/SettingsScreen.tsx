import { useEffect, useMemo, useRef } from 'react';
import { QuotesSettingsPanel } from '../pipeline/QuotesSettingsPanel';
import { OfflineFilesPanel } from '../files/OfflineFilesPanel';
import { TeamSyncPanel } from '../sync/TeamSyncPanel';
import { MailAccountsLink } from '../mail/MailAccountsLink';
import { useUi } from '../../store';
import { Cluster } from '../../ui/Cluster';
import { FieldError } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { SelectField } from '../../ui/SelectField';
import { Stack } from '../../ui/Stack';
import { TextField } from '../../ui/TextField';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { countryOptions } from './options';
import { SettingsSection } from './SettingsSection';
import { SlaRulesEditor } from './SlaRulesEditor';
import { StringListEditor } from './StringListEditor';
import { ThemeSetting } from './ThemeSetting';
import { AppLockSetting } from '../lock/AppLockSetting';
import './settings.css';

/** The sections, in the order of the page and of its table of contents. */
const sections = [
  { id: 'settings-profile', title: 'Profile' },
  { id: 'settings-office', title: 'Office & quotes' },
  { id: 'settings-phone', title: 'Phone' },
  { id: 'settings-contacts', title: 'Contacts' },
  { id: 'settings-mail', title: 'Mail' },
  { id: 'settings-files', title: 'Files & storage' },
  { id: 'settings-sync', title: 'Team & sync' },
  { id: 'settings-appearance', title: 'Appearance' },
  { id: 'settings-lock', title: 'App lock' },
] as const;

/**
 * Settings in sections, each saved by its own Save (SaveBar): what is typed in one section stays
 * until it is saved or discarded there, and never goes out with another section's Save.
 */
export function SettingsScreen({ focusUserName }: { focusUserName: boolean }) {
  const settings = useUi((state) => state.settings);
  if (!settings) return null;
  return (
    <Screen width="form">
      <PageHeader title="Settings" meta="These settings belong to this computer." />
      <nav aria-label="Settings sections">
        <Cluster as="ul" gap="md" className="plain-list">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} onClick={(event) => jumpTo(event, section.id)}>
                {section.title}
              </a>
            </li>
          ))}
        </Cluster>
      </nav>
      <ProfileSection focusUserName={focusUserName} />
      <QuotesSettingsPanel id="settings-office" />
      <PhoneSection />
      <ContactsSection />
      <div id="settings-mail">
        <MailAccountsLink />
      </div>
      <FilesSection />
      <div id="settings-sync">
        <TeamSyncPanel />
      </div>
      <ThemeSetting id="settings-appearance" />
      <AppLockSetting id="settings-lock" />
    </Screen>
  );
}

/** The hash is the app's route: scroll to the section instead of navigating. */
function jumpTo(event: React.MouseEvent, id: string) {
  event.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.querySelector<HTMLElement>('h2')?.focus();
}

function ProfileSection({ focusUserName }: { focusUserName: boolean }) {
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusUserName) nameRef.current?.focus();
  }, [focusUserName]);
  return (
    <SettingsSection id="settings-profile" title="Profile" keys={['userName']}>
      {({ bind }) => (
        <TextField label="Your name" hint="Contacts you add are owned by this name, and “My contacts” shows them." width="narrow" autoComplete="name" inputRef={nameRef} {...bind('userName')} />
      )}
    </SettingsSection>
  );
}

function PhoneSection() {
  const countries = useMemo(() => countryOptions(), []);
  const contactTypes = useUi((state) => state.settings?.contactTypes ?? []);
  return (
    <SettingsSection
      id="settings-phone"
      title="Phone"
      help="How numbers are read, the outcomes a logged call is given, and the rules that make sure a call is returned in time."
      keys={['defaultRegion', 'callDispositions', 'slaRules', 'emergencyKeywords']}
    >
      {({ values, errors, set, bind }) => (
        <>
          <SelectField
            label="Default phone country"
            hint="Numbers typed without a country code, like 020 7946 0958, are read as numbers from this country."
            options={countries}
            {...bind('defaultRegion')}
          />
          <Stack gap="sm">
            <h3 className="caps-label">Call outcomes</h3>
            {errors.callDispositions ? <FieldError id="call-outcomes-error">{errors.callDispositions}</FieldError> : null}
            <StringListEditor noun="Call outcome" errorPrefix="outcome" rows={values.callDispositions} errors={errors} onChange={(rows) => set('callDispositions', rows)} />
          </Stack>
          <Stack gap="sm">
            <h3 className="caps-label">Response-time rules</h3>
            <p className="muted">Fieldbook adds a high-priority follow-up by itself when a rule matches, so a missed call from a lead is never forgotten.</p>
            <SlaRulesEditor
              rows={values.slaRules}
              errors={errors}
              contactTypes={contactTypes}
              callOutcomes={values.callDispositions.map((row) => row.name.trim()).filter(Boolean)}
              onChange={(rows) => set('slaRules', rows)}
            />
          </Stack>
          <TextField
            label="Emergency words"
            hint="A call whose transcript or notes say one of these (whole words, separated by commas) is marked as an emergency and goes to the top of triage."
            {...bind('emergencyKeywords')}
          />
        </>
      )}
    </SettingsSection>
  );
}

function ContactsSection() {
  return (
    <SettingsSection
      id="settings-contacts"
      title="Contacts"
      help="The kinds of contact you keep (the first is the default for new ones) and the extra details every contact can have."
      keys={['contactTypes', 'customFields']}
    >
      {({ values, errors, set }) => (
        <>
          <Stack gap="sm">
            <h3 className="caps-label">Contact types</h3>
            <p className="muted">Renaming a type does not change contacts that already use the old name.</p>
            {errors.contactTypes ? <FieldError id="contact-types-error">{errors.contactTypes}</FieldError> : null}
            <StringListEditor noun="Contact type" errorPrefix="type" rows={values.contactTypes} errors={errors} onChange={(rows) => set('contactTypes', rows)} />
          </Stack>
          <Stack gap="sm">
            <h3 className="caps-label">Custom fields</h3>
            <p className="muted">Shown on each contact and in its form. Removing a field removes it from every contact.</p>
            <CustomFieldsEditor rows={values.customFields} errors={errors} onChange={(rows) => set('customFields', rows)} />
          </Stack>
        </>
      )}
    </SettingsSection>
  );
}

function FilesSection() {
  return (
    <Stack gap="lg" id="settings-files">
      <SettingsSection id="settings-files-size" title="Files & storage" keys={['maxFileBytes']}>
        {({ bind }) => (
          <TextField
            label="Largest file, in MB"
            hint="Bigger files are refused when attached. Photos from a phone are usually 2 to 8 MB."
            width="short"
            inputMode="decimal"
            {...bind('maxFileMb', 'maxFileBytes')}
          />
        )}
      </SettingsSection>
      <OfflineFilesPanel />
    </Stack>
  );
}
