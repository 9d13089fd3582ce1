import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './Notice.css';

export interface NoticeProps {
  tone: 'danger' | 'warning' | 'success' | 'info';
  icon?: IconName;
  /** alert: a problem to hear at once; status: an outcome to hear politely. */
  role?: 'alert' | 'status';
  id?: string;
  children: ReactNode;
}

/** A coloured line or block of text in the flow of a screen: <Notice tone="danger" role="alert">The export did not finish.</Notice> */
export function Notice({ tone, icon, role, id, children }: NoticeProps) {
  return (
    <div id={id} role={role} className={cx('notice', `notice--${tone}`)}>
      {icon ? <Icon name={icon} size={16} /> : null}
      <div className="notice__text">{children}</div>
    </div>
  );
}
