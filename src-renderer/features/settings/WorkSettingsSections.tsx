import { Card } from '../../ui/Card';
import { FieldError } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { SlaRulesEditor } from './SlaRulesEditor';
import { StringListEditor } from './StringListEditor';
import type { SettingsErrors, SettingsFormValues } from './settings-form';

interface WorkSettingsSectionsProps {
  values: SettingsFormValues;
  errors: SettingsErrors;
  set: <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) => void;
}

/** Settings for the daily work: call outcomes, response-time rules, and the file size limit. */
export function WorkSettingsSections({ values, errors, set }: WorkSettingsSectionsProps) {
  const contactTypes = values.contactTypes.map((row) => row.name.trim()).filter(Boolean);
  const callOutcomes = values.callDispositions.map((row) => row.name.trim()).filter(Boolean);
  return (
    <>
      <Card title="Call outcomes" help="Every logged call gets one of these, like “booked” or “quote needed”. Call history can be filtered by them.">
        {errors.callDispositions ? <FieldError id="call-outcomes-error">{errors.callDispositions}</FieldError> : null}
        <StringListEditor noun="Call outcome" errorPrefix="outcome" rows={values.callDispositions} errors={errors} onChange={(rows) => set('callDispositions', rows)} />
      </Card>

      <Card
        title="Response-time rules"
        help="Fieldbook adds a high-priority follow-up by itself when a rule matches, so a missed call from a lead is never forgotten. Follow-ups show whether they are on track, due soon or overdue."
      >
        <SlaRulesEditor rows={values.slaRules} errors={errors} contactTypes={contactTypes} callOutcomes={callOutcomes} onChange={(rows) => set('slaRules', rows)} />
      </Card>

      <Card title="Files">
        <TextField
          label="Largest file, in MB"
          hint="Bigger files are refused when attached. Photos from a phone are usually 2 to 8 MB."
          width="short"
          inputMode="decimal"
          value={values.maxFileMb}
          error={errors.maxFileBytes}
          onChange={(megabytes) => set('maxFileMb', megabytes)}
        />
      </Card>
    </>
  );
}
