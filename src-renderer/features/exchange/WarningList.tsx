import type { RowWarning } from '../../../src-shared/domain/exchange';

/** Values of imported contacts that could not be used: each kept in the contact's summary as written, or left out. */
export function WarningList({ warnings, total }: { warnings: RowWarning[]; total: number }) {
  return (
    <div className="exchange-table-wrap">
      <table className="exchange-table">
        <caption className="visually-hidden">Values imported as written</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((warning, index) => (
            <tr key={`${warning.line}-${index}`}>
              <td className="exchange-table__line">{warning.line}</td>
              <td>{warning.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > warnings.length ? <p className="muted">… and {total - warnings.length} more.</p> : null}
    </div>
  );
}
