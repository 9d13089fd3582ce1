import { useState } from 'react';
import type { LinkSuggestion } from '../../../src-shared/domain/company';
import { api } from '../../api';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Table } from '../../ui/Table';
import { runWithUndo } from '../../ui/undoable';
import { useLiveData } from '../../ui/use-live-data';

function foundBy(group: LinkSuggestion): string {
  return group.reason === 'name' ? 'Same company name' : `E-mail at ${group.domain ?? ''}`;
}

/** The people of a group, with the company as each wrote it when that differs from the group's name. */
function peopleOf(group: LinkSuggestion): string {
  return group.contacts.map((contact) => (contact.company && contact.company !== group.companyName ? `${contact.name} (${contact.company})` : contact.name)).join(', ');
}

/**
 * Link existing contacts to companies in one reviewed step: the core groups the contacts whose
 * company field names the same firm (or whose e-mail is at the same firm's domain); the user
 * ticks the groups to link and confirms; Undo takes the whole step back.
 */
export function LinkContactsDialog({ onClose }: { onClose: () => void }) {
  const suggestions = useLiveData('companies:link-suggestions', () => api.invoke('companies.linkSuggestions', {}));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const groups = suggestions.status === 'ready' ? suggestions.data : [];
  const picked = groups.filter((group) => chosen.has(group.key));
  const contactCount = picked.reduce((sum, group) => sum + group.contacts.length, 0);

  const toggle = (key: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const link = async () => {
    setBusy(true);
    let undoId = '';
    const done = await runWithUndo({
      run: async () => {
        const result = await api.invoke('companies.link', { groups: picked.map((group) => ({ key: group.key, contactIds: group.contacts.map((contact) => contact.id) })) });
        undoId = result.undoId;
      },
      message: `Linked ${formatCount(contactCount, 'contact')} to ${formatCount(picked.length, 'company', 'companies')}`,
      undo: () => api.invoke('companies.undoLink', { undoId }),
      undoneMessage: 'Links taken back',
    });
    setBusy(false);
    if (done) onClose();
  };

  return (
    <Dialog
      title="Link existing contacts"
      description="Contacts whose company field names the same firm, or who write from the same firm’s e-mail domain. Tick the groups to link."
      size="xl"
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" disabled={groups.length === 0} onClick={() => setChosen(new Set(chosen.size === groups.length ? [] : groups.map((group) => group.key)))}>
            {chosen.size === groups.length && groups.length > 0 ? 'Untick all' : 'Tick all'}
          </Button>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={picked.length === 0} busy={busy} busyLabel="Linking…" onClick={() => void link()}>
            {picked.length === 0 ? 'Link contacts' : `Link ${formatCount(contactCount, 'contact')}`}
          </Button>
        </>
      }
    >
      <LiveContent live={suggestions} loading="Looking for contacts of the same firm…" failed="The suggestions could not be loaded.">
        {(list) =>
          list.length === 0 ? (
            <EmptyState compact icon="building" title="Nothing to link: no two unlinked contacts name the same firm." />
          ) : (
            <Table
              caption="Suggested companies"
              density="compact"
              maxHeight={440}
              rows={list}
              rowKey={(group) => group.key}
              columns={[
                {
                  id: 'company',
                  header: 'Company',
                  rowHeader: true,
                  cell: (group) => <Checkbox label={group.companyName} hint={group.companyId ? 'Joins this company' : 'A new company'} checked={chosen.has(group.key)} onChange={(on) => toggle(group.key, on)} />,
                },
                { id: 'count', header: 'Contacts', align: 'end', numeric: true, width: '90px', cell: (group) => group.contacts.length },
                { id: 'why', header: 'Found by', muted: true, width: '170px', cell: foundBy },
                { id: 'people', header: 'People', muted: true, cell: peopleOf },
              ]}
            />
          )
        }
      </LiveContent>
    </Dialog>
  );
}
