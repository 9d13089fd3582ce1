import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import type { Route } from '../../routes';
import type { GlobalDialog } from '../../store';
import type { IconName } from '../../ui/Icon';

export type PaletteGroup = 'Create' | 'Go to' | 'Contacts' | 'Notes' | 'E-mails';

export interface PaletteItem {
  id: string;
  group: PaletteGroup;
  label: string;
  detail?: string;
  icon: IconName;
  action: { route: Route } | { dialog: GlobalDialog };
}

const screens: PaletteItem[] = [
  { id: 'go:dashboard', group: 'Go to', label: 'Dashboard', icon: 'home', action: { route: { name: 'dashboard' } } },
  { id: 'go:contacts', group: 'Go to', label: 'Contacts', icon: 'contacts', action: { route: { name: 'contacts' } } },
  { id: 'go:follow-ups', group: 'Go to', label: 'Follow-ups', icon: 'bell', action: { route: { name: 'followUps' } } },
  { id: 'go:calls', group: 'Go to', label: 'Call history', icon: 'phone', action: { route: { name: 'calls' } } },
  { id: 'go:settings', group: 'Go to', label: 'Settings', icon: 'settings', action: { route: { name: 'settings' } } },
];

const creators: PaletteItem[] = [
  { id: 'new:contact', group: 'Create', label: 'New contact', icon: 'plus', action: { route: { name: 'contactNew' } } },
  { id: 'new:call', group: 'Create', label: 'Log a call', icon: 'phone', action: { dialog: { kind: 'logCall' } } },
  { id: 'new:follow-up', group: 'Create', label: 'New follow-up', icon: 'bell', action: { dialog: { kind: 'followUp' } } },
];

function matches(item: PaletteItem, words: string[]): boolean {
  const text = `${item.label} ${item.group}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/** A note's text around the first word searched for, on one line. */
function snippet(body: string, words: string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const at = words.map((word) => flat.toLowerCase().indexOf(word)).find((index) => index >= 0) ?? 0;
  const start = Math.max(0, at - 30);
  const text = flat.slice(start, start + 90);
  return `${start > 0 ? '…' : ''}${text}${start + 90 < flat.length ? '…' : ''}`;
}

/** The palette's items for what was typed: actions and screens first when nothing is typed, then contacts and notes. */
export function paletteItems(query: string, found: ChannelOutput<'search.global'> | null): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...creators, ...screens];
  const contacts: PaletteItem[] = (found?.contacts ?? []).map((contact) => ({
    id: `contact:${contact.id}`,
    group: 'Contacts',
    label: contact.name,
    ...(contact.company ? { detail: contact.company } : {}),
    icon: 'user',
    action: { route: { name: 'contact', id: contact.id } },
  }));
  const notes: PaletteItem[] = (found?.notes ?? []).map((note) => ({
    id: `note:${note.id}`,
    group: 'Notes',
    label: snippet(note.body, words),
    detail: `Note on ${note.contactName}`,
    icon: 'note',
    action: { route: { name: 'contact', id: note.contactId, tab: 'notes' } },
  }));
  const messages: PaletteItem[] = (found?.messages ?? [])
    .filter((message) => message.contactIds.length > 0)
    .map((message) => ({
      id: `email:${message.id}`,
      group: 'E-mails',
      label: message.subject || '(no subject)',
      detail: snippet(message.snippet, words),
      icon: 'mail',
      action: { route: { name: 'contact', id: message.contactIds[0]!, tab: 'mail' } },
    }));
  return [...contacts, ...creators.filter((item) => matches(item, words)), ...screens.filter((item) => matches(item, words)), ...notes, ...messages];
}
