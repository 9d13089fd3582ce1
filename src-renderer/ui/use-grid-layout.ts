import { useState } from 'react';
import { defaultColumnLayout, type ColumnLayout } from '../../src-shared/domain/saved-view';
import { arrangeColumns, clearColumnWidth, setColumnWidth, type LayoutColumn } from './column-layout';

interface ResponsiveColumn extends LayoutColumn {
  hideBelow?: number;
}

/**
 * What a grid draws from its columns and the user's layout: the columns in order with their
 * tracks, the CSS template, and the resize actions of the header. A width being dragged is drawn
 * at once and saved (onLayoutChange) when the pointer is released.
 *
 * The columns' `hideBelow` still applies over the user's choice: on a narrow window the least
 * important columns give way rather than push the table wider than the window.
 */
export function useGridLayout<Column extends ResponsiveColumn>(
  columns: readonly Column[],
  layout: ColumnLayout | undefined,
  onLayoutChange: ((layout: ColumnLayout) => void) | undefined,
  gridWidth: number,
) {
  const [dragging, setDragging] = useState<{ id: string; width: number } | null>(null);
  const current = layout ?? defaultColumnLayout;
  const drawnLayout = dragging ? setColumnWidth(current, dragging.id, dragging.width) : current;
  const arranged = arrangeColumns(columns, drawnLayout).filter(({ column }) => column.hideBelow === undefined || gridWidth >= column.hideBelow);
  const template = arranged.map(({ track }) => track).join(' ');

  const resize = onLayoutChange
    ? {
        drag: (id: string, width: number) => setDragging({ id, width }),
        commit: (id: string, width: number | null) => {
          setDragging(null);
          onLayoutChange(width === null ? clearColumnWidth(current, id) : setColumnWidth(current, id, width));
        },
      }
    : undefined;

  return { columns: arranged.map(({ column }) => column), template, density: current.density, resize };
}
