import type { DuplicateMatch } from '../../../src-shared/domain/contact';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Cluster } from '../../ui/Cluster';
import { RowList } from '../../ui/RowList';

interface DuplicateDialogProps {
  matches: DuplicateMatch[];
  onOpen: (match: DuplicateMatch) => void;
  onCreateAnyway: () => void;
  onClose: () => void;
}

function describe(match: DuplicateMatch) {
  return (
    <>
      <strong>{match.name}</strong>
      {match.company ? ` (${match.company})` : ''}
      {/^same /.test(match.reason) ? ` has the ${match.reason}.` : `: ${match.reason}`}
    </>
  );
}

/** Shown before creating a contact that shares a phone or e-mail with one we already have. */
export function DuplicateDialog({ matches, onOpen, onCreateAnyway, onClose }: DuplicateDialogProps) {
  const [only] = matches.length === 1 ? matches : [];
  return (
    <Dialog
      title={only ? 'This contact may already exist' : `${matches.length} contacts look similar`}
      description={only ? <p>{describe(only)}</p> : <p>These contacts share a phone number or e-mail with the one you are adding.</p>}
      size="sm"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Keep editing</Button>
          <Button onClick={onCreateAnyway}>Create anyway</Button>
          {only ? (
            <Button variant="primary" autoFocus onClick={() => onOpen(only)}>
              Open existing
            </Button>
          ) : null}
        </>
      }
    >
      {only ? null : (
        <RowList boxed label="Contacts with the same details">
          {matches.map((match) => (
            <Cluster as="li" justify="between" gap="md" key={match.id}>
              <p>{describe(match)}</p>
              <Button size="sm" onClick={() => onOpen(match)}>
                Open {match.name}
              </Button>
            </Cluster>
          ))}
        </RowList>
      )}
    </Dialog>
  );
}
