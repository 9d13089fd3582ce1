import { cx } from './class-names';
import { initials } from './format';
import { Icon } from './Icon';
import './Avatar.css';

/** A contact's initials in a circle (a building for a company): <Avatar name={contact.name} kind={contact.kind} />. Decorative. */
export function Avatar({ name, kind = 'person', size = 'md' }: { name: string; kind?: 'person' | 'company'; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className={cx('avatar', `avatar--${kind}`, `avatar--${size}`)} aria-hidden="true">
      {kind === 'company' ? <Icon name="building" size={size === 'lg' ? 26 : 16} /> : initials(name)}
    </span>
  );
}
