import { formatNumber } from '../../ui/format';
import type { OwnerFigures } from './hooks';
import { days, money, ratio } from './pipeline-format';

/** Each owner's results for the period: what they opened, won and lost, and how fast. */
export function OwnersTable({ owners }: { owners: OwnerFigures }) {
  return (
    <table className="pl-figures">
      <caption className="visually-hidden">Figures per owner</caption>
      <thead>
        <tr>
          <th scope="col">Owner</th>
          <th scope="col" className="col--end">
            Created
          </th>
          <th scope="col" className="col--end">
            Won
          </th>
          <th scope="col" className="col--end">
            Lost
          </th>
          <th scope="col" className="col--end">
            Won value
          </th>
          <th scope="col" className="col--end">
            Win rate
          </th>
          <th scope="col" className="col--end">
            Average deal
          </th>
          <th scope="col" className="col--end">
            Days to close
          </th>
        </tr>
      </thead>
      <tbody>
        {owners.map((row) => (
          <tr key={`${row.owner}:${row.currency}`}>
            <th scope="row">{row.owner || 'No owner'}</th>
            <td className="col--end pl-num">{formatNumber(row.created)}</td>
            <td className="col--end pl-num">{formatNumber(row.won)}</td>
            <td className="col--end pl-num">{formatNumber(row.lost)}</td>
            <td className="col--end pl-num">{money(row.wonValueMinor, row.currency)}</td>
            <td className="col--end pl-num">{ratio(row.winRate)}</td>
            <td className="col--end pl-num">{row.averageDealMinor === null ? '—' : money(row.averageDealMinor, row.currency)}</td>
            <td className="col--end pl-num">{days(row.averageDaysToClose)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
