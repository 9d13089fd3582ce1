import type { DuplicateAction, ImportPreview } from '../../../src-shared/domain/exchange';
import { formatNumber } from '../../ui/format';

export const duplicateActionLabels: Record<DuplicateAction, string> = {
  skip: 'Skip',
  update: 'Update existing',
  create: 'Create anyway',
};

interface DuplicatesStepProps {
  preview: ImportPreview;
  onDuplicate: DuplicateAction;
  decisions: Record<string, DuplicateAction>;
  onChangeDefault: (action: DuplicateAction) => void;
  onChangeRow: (line: number, action: DuplicateAction) => void;
}

/** What the import will do, and a choice for the rows that match a contact already there. */
export function DuplicatesStep({ preview, onDuplicate, decisions, onChangeDefault, onChangeRow }: DuplicatesStepProps) {
  const { counts, duplicates, problems } = preview;
  return (
    <div className="import-step">
      <ImportCounts
        items={[
          { label: 'Rows in the file', value: counts.rows },
          { label: 'Will be created', value: counts.created },
          { label: 'Will update a contact', value: counts.updated },
          { label: 'Will be skipped', value: counts.skipped },
          { label: 'Can’t be imported', value: counts.rejected, danger: counts.rejected > 0 },
        ]}
        label="What this import will do"
      />

      <section className="import-step__section" aria-labelledby="import-duplicates-title">
        <h3 id="import-duplicates-title" className="import-step__title">
          Duplicates
        </h3>
        {duplicates.length === 0 ? (
          <p className="muted">No row matches a contact you already have, or another row of the file.</p>
        ) : (
          <>
            <fieldset className="import-choice">
              <legend>When a row matches a contact you already have</legend>
              <div className="segmented">
                {(Object.keys(duplicateActionLabels) as DuplicateAction[]).map((action) => (
                  <label key={action} className="segmented__option">
                    <input
                      type="radio"
                      name="import-on-duplicate"
                      value={action}
                      checked={onDuplicate === action}
                      onChange={() => onChangeDefault(action)}
                    />
                    <span>{duplicateActionLabels[action]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="exchange-table-wrap">
              <table className="exchange-table">
                <caption className="visually-hidden">Rows that match a contact</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Row</th>
                    <th scope="col">Matches</th>
                    <th scope="col">Do</th>
                  </tr>
                </thead>
                <tbody>
                  {duplicates.map((duplicate) => (
                    <tr key={duplicate.line}>
                      <td className="exchange-table__line">{duplicate.line}</td>
                      <td>{duplicate.name}</td>
                      <td>
                        {duplicate.existing ? duplicate.existing.name : `line ${duplicate.earlierLine ?? '?'} of this file`}
                        <span className="muted"> · {duplicate.reason}</span>
                      </td>
                      <td>
                        <select
                          className="input"
                          aria-label={`Line ${duplicate.line}: ${duplicate.name}`}
                          value={decisions[String(duplicate.line)] ?? duplicate.action}
                          onChange={(event) => onChangeRow(duplicate.line, event.target.value as DuplicateAction)}
                        >
                          {(Object.keys(duplicateActionLabels) as DuplicateAction[]).map((action) => (
                            <option key={action} value={action}>
                              {duplicateActionLabels[action]}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {problems.length > 0 ? (
        <section className="import-step__section" aria-labelledby="import-problems-title">
          <h3 id="import-problems-title" className="import-step__title">
            Rows that can’t be imported
          </h3>
          <ProblemList problems={problems} />
        </section>
      ) : null}
    </div>
  );
}

export function ImportCounts({ items, label }: { items: { label: string; value: number; danger?: boolean }[]; label: string }) {
  return (
    <dl className="import-counts" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className={item.danger ? 'import-counts__item import-counts__item--danger' : 'import-counts__item'}>
          <dt>{item.label}</dt>
          <dd>{formatNumber(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProblemList({ problems }: { problems: { line: number; reason: string }[] }) {
  return (
    <div className="exchange-table-wrap">
      <table className="exchange-table">
        <caption className="visually-hidden">Rows that can’t be imported</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem) => (
            <tr key={problem.line}>
              <td className="exchange-table__line">{problem.line}</td>
              <td>{problem.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
