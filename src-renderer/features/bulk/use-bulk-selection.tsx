import type { ReactNode } from 'react';
import { useRowSelection, type RowSelecting, type RowSelectionOptions } from '../../ui/use-row-selection';
import { BulkBar } from './BulkBar';
import { ExportSelectionButton, type ExportTarget } from './ExportSelectionButton';
import { useBulkAction, type BulkStart } from './use-bulk-action';

interface BulkSelectionOptions<Item, Request> extends RowSelectionOptions<Item, Request> {
  /** The list's action buttons, given the selection and the runner. */
  actions: (selecting: RowSelecting, run: (request: BulkStart) => Promise<boolean>) => ReactNode;
  /** Which export writes the selection as CSV, with the list's request; no "Export CSV" without it. */
  exporting?: Omit<ExportTarget, 'selection'>;
}

/**
 * A list's selection and its bulk bar: what a screen adds to its VirtualGrid
 * (`columns={[bulk.selecting.column, ...columns]}`, onSelectRow, isRowSelected) and above it (`bulk.bar`).
 */
export function useBulkSelection<Item, Request>({ actions, noun, exporting, ...options }: BulkSelectionOptions<Item, Request>) {
  const selecting = useRowSelection({ ...options, noun });
  const { running, run, cancel } = useBulkAction(selecting.clear);
  const bar = (
    <BulkBar
      selecting={selecting}
      noun={noun}
      running={running}
      onCancel={cancel}
      // Reading is allowed to everyone, so a read-only member can export too.
      readActions={
        exporting ? <ExportSelectionButton target={() => ({ ...exporting, selection: selecting.toBulkSelection() }) as ExportTarget} /> : null
      }
    >
      {actions(selecting, run)}
    </BulkBar>
  );
  return { selecting, bar };
}
