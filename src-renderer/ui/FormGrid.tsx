import type { ReactNode } from 'react';
import { cx } from './class-names';
import './Field.css';

/**
 * Fields side by side, as many as fit (two in a dialog), wrapping on narrow windows; a Field with
 * `wide` takes a whole row. <FormGrid columns={2}>…</FormGrid>
 */
export function FormGrid({ columns = 'auto', children }: { columns?: 2 | 'auto'; children: ReactNode }) {
  return <div className={cx('form-grid', columns === 2 && 'form-grid--two')}>{children}</div>;
}
