import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src-shared/domain/settings';
import { emptySlaRule, formFromSettings, newRowKey, toSettingsPatch, validateSettings, type SettingsFormValues } from '../../src-renderer/features/settings/settings-form';

// The settings form edits lists as rows and durations as a number and a unit; these check that
// saving an untouched form changes nothing and that each mistake is named where it was made.

const settings: Settings = {
  ...defaultSettings,
  userName: 'Sam Owner',
  customFields: [{ id: 'boiler_size', label: 'Boiler size', kind: 'choice', choices: ['24kW', '30kW'] }],
};

function editable({ userName, defaultRegion, currency, contactTypes, customFields, callDispositions, slaRules, emergencyKeywords, maxFileBytes }: Settings) {
  return { userName, defaultRegion, currency, contactTypes, customFields, callDispositions, slaRules, emergencyKeywords, maxFileBytes };
}

describe('settings form', () => {
  it('saves an untouched form as the settings it was opened with', () => {
    const values = formFromSettings(settings);
    expect(validateSettings(values)).toEqual({});
    expect(toSettingsPatch(values)).toEqual(editable(settings));
  });

  it('shows a response-time rule in the largest whole unit, and saves it back to the minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 * 24 * 365 }), (withinMinutes) => {
        const rule = { ...defaultSettings.slaRules[0]!, withinMinutes };
        const row = formFromSettings({ ...settings, slaRules: [rule] }).slaRules[0]!;
        if (withinMinutes % (60 * 24) === 0) expect(row.unit).toBe('days');
        else if (withinMinutes % 60 === 0) expect(row.unit).toBe('hours');
        else expect(row.unit).toBe('minutes');
        expect(toSettingsPatch({ ...formFromSettings(settings), slaRules: [row] }).slaRules).toEqual([rule]);
      }),
    );
  });

  it('gives a new custom field an id from its label that no other field has', () => {
    const values = formFromSettings(settings);
    values.customFields.push({ key: newRowKey(), id: '', label: 'Boiler size!', kind: 'text', choices: '' });
    values.customFields.push({ key: newRowKey(), id: '', label: 'Gate code', kind: 'choice', choices: ' 1234 , , 9876 ' });
    expect(toSettingsPatch(values).customFields).toEqual([
      settings.customFields[0],
      { id: 'boiler_size_2', label: 'Boiler size!', kind: 'text', choices: [] },
      { id: 'gate_code', label: 'Gate code', kind: 'choice', choices: ['1234', '9876'] },
    ]);
  });

  it('names each mistake beside its row', () => {
    const values: SettingsFormValues = formFromSettings(settings);
    const [first, second] = values.contactTypes;
    second!.name = ` ${first!.name.toUpperCase()} `;
    values.callDispositions.push({ key: 'blank-outcome', name: '  ' });
    const rule = { ...emptySlaRule(), key: 'rule', within: '0' };
    values.slaRules.push(rule);
    values.customFields[0]!.choices = ' , ';
    values.maxFileMb = '5000';
    const errors = validateSettings(values);
    expect(errors).toMatchObject({
      [`type:${second!.key}`]: 'This type is already in the list',
      'outcome:blank-outcome': 'Name this outcome, or remove it',
      'sla:rule.name': 'Name the rule',
      'sla:rule.contactType': 'Choose a contact type, a call outcome, or both',
      'sla:rule.within': 'Enter how long, e.g. 2',
      'sla:rule.followUpTitle': 'Say what the follow-up is, e.g. Call back',
      [`field:${values.customFields[0]!.key}.choices`]: 'List at least one choice, separated by commas',
      maxFileBytes: 'Enter a size from 0.01 to 2048 MB',
    });
    expect(errors[`type:${first!.key}`]).toBeUndefined();
  });

  it('reads a size typed with a decimal comma', () => {
    expect(toSettingsPatch({ ...formFromSettings(settings), maxFileMb: '2,5' }).maxFileBytes).toBe(2.5 * 1024 ** 2);
  });
});
