import type { FollowUp } from '../../../src-shared/domain/follow-up';
import { RowList } from '../../ui/RowList';
import { FollowUpItem } from './FollowUpItem';
import './followups.css';

interface FollowUpListProps {
  label: string;
  items: readonly FollowUp[];
  showContact: boolean;
  onEdit: (followUp: FollowUp) => void;
}

export function FollowUpList({ label, items, showContact, onEdit }: FollowUpListProps) {
  return (
    <RowList label={label}>
      {items.map((followUp) => (
        <li key={followUp.id}>
          <FollowUpItem followUp={followUp} showContact={showContact} onEdit={onEdit} />
        </li>
      ))}
    </RowList>
  );
}
