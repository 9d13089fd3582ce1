import type { PreviewRow } from '../../../src-shared/domain/exchange';
import { Badge } from '../../ui/Badge';
import { Table, type TableColumn } from '../../ui/Table';

const fields: { id: string; header: string; value: (row: PreviewRow) => string }[] = [
  { id: 'name', header: 'Name', value: (row) => row.contact?.name ?? '' },
  { id: 'company', header: 'Company', value: (row) => row.contact?.company ?? '' },
  { id: 'phones', header: 'Phones', value: (row) => row.contact?.phones.map((phone) => phone.e164).join(', ') ?? '' },
  { id: 'emails', header: 'E-mails', value: (row) => row.contact?.emails.map((email) => email.address).join(', ') ?? '' },
  { id: 'city', header: 'City', value: (row) => row.contact?.address.city ?? '' },
  { id: 'tags', header: 'Tags', value: (row) => row.contact?.tags.join(', ') ?? '' },
  { id: 'photo', header: 'Photo', value: (row) => (row.hasPhoto ? 'Yes' : '') },
];

const columns: TableColumn<PreviewRow>[] = [
  { id: 'line', header: 'Line', muted: true, cell: (row) => row.line },
  // A row the import cannot store shows what the file had, across the contact's columns.
  ...fields.map((field, index) => ({
    id: field.id,
    header: field.header,
    span: (row: PreviewRow) => (row.problem && index === 0 ? fields.length : 1),
    cell: (row: PreviewRow) => (row.problem ? row.cells.filter(Boolean).join(', ') || '(empty)' : field.value(row)),
  })),
  {
    id: 'check',
    header: 'Check',
    cell: (row) =>
      row.problem ? (
        <span className="exchange-problem strong">{row.problem}</span>
      ) : row.duplicate ? (
        <Badge tone="warning">Duplicate</Badge>
      ) : row.warnings.length > 0 ? (
        // The contact is stored; what it could not use is in its summary as written.
        <>
          <Badge tone="warning">Kept as written</Badge> <span className="exchange-problem strong">{row.warnings.join(' ')}</span>
        </>
      ) : (
        <Badge tone="success">OK</Badge>
      ),
  },
];

/** The first rows of the file as the import will store them, with the rows it cannot store. */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <Table
      caption="Preview: the first rows as they will be stored"
      density="compact"
      maxHeight={360}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.line}
      rowTone={(row) => (row.problem ? 'problem' : undefined)}
    />
  );
}
