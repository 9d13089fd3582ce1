import { useCallback, useMemo, useState } from 'react';
import {
  customColumnHeader,
  customColumnPrefix,
  exportColumns,
  exportEntities,
  exportPresetColumns,
  type ExportCsvOptionsInput,
  type ExportEntity,
  type ExportPreset,
} from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { Segmented } from '../../ui/Segmented';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { Cluster } from '../../ui/Cluster';
import { coreFilters, isNarrowed } from '../contacts/contact-pages';
import { useJob, useStartJob } from './hooks';
import { ExportOutcome } from './ExportOutcome';

const entityLabels: Record<ExportEntity, string> = { contacts: 'Contacts', notes: 'Notes', followUps: 'Follow-ups', calls: 'Calls' };
const presetLabels: Record<ExportPreset, string> = { standard: 'Standard', accountant: 'Accountant', salesforce: 'Salesforce' };
const presetHints: Record<ExportPreset, string> = {
  standard: 'Fieldbook’s own columns; imports back unchanged.',
  accountant: 'For people in a spreadsheet: every phone and e-mail, labels as shown here, dates in the office’s time zone.',
  salesforce: 'The field names of Salesforce’s contact import.',
};
const delimiterLabels = { ',': 'Comma (,)', ';': 'Semicolon (;)' } as const;
type Delimiter = keyof typeof delimiterLabels;
const delimiters = Object.keys(delimiterLabels) as Delimiter[];

function columnsFor(entity: ExportEntity, preset: ExportPreset, customFields: CustomFieldDef[]) {
  const salesforce = preset === 'salesforce';
  const base = exportColumns[entity].filter((column) => column.key.startsWith('sf.') === salesforce);
  const customs =
    entity === 'contacts' && !salesforce
      ? customFields.map((def) => ({ key: `${customColumnPrefix}${def.id}`, header: customColumnHeader(def.label) }))
      : [];
  return [...base, ...customs];
}

function presetKeys(entity: ExportEntity, preset: ExportPreset, customFields: CustomFieldDef[]): string[] {
  return (exportPresetColumns[entity][preset] ?? []).flatMap((key) =>
    key === `${customColumnPrefix}*` ? customFields.map((def) => `${customColumnPrefix}${def.id}`) : [key],
  );
}

/** CSV of one kind of record, with a preset, picked columns and the contact list's filters. */
export function ExportPanel() {
  const customFields = useUi((state) => state.settings?.customFields ?? []);
  const searchText = useUi((state) => state.searchText);
  const filters = useUi((state) => state.filters);
  const sort = useUi((state) => state.sort);
  const [entity, setEntity] = useState<ExportEntity>('contacts');
  const [preset, setPreset] = useState<ExportPreset>('standard');
  const [columns, setColumns] = useState<string[]>(() => presetKeys('contacts', 'standard', customFields));
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  // Arriving with the list narrowed to a segment (a segment's Export button) means exporting it.
  const [useListFilters, setUseListFilters] = useState(() => filters.segmentId !== undefined);

  const startCsv = useCallback((options: ExportCsvOptionsInput) => api.invoke('exchange.exportCsv', options), []);
  const startJson = useCallback(() => api.invoke('exchange.exportJson', {}), []);
  const csv = useStartJob(startCsv);
  const json = useStartJob(startJson);
  const csvJob = useJob(csv.jobId);
  const jsonJob = useJob(json.jobId);

  const presets = (Object.keys(presetLabels) as ExportPreset[]).filter((key) => exportPresetColumns[entity][key]);
  const available = useMemo(() => columnsFor(entity, preset, customFields), [entity, preset, customFields]);
  const listNarrowed = isNarrowed({ query: searchText.trim(), filters });

  const choose = (nextEntity: ExportEntity, nextPreset: ExportPreset) => {
    const fits = exportPresetColumns[nextEntity][nextPreset] ? nextPreset : 'standard';
    setEntity(nextEntity);
    setPreset(fits);
    setColumns(presetKeys(nextEntity, fits, customFields));
    csv.reset();
  };

  const toggleColumn = (key: string, on: boolean) => {
    // Kept in the order of the checklist, which is the order of the file.
    const next = new Set(columns);
    if (on) next.add(key);
    else next.delete(key);
    setColumns(available.map((column) => column.key).filter((candidate) => next.has(candidate)));
  };

  const exportCsv = () => {
    const common = { preset, columns, delimiter };
    if (entity === 'contacts') {
      const view = useListFilters ? { query: searchText, filters: coreFilters(filters), sort } : undefined;
      void csv.run({ entity, ...common, ...(view ? { view } : {}) });
    } else {
      void csv.run({ entity, ...common });
    }
  };

  const csvStatus = csvJob.status;
  const csvRunning = csv.starting || (csv.jobId !== null && csvStatus?.state !== 'done' && csvStatus?.state !== 'failed' && csvStatus?.state !== 'cancelled');
  const jsonStatus = jsonJob.status;
  const jsonRunning = json.starting || (json.jobId !== null && jsonStatus?.state !== 'done' && jsonStatus?.state !== 'failed' && jsonStatus?.state !== 'cancelled');

  return (
    <Card title="Export" help="A CSV file for a spreadsheet, your accountant or another CRM. Files are made on this computer.">
      <Cluster gap="md" className="export-options">
        <SelectField label="What to export" options={toOptions(exportEntities, entityLabels)} value={entity} onChange={(next) => choose(next, preset)} />
        <SelectField
          label="Preset"
          hint={presetHints[preset]}
          options={toOptions(presets, presetLabels)}
          value={preset}
          onChange={(next) => choose(entity, next)}
        />
        <Segmented label="Separator" showLabel options={delimiters} labels={delimiterLabels} value={delimiter} onChange={setDelimiter} />
      </Cluster>
      {entity === 'contacts' ? (
        <Checkbox
          label="Use the search and filters of the contact list"
          hint={listNarrowed ? 'Only the contacts the list shows now are exported.' : 'The contact list shows everyone right now.'}
          checked={useListFilters}
          onChange={setUseListFilters}
        />
      ) : null}
      <fieldset className="export-columns">
        <legend className="field__label">
          Columns <span className="muted">({columns.length} of {available.length})</span>
        </legend>
        <div className="export-columns__list">
          {available.map((column) => (
            <Checkbox key={column.key} label={column.header} checked={columns.includes(column.key)} onChange={(on) => toggleColumn(column.key, on)} />
          ))}
        </div>
      </fieldset>
      <Cluster>
        <Button variant="primary" icon="download" onClick={exportCsv} disabled={csvRunning || columns.length === 0}>
          Export {entityLabels[entity].toLowerCase()} as CSV
        </Button>
        <Button onClick={() => void json.run(undefined)} disabled={jsonRunning}>
          Export everything as JSON
        </Button>
      </Cluster>
      <ExportOutcome label="CSV export progress" jobId={csv.jobId} startError={csv.startError} status={csvStatus} />
      <ExportOutcome label="JSON export progress" jobId={json.jobId} startError={json.startError} status={jsonStatus} />
    </Card>
  );
}
