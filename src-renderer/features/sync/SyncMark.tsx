import { Icon, type IconName } from '../../ui/Icon';
import type { SyncTone } from './status-text';

const marks: Record<SyncTone, IconName> = {
  quiet: 'laptop',
  good: 'check',
  busy: 'refresh',
  waiting: 'clock',
  warning: 'cloudOff',
  danger: 'alert',
};

/** The sync state as an icon (it spins while syncing); decorative, the words beside it say the state. */
export function SyncMark({ tone }: { tone: SyncTone }) {
  return (
    <span className={`sync-mark sync-mark--${tone}`}>
      <Icon name={marks[tone]} size={16} />
    </span>
  );
}
