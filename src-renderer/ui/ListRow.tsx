import type { ReactNode } from 'react';
import { cx } from './class-names';
import './ListRow.css';

export interface ListRowProps {
  /** Before the text: an IconCircle, a thumbnail, a checkbox. */
  leading?: ReactNode;
  title: ReactNode;
  /** Small grey lines under the title: when, who, how big. */
  meta?: ReactNode;
  /** More under the meta: a note's text. */
  children?: ReactNode;
  /** At the end: IconButtons, a figure. */
  trailing?: ReactNode;
  /** center for one-line rows; top when the text runs over several lines. */
  align?: 'top' | 'center';
  className?: string;
}

/**
 * One item of a list drawn the same everywhere (calls, files, activity, deals, members): leading
 * mark, title over meta lines, actions at the end. Put them in a RowList.
 *   <RowList label="Files"><li><ListRow leading={<IconCircle icon="file" />} title={name} meta="PDF · 2 MB" trailing={…} /></li></RowList>
 */
export function ListRow({ leading, title, meta, children, trailing, align = 'top', className }: ListRowProps) {
  return (
    <div className={cx('list-row', align === 'center' && 'list-row--center', !leading && 'list-row--bare', className)}>
      {leading}
      <div className="list-row__body">
        <div className="list-row__title">{title}</div>
        {meta ? <div className="list-row__meta">{meta}</div> : null}
        {children}
      </div>
      {trailing ? <div className="list-row__trailing">{trailing}</div> : null}
    </div>
  );
}
