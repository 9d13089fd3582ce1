import { useEffect, useId, useRef, useState } from 'react';
import { defaultColumnLayout, type ColumnLayout, type Density } from '../../src-shared/domain/saved-view';
import { Button } from './Button';
import { Checkbox } from './Checkbox';
import { isHidden, moveColumn, orderedColumns, setColumnShown, type LayoutColumn } from './column-layout';
import { IconButton } from './IconButton';
import { Segmented } from './Segmented';
import './ColumnChooser.css';

interface ColumnChooserProps {
  /** The list's name, for the panel's: "Columns of Contacts". */
  listLabel: string;
  columns: readonly LayoutColumn[];
  layout: ColumnLayout;
  onChange: (layout: ColumnLayout) => void;
}

const densityLabels: Record<Density, string> = { comfortable: 'Comfortable', compact: 'Compact' };

/**
 * The "Columns" button beside a VirtualGrid and the panel it opens: show or hide each column,
 * move it earlier or later, pick the density, go back to the list's own columns. Escape or a
 * click outside closes it, focus back on the button. Widths are set on the headers' edges.
 *   <ColumnChooser listLabel="Contacts" columns={columns} layout={layout} onChange={setLayout} />
 */
export function ColumnChooser({ listLabel, columns, layout, onChange }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const chooserRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('input, button')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!chooserRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    chooserRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  };
  const ordered = orderedColumns(columns, layout);
  const shownCount = ordered.filter((column) => !isHidden(layout, column.id)).length;

  return (
    <div ref={chooserRef} className="column-chooser">
      <Button
        size="sm"
        icon="layers"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        Columns
      </Button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={`Columns of ${listLabel}`}
          className="column-chooser__panel"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            close();
          }}
        >
          <Segmented
            label="Density"
            showLabel
            options={['comfortable', 'compact'] as const}
            labels={densityLabels}
            value={layout.density}
            onChange={(density) => onChange({ ...layout, density })}
          />
          <p className="caps-label column-chooser__heading">Columns shown</p>
          <ol className="plain-list column-chooser__list">
            {ordered.map((column, index) => {
              const hidden = isHidden(layout, column.id);
              return (
                <li key={column.id} className="column-chooser__item">
                  <Checkbox
                    label={column.label}
                    checked={!hidden}
                    disabled={!hidden && shownCount === 1}
                    onChange={(shown) => onChange(setColumnShown(columns, layout, column.id, shown))}
                  />
                  <span className="column-chooser__moves">
                    <IconButton
                      size="sm"
                      icon="arrowUp"
                      label={`Move ${column.label} earlier`}
                      disabled={index === 0}
                      onClick={() => onChange(moveColumn(columns, layout, column.id, -1))}
                    />
                    <IconButton
                      size="sm"
                      icon="arrowDown"
                      label={`Move ${column.label} later`}
                      disabled={index === ordered.length - 1}
                      onClick={() => onChange(moveColumn(columns, layout, column.id, 1))}
                    />
                  </span>
                </li>
              );
            })}
          </ol>
          <p className="meta">Drag a header’s right edge to resize it, or focus the edge and use the arrow keys. On a narrow window the last columns give way.</p>
          <Button variant="link" size="sm" onClick={() => onChange(defaultColumnLayout)}>
            Reset columns
          </Button>
        </div>
      ) : null}
    </div>
  );
}
