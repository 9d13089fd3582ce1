import { cx } from './class-names';
import { initials } from './format';
import { Icon } from './Icon';
import './Avatar.css';

interface AvatarProps {
  name: string;
  kind?: 'person' | 'company';
  size?: 'sm' | 'md' | 'lg';
  /** The contact's picture (api.fileUrl of its photo); shown instead of the initials, named "Photo of <name>". */
  photoUrl?: string | undefined;
}

/** A contact's initials in a circle (a building for a company): <Avatar name={contact.name} kind={contact.kind} />. Decorative, unless it shows a photo. */
export function Avatar({ name, kind = 'person', size = 'md', photoUrl }: AvatarProps) {
  if (photoUrl) return <img className={cx('avatar', `avatar--${kind}`, `avatar--${size}`, 'avatar--photo')} src={photoUrl} alt={`Photo of ${name}`} loading="lazy" />;
  return (
    <span className={cx('avatar', `avatar--${kind}`, `avatar--${size}`)} aria-hidden="true">
      {kind === 'company' ? <Icon name="building" size={size === 'lg' ? 26 : 16} /> : initials(name)}
    </span>
  );
}
