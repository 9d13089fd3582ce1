import type { PreviewRow } from '../../../src-shared/domain/exchange';

const columns: { header: string; value: (row: PreviewRow) => string }[] = [
  { header: 'Name', value: (row) => row.contact?.name ?? '' },
  { header: 'Company', value: (row) => row.contact?.company ?? '' },
  { header: 'Phones', value: (row) => row.contact?.phones.map((phone) => phone.e164).join(', ') ?? '' },
  { header: 'E-mails', value: (row) => row.contact?.emails.map((email) => email.address).join(', ') ?? '' },
  { header: 'City', value: (row) => row.contact?.address.city ?? '' },
  { header: 'Tags', value: (row) => row.contact?.tags.join(', ') ?? '' },
  { header: 'Photo', value: (row) => (row.hasPhoto ? 'Yes' : '') },
];

/** The first rows of the file as the import will store them, with the rows it cannot store. */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <div className="exchange-table-wrap">
      <table className="exchange-table">
        <caption className="visually-hidden">Preview: the first rows as they will be stored</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={row.problem ? 'exchange-table__row--problem' : undefined}>
              <td className="exchange-table__line">{row.line}</td>
              {row.problem ? (
                <td colSpan={columns.length}>{row.cells.filter(Boolean).join(', ') || '(empty)'}</td>
              ) : (
                columns.map((column) => <td key={column.header}>{column.value(row)}</td>)
              )}
              <td>
                {row.problem ? (
                  <span className="exchange-problem">{row.problem}</span>
                ) : row.duplicate ? (
                  <span className="badge badge--standing-due_soon">Duplicate</span>
                ) : row.warnings.length > 0 ? (
                  <>
                    <span className="badge badge--standing-due_soon">Kept as written</span> <span className="exchange-problem">{row.warnings.join(' ')}</span>
                  </>
                ) : (
                  <span className="badge badge--standing-ok">OK</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
