import type { ReactNode } from 'react';
import type { PagedRows, PagedSnapshot } from '../../ui/paged-rows';
import { useRowSelection, type RowSelecting } from '../../ui/use-row-selection';
import { BulkBar } from './BulkBar';
import { useBulkAction, type BulkStart } from './use-bulk-action';

interface BulkSelectionOptions<Item, Request> {
  rows: PagedRows<Item, Request>;
  snapshot: PagedSnapshot<Item>;
  request: Request;
  idOf: (item: Item) => string;
  nameOf: (item: Item) => string;
  noun: string;
  /** The list's action buttons, given the selection and the runner. */
  actions: (selecting: RowSelecting, run: (request: BulkStart) => Promise<boolean>) => ReactNode;
}

/**
 * A list's selection and its bulk bar: what a screen adds to its VirtualGrid
 * (`columns={[bulk.selecting.column, ...columns]}`, onSelectRow, isRowSelected) and above it (`bulk.bar`).
 */
export function useBulkSelection<Item, Request>({ actions, noun, ...options }: BulkSelectionOptions<Item, Request>) {
  const selecting = useRowSelection({ ...options, noun });
  const { running, run, cancel } = useBulkAction(selecting.clear);
  const bar = (
    <BulkBar selecting={selecting} noun={noun} running={running} onCancel={cancel}>
      {actions(selecting, run)}
    </BulkBar>
  );
  return { selecting, bar };
}
