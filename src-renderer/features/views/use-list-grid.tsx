import type { ReactNode } from 'react';
import type { ColumnLayout, ViewListId, ViewState } from '../../../src-shared/domain/saved-view';
import { ColumnChooser } from '../../ui/ColumnChooser';
import { useColumnLayout } from '../../ui/use-column-layout';
import type { GridColumn } from '../../ui/VirtualGrid';
import { ViewsLayout } from './ViewsLayout';

/** What a list's bulk selection gives the grid (features/bulk/use-bulk-selection.tsx). */
export interface ListBulk<Item> {
  selecting: {
    column: GridColumn<Item, never>;
    onSelectRow: (index: number, range: boolean) => void;
    isRowSelected: (index: number) => boolean;
  };
  bar: ReactNode;
}

export interface ListGridOptions<Item, SortField extends string> {
  listId: ViewListId;
  /** The grid's accessible name; the chooser is "Columns of <label>". */
  label: string;
  columns: readonly GridColumn<Item, SortField>[];
  bulk: ListBulk<Item>;
  /** What the plain list is called in the views panel: "All calls". */
  plainLabel: string;
  /** The screen with no view chosen. */
  plain: ViewState;
  /** The screen's filters and sort now, with the columns as the user has them. */
  viewState: (layout: ColumnLayout) => ViewState;
  /** Puts a view's filters and sort on the screen; its columns are put on the grid here. */
  onApplyView: (state: ViewState) => void;
}

/**
 * What every list screen wires around its VirtualGrid: the user's column layout (remembered on
 * this computer), the pinned selection column first, the column chooser for the page header, and
 * the views panel with the bulk bar above the grid.
 *   const list = useListGrid({ listId: 'calls', label: 'Call history', columns, bulk, … });
 *   <PageHeader actions={list.chooser} />  {list.frame(<>filters<VirtualGrid {...list.grid} rows=… /></>)}
 */
export function useListGrid<Item, SortField extends string>(options: ListGridOptions<Item, SortField>) {
  const { listId, label, columns, bulk, plainLabel, plain, viewState, onApplyView } = options;
  const [layout, setLayout] = useColumnLayout(listId);
  const grid = {
    label,
    columns: [bulk.selecting.column, ...columns] as readonly GridColumn<Item, SortField>[],
    onSelectRow: bulk.selecting.onSelectRow,
    isRowSelected: bulk.selecting.isRowSelected,
    layout,
    onLayoutChange: setLayout,
  };
  const chooser = <ColumnChooser listLabel={label} columns={columns} layout={layout} onChange={setLayout} />;
  /** The views panel beside (or above) what the screen shows: its filters, then the bulk bar, then `grid`. */
  const frame = (filters: ReactNode, body: ReactNode) => (
    <ViewsLayout
      listId={listId}
      plainLabel={plainLabel}
      current={viewState(layout)}
      plain={plain}
      columns={columns}
      onApply={(state) => {
        onApplyView(state);
        setLayout(state.columns);
      }}
    >
      {filters}
      {bulk.bar}
      {body}
    </ViewsLayout>
  );
  return { layout, setLayout, grid, chooser, frame };
}
