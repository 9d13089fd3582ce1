import type { ContactKind } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import { initials } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import './contact-photo.css';

interface ContactAvatarProps {
  name: string;
  kind: ContactKind;
  photoSha256: string | null;
  large?: boolean;
}

/** The contact's picture from the file store, or its initials (a building for a company) when it has none. */
export function ContactAvatar({ name, kind, photoSha256, large = false }: ContactAvatarProps) {
  const className = `avatar avatar--${kind}${large ? ' avatar--large' : ''}`;
  if (photoSha256) {
    return <img className={`${className} avatar--photo`} src={api.fileUrl(photoSha256)} alt={`Photo of ${name}`} loading="lazy" />;
  }
  return (
    <span className={className} aria-hidden="true">
      {kind === 'company' ? <Icon name="building" size={large ? 26 : 16} /> : initials(name)}
    </span>
  );
}
