import { useUi } from '../../store';
import { Icon } from '../../ui/Icon';
import { columns } from './columns';

/** The grid's header row; a sortable column's header is a button, and aria-sort says how it is sorted. */
export function ContactListHeader() {
  const sort = useUi((state) => state.sort);
  const toggleSort = useUi((state) => state.toggleSort);
  return (
    <div role="rowgroup" className="contact-grid__head">
      <div role="row" aria-rowindex={1} className="contact-row contact-row--head">
        {columns.map((column) => {
          const sorted = column.sortField !== undefined && sort.field === column.sortField;
          const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={ariaSort}
              className={`col-${column.id}${column.align === 'end' ? ' col--end' : ''}`}
            >
              {column.sortField ? (
                <button
                  type="button"
                  className={sorted ? 'sort-button sort-button--active' : 'sort-button'}
                  onClick={() => column.sortField && toggleSort(column.sortField)}
                >
                  {column.label}
                  <Icon name={sorted && sort.direction === 'desc' ? 'arrowDown' : 'arrowUp'} size={14} />
                </button>
              ) : (
                <span className="column-label">{column.label}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
