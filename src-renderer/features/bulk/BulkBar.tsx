import type { ReactNode } from 'react';
import type { BulkActionStatus } from '../../../src-shared/domain/bulk';
import { Button } from '../../ui/Button';
import { formatNumber } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import type { RowSelecting } from '../../ui/use-row-selection';
import { WhenAllowed } from '../access/WhenAllowed';
import './bulk.css';

interface BulkBarProps {
  selecting: RowSelecting;
  /** "contacts" */
  noun: string;
  running: BulkActionStatus | null;
  onCancel: () => void;
  /** The actions valid for this list; hidden from a read-only member. */
  children: ReactNode;
  /** Actions that change nothing (export), shown to every member. */
  readActions?: ReactNode;
}

/**
 * Above a list while rows are selected: how many, "Select all N matching" (also the rows not
 * loaded), the list's actions, and while a large action runs its progress with Cancel.
 */
export function BulkBar({ selecting, noun, running, onCancel, readActions, children }: BulkBarProps) {
  if (running) {
    return (
      <section className="bulk-bar" aria-label="Bulk action">
        <div className="bulk-bar__progress">
          <ProgressBar
            label="Bulk action progress"
            phase={running.state === 'undoing' ? 'Undoing…' : `${running.label}…`}
            done={running.done}
            total={running.total}
            counts={`${formatNumber(running.done)} of ${formatNumber(running.total)}`}
          />
        </div>
        <Button onClick={onCancel}>Cancel</Button>
      </section>
    );
  }
  if (selecting.count === 0) return null;
  const { count, total, allMatching } = selecting;
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <p className="bulk-bar__count" role="status">
        {allMatching ? `All ${formatNumber(count)} matching ${noun} selected` : `${formatNumber(count)} selected`}
      </p>
      {!allMatching && count < total ? (
        <Button variant="link" onClick={selecting.selectAllMatching}>
          Select all {formatNumber(total)} matching
        </Button>
      ) : null}
      <Button variant="ghost" onClick={selecting.clear}>
        Clear selection
      </Button>
      <div className="bulk-bar__actions">
        <WhenAllowed>{children}</WhenAllowed>
        {readActions}
      </div>
    </section>
  );
}
