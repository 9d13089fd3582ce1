import type { Contact } from '../../../src-shared/domain/contact';
import type { ContactTab } from '../../routes';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { Tabs } from '../../ui/Tabs';
import { ContactCallsPanel } from '../calls/ContactCallsPanel';
import { useCallCount } from '../calls/hooks';
import { useFiles } from '../files/hooks';
import { FilesPanel } from '../files/FilesPanel';
import { ContactMailPanel } from '../mail/ContactMailPanel';
import { useNotes } from '../notes/hooks';
import { NoteComposer } from '../notes/NoteComposer';
import { NotesPanel } from '../notes/NotesPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { WhenAllowed } from '../access/WhenAllowed';

const tabLabels: Record<ContactTab, string> = { timeline: 'Timeline', notes: 'Notes', calls: 'Calls', files: 'Files', mail: 'Mail' };

/** The contact page's main column: a note box, then the timeline, notes, calls and files as tabs. */
export function ContactActivity({ contact, tab }: { contact: Contact; tab: ContactTab }) {
  const navigate = useUi((state) => state.navigate);
  const notes = useNotes(contact.id);
  const files = useFiles(contact.id);
  const calls = useCallCount(contact.id);
  const counts: Record<ContactTab, number | undefined> = {
    timeline: undefined,
    notes: notes.latest?.length,
    calls: calls.latest?.total,
    files: files.latest?.length,
    mail: undefined,
  };

  return (
    <>
      <WhenAllowed>
        <NoteComposer contactId={contact.id} />
      </WhenAllowed>
      <Card label="Activity" flush>
        <Tabs
          label="Activity"
          tabs={(Object.keys(tabLabels) as ContactTab[]).map((id) => ({ id, label: tabLabels[id], count: counts[id] || undefined }))}
          selected={tab}
          // Replace, so Back leaves the contact instead of stepping through its tabs.
          onSelect={(next) => navigate({ name: 'contact', id: contact.id, tab: next }, { replace: true })}
        >
          {tab === 'timeline' ? <TimelinePanel contactId={contact.id} /> : null}
          {tab === 'notes' ? <NotesPanel notes={notes} /> : null}
          {tab === 'calls' ? <ContactCallsPanel contact={contact} /> : null}
          {tab === 'files' ? <FilesPanel contactId={contact.id} files={files} /> : null}
          {tab === 'mail' ? <ContactMailPanel contact={contact} /> : null}
        </Tabs>
      </Card>
    </>
  );
}
