import type { ColumnMapping, ImportPreview, ImportSource } from '../../../src-shared/domain/exchange';
import { useUi } from '../../store';
import { formatCount } from '../../ui/format';
import { replaceTarget, targetFromValue, targetGroups, targetOf, targetValue } from './mapping-options';
import { PreviewTable } from './PreviewTable';

const sourceLabels: Record<ImportSource, string> = {
  fieldbook: 'a Fieldbook export',
  google: 'a Google Contacts export',
  outlook: 'an Outlook export',
  hubspot: 'a HubSpot export',
  salesforce: 'a Salesforce export',
  pipedrive: 'a Pipedrive export',
  generic: 'a spreadsheet',
};

interface MappingStepProps {
  preview: ImportPreview;
  mapping: ColumnMapping[];
  onChange: (mapping: ColumnMapping[]) => void;
}

/** Each column of the file, what it will fill, and the first rows as they will be stored. */
export function MappingStep({ preview, mapping, onChange }: MappingStepProps) {
  const customFields = useUi((state) => state.settings?.customFields ?? []);
  const firstRow = preview.preview.find((row) => !row.problem) ?? preview.preview[0];
  const mapped = mapping.filter((entry) => entry.target.field !== 'ignore').length;

  return (
    <div className="import-step">
      <p className="muted">
        This looks like {sourceLabels[preview.source]} ({formatCount(preview.counts.rows, 'row')}, {preview.encoding}
        {preview.delimiter ? `, separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”` : ''}).{' '}
        {mapped} of {preview.headers.length} columns are used; change any of them below.
      </p>
      <div className="exchange-table-wrap exchange-table-wrap--mapping">
        <table className="exchange-table">
          <caption className="visually-hidden">Columns of the file and what they fill</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Example</th>
              <th scope="col">Stored as</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, column) => {
              const target = targetOf(mapping, column);
              const ignored = target.field === 'ignore';
              return (
                <tr key={column} className={ignored ? 'exchange-table__row--ignored' : undefined}>
                  <th scope="row" className="exchange-table__header-cell">
                    {header || `Column ${column + 1}`}
                  </th>
                  <td className="exchange-table__example">{firstRow?.cells[column] ?? ''}</td>
                  <td>
                    <select
                      className="input"
                      aria-label={`Column ${header || column + 1}`}
                      value={targetValue(target)}
                      onChange={(event) =>
                        onChange(replaceTarget(mapping, column, targetFromValue(event.target.value, header, customFields)))
                      }
                    >
                      <option value="ignore">Don’t import</option>
                      {targetGroups(target, customFields, preview.headers).map((group) => (
                        <optgroup key={group.label} label={group.label}>
                          {group.options.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 className="import-step__title">Preview</h3>
      <PreviewTable rows={preview.preview} />
    </div>
  );
}
