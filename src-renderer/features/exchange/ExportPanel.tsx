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
import { api, describeError } from '../../api';
import { useUi } from '../../store';
import { endOfToday } from '../../ui/dates';
import { formatCount } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { DownloadLink } from './DownloadLink';
import { useJob, useStartJob } from './hooks';
import { JobProgressBar } from './JobProgressBar';

const entityLabels: Record<ExportEntity, string> = { contacts: 'Contacts', notes: 'Notes', followUps: 'Follow-ups', calls: 'Calls' };
const presetLabels: Record<ExportPreset, string> = { standard: 'Standard', accountant: 'Accountant', salesforce: 'Salesforce' };
const delimiterLabels = { ',': 'Comma (,)', ';': 'Semicolon (;)' } as const;
type Delimiter = keyof typeof delimiterLabels;

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
  const [useListFilters, setUseListFilters] = useState(false);

  const startCsv = useCallback((options: ExportCsvOptionsInput) => api.invoke('exchange.exportCsv', options), []);
  const startJson = useCallback(() => api.invoke('exchange.exportJson', {}), []);
  const csv = useStartJob(startCsv);
  const json = useStartJob(startJson);
  const csvJob = useJob(csv.jobId);
  const jsonJob = useJob(json.jobId);

  const presets = (Object.keys(presetLabels) as ExportPreset[]).filter((key) => exportPresetColumns[entity][key]);
  const available = useMemo(() => columnsFor(entity, preset, customFields), [entity, preset, customFields]);
  const listNarrowed = searchText.trim() !== '' || filters.contactType || filters.status || filters.tag || filters.owner === 'mine' || filters.followUpDue;

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
      const view = useListFilters
        ? {
            query: searchText,
            filters: {
              owner: filters.owner,
              ...(filters.contactType ? { contactType: filters.contactType } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.tag ? { tag: filters.tag } : {}),
              ...(filters.followUpDue ? { followUpDueBy: endOfToday() } : {}),
            },
            sort,
          }
        : undefined;
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
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title" className="card__title">
        Export
      </h2>
      <p className="card__help">A CSV file for a spreadsheet, your accountant or another CRM. Files are made on this computer.</p>
      <div className="export-form">
        <div className="export-form__row">
          <label className="export-form__field">
            <span className="field__label">What to export</span>
            <select className="input" value={entity} onChange={(event) => choose(event.target.value as ExportEntity, preset)}>
              {exportEntities.map((key) => (
                <option key={key} value={key}>
                  {entityLabels[key]}
                </option>
              ))}
            </select>
          </label>
          <label className="export-form__field">
            <span className="field__label">Preset</span>
            <select className="input" value={preset} onChange={(event) => choose(entity, event.target.value as ExportPreset)}>
              {presets.map((key) => (
                <option key={key} value={key}>
                  {presetLabels[key]}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="export-form__field export-form__delimiter">
            <legend className="field__label">Separator</legend>
            <div className="segmented">
              {(Object.keys(delimiterLabels) as Delimiter[]).map((key) => (
                <label key={key} className="segmented__option">
                  <input type="radio" name="export-delimiter" value={key} checked={delimiter === key} onChange={() => setDelimiter(key)} />
                  <span>{delimiterLabels[key]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {entity === 'contacts' ? (
          <label className="checkbox">
            <input type="checkbox" checked={useListFilters} onChange={(event) => setUseListFilters(event.target.checked)} />
            <span>
              Use the search and filters of the contact list
              <span className="checkbox__hint">
                {listNarrowed ? 'Only the contacts the list shows now are exported.' : 'The contact list shows everyone right now.'}
              </span>
            </span>
          </label>
        ) : null}
        <fieldset className="export-columns">
          <legend className="field__label">
            Columns <span className="muted">({columns.length} of {available.length})</span>
          </legend>
          <div className="export-columns__list">
            {available.map((column) => (
              <label key={column.key} className="export-columns__item">
                <input type="checkbox" checked={columns.includes(column.key)} onChange={(event) => toggleColumn(column.key, event.target.checked)} />
                <span>{column.header}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="import-actions import-actions--start">
          <button type="button" className="button button--primary" onClick={exportCsv} disabled={csvRunning || columns.length === 0}>
            <Icon name="download" size={16} /> Export {entityLabels[entity].toLowerCase()} as CSV
          </button>
          <button type="button" className="button" onClick={() => void json.run(undefined)} disabled={jsonRunning}>
            Export everything as JSON
          </button>
        </div>
        <ExportOutcome label="CSV export progress" jobId={csv.jobId} startError={csv.startError} status={csvStatus} />
        <ExportOutcome label="JSON export progress" jobId={json.jobId} startError={json.startError} status={jsonStatus} />
      </div>
    </section>
  );
}

export function ExportOutcome({
  label,
  jobId,
  startError,
  status,
}: {
  label: string;
  jobId: string | null;
  startError: unknown;
  status: ReturnType<typeof useJob>['status'];
}) {
  if (startError) {
    return (
      <p role="alert" className="notice notice--danger">
        The export could not start. {describeError(startError)}
      </p>
    );
  }
  if (!jobId) return null;
  if (!status || status.state === 'running') return <JobProgressBar label={label} status={status} />;
  if (status.state === 'done' && status.exportResult) {
    const result = status.exportResult;
    return (
      <div className="export-result" role="status">
        <Icon name="check" size={16} />
        <span className="export-result__text">
          {formatCount(result.rows, 'row')} written to {result.fileName}.
        </span>
        <DownloadLink kind="exports" fileName={result.fileName} bytes={result.bytes} />
      </div>
    );
  }
  return (
    <p role="alert" className="notice notice--danger">
      The export did not finish. {status.error?.message ?? 'It was stopped.'}
    </p>
  );
}
