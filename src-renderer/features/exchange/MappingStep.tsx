import type { ColumnMapping, ImportPreview, ImportSource } from '../../../src-shared/domain/exchange';
import { useUi } from '../../store';
import { formatCount } from '../../ui/format';
import { Select } from '../../ui/Select';
import { Table, type TableColumn } from '../../ui/Table';
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
  const columns: TableColumn<string>[] = [
    { id: 'header', header: 'Column in the file', rowHeader: true, cell: (header, column) => header || `Column ${column + 1}` },
    { id: 'example', header: 'Example', muted: true, cell: (_, column) => <span className="exchange-example">{firstRow?.cells[column] ?? ''}</span> },
    {
      id: 'target',
      header: 'Stored as',
      cell: (header, column) => {
        const target = targetOf(mapping, column);
        return (
          <Select
            aria-label={`Column ${header || column + 1}`}
            value={targetValue(target)}
            options={[{ value: 'ignore', label: 'Don’t import' }]}
            groups={targetGroups(target, customFields, preview.headers)}
            onChange={(value) => onChange(replaceTarget(mapping, column, targetFromValue(value, header, customFields)))}
          />
        );
      },
    },
  ];

  return (
    <div className="exchange-section">
      <p className="muted">
        This looks like {sourceLabels[preview.source]} ({formatCount(preview.counts.rows, 'row')}, {preview.encoding}
        {preview.delimiter ? `, separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”` : ''}).{' '}
        {mapped} of {preview.headers.length} columns are used; change any of them below.
      </p>
      <Table
        caption="Columns of the file and what they fill"
        density="compact"
        maxHeight={420}
        columns={columns}
        rows={preview.headers}
        rowKey={(_, column) => column}
        rowTone={(_, column) => (targetOf(mapping, column).field === 'ignore' ? 'muted' : undefined)}
      />
      <h3 className="exchange-subtitle">Preview</h3>
      <PreviewTable rows={preview.preview} />
    </div>
  );
}
