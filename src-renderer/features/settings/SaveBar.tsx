import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';

interface SaveBarProps {
  /** What the section is called, so each Save has a name of its own ("Save profile"). */
  section: string;
  dirty: boolean;
  saving: boolean;
  /** Saved since the section was last changed: says "Saved" until the next edit. */
  saved: boolean;
  onDiscard: () => void;
}

/**
 * The end of every settings section: the one save model of the settings screen. A section keeps
 * its changes until its Save; the line beside the buttons says whether they are unsaved or saved.
 * Must sit inside the section's <form>, whose submit is the Save.
 */
export function SaveBar({ section, dirty, saving, saved, onDiscard }: SaveBarProps) {
  const state = saving ? 'Saving…' : dirty ? 'Unsaved changes' : saved ? 'Saved' : '';
  return (
    <Cluster justify="end" gap="md">
      <p className="muted" role="status">
        {state}
      </p>
      <Button disabled={!dirty || saving} onClick={onDiscard}>
        Discard
      </Button>
      <Button submit variant="primary" disabled={!dirty} busy={saving} busyLabel="Saving…" aria-label={`Save ${section.toLowerCase()}`}>
        Save
      </Button>
    </Cluster>
  );
}
