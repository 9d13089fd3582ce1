import { Field } from '../../ui/Field';
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
      <section className="card" aria-labelledby="settings-outcomes" aria-describedby="settings-outcomes-help">
        <h2 id="settings-outcomes" className="card__title">
          Call outcomes
        </h2>
        <p id="settings-outcomes-help" className="card__help">
          Every logged call gets one of these, like “booked” or “quote needed”. Call history can be filtered by them.
        </p>
        {errors.callDispositions ? <p className="field__error">{errors.callDispositions}</p> : null}
        <StringListEditor noun="Call outcome" errorPrefix="outcome" rows={values.callDispositions} errors={errors} onChange={(rows) => set('callDispositions', rows)} />
      </section>

      <section className="card" aria-labelledby="settings-sla" aria-describedby="settings-sla-help">
        <h2 id="settings-sla" className="card__title">
          Response-time rules
        </h2>
        <p id="settings-sla-help" className="card__help">
          Fieldbook adds a high-priority follow-up by itself when a rule matches, so a missed call from a lead is never forgotten.
          Follow-ups show whether they are on track, due soon or overdue.
        </p>
        <SlaRulesEditor rows={values.slaRules} errors={errors} contactTypes={contactTypes} callOutcomes={callOutcomes} onChange={(rows) => set('slaRules', rows)} />
      </section>

      <section className="card" aria-labelledby="settings-files">
        <h2 id="settings-files" className="card__title">
          Files
        </h2>
        <Field label="Largest file, in MB" error={errors.maxFileBytes} hint="Bigger files are refused when attached. Photos from a phone are usually 2 to 8 MB.">
          {(control) => (
            <input {...control} className="input input--short" inputMode="decimal" value={values.maxFileMb} onChange={(event) => set('maxFileMb', event.target.value)} />
          )}
        </Field>
      </section>
    </>
  );
}
