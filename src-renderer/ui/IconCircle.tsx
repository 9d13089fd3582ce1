import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './IconCircle.css';

import type { Tone } from './Badge';

export type IconTone = Tone;

/** An icon on a round tinted disc, leading an item of a list (a call, a reminder). Decorative. */
export function IconCircle({ icon, tone = 'neutral', size = 'md' }: { icon: IconName; tone?: IconTone; size?: 'md' | 'lg' }) {
  return (
    <span className={cx('icon-circle', `tone-${tone}`, size === 'lg' && 'icon-circle--lg')} aria-hidden="true">
      <Icon name={icon} size={size === 'lg' ? 22 : 16} />
    </span>
  );
}
