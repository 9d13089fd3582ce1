import type { JobReach } from '../../../src-shared/domain/job';
import { api } from '../../api';
import { Button } from '../../ui/Button';
import type { PickedContact } from '../../ui/ContactPicker';
import { Notice } from '../../ui/Notice';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useLiveData } from '../../ui/use-live-data';
import { hasReach } from './job-form';

/**
 * Who a job without a contact may be for, found by the phone, e-mail or company it was booked
 * with: each suggestion says why, and nothing is linked until the user chooses one.
 */
export function ContactSuggestions({ reach, onUse }: { reach: JobReach; onUse: (contact: PickedContact) => void }) {
  const settled = useDebouncedValue(reach, 300);
  const key = hasReach(settled) ? `job-suggestions:${settled.phone}|${settled.email}|${settled.company}` : null;
  const suggestions = useLiveData(key, () => api.invoke('jobs.suggestContacts', settled), { reportErrors: false });
  const found = key ? (suggestions.latest ?? []) : [];
  if (found.length === 0) return null;
  return (
    <Notice tone="info" icon="contacts" role="status">
      <p className="strong">{found.length === 1 ? 'This may be one of your contacts' : 'These may be your contacts'}</p>
      <ul className="plain-list job-suggestions" aria-label="Suggested contacts">
        {found.map((suggestion) => (
          <li key={suggestion.contact.id}>
            <span>
              <strong>{suggestion.contact.name}</strong> <span className="meta">· {suggestion.because}</span>
            </span>
            <Button size="sm" onClick={() => onUse(suggestion.contact)}>
              Use {suggestion.contact.name}
            </Button>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
