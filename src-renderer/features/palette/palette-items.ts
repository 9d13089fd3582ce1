import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import type { Route } from '../../routes';
import type { GlobalDialog } from '../../store';
import type { IconName } from '../../ui/Icon';

export type PaletteGroup = 'Create' | 'Go to' | 'Contacts' | 'Deals' | 'Quotes' | 'Notes' | 'E-mails' | 'Search';

export interface PaletteItem {
  id: string;
  group: PaletteGroup;
  label: string;
  detail?: string;
  icon: IconName;
  action: { route: Route } | { dialog: GlobalDialog } | { command: 'lock' };
  /** Other words a person may type for it: "task" finds New follow-up. */
  keywords?: string;
  /** Offered only to a member who may change the data (`edit`) or manage the workspace (`admin`). */
  needs?: 'edit' | 'admin';
}

/** What this laptop's member may do (features/access/access.ts); a laptop in no workspace may do everything. */
export interface PaletteAccess {
  canEdit: boolean;
  isAdmin: boolean;
}

const screenItems: PaletteItem[] = [
  { id: 'go:search', group: 'Go to', label: 'Search everything', icon: 'search', action: { route: { name: 'search' } }, keywords: 'find jobs calls transcripts' },
  { id: 'go:dashboard', group: 'Go to', label: 'Dashboard', icon: 'home', action: { route: { name: 'dashboard' } } },
  { id: 'go:contacts', group: 'Go to', label: 'Contacts', icon: 'contacts', action: { route: { name: 'contacts' } } },
  { id: 'go:companies', group: 'Go to', label: 'Companies', icon: 'building', action: { route: { name: 'companies' } }, keywords: 'firms organisations businesses landlords accounts' },
  { id: 'go:segments', group: 'Go to', label: 'Segments', icon: 'filter', action: { route: { name: 'segments' } }, keywords: 'lists filters audiences saved views' },
  { id: 'go:follow-ups', group: 'Go to', label: 'Follow-ups', icon: 'bell', action: { route: { name: 'followUps' } } },
  { id: 'go:calls', group: 'Go to', label: 'Call history', icon: 'phone', action: { route: { name: 'calls' } } },
  { id: 'go:triage', group: 'Go to', label: 'Triage calls', icon: 'phone', action: { route: { name: 'callTriage' } }, keywords: 'queue outcome dispatch', needs: 'edit' },
  { id: 'go:sla', group: 'Go to', label: 'Call-back promises (SLA report)', icon: 'chart', action: { route: { name: 'slaReport' } }, keywords: 'sla response time call back report kept late' },
  { id: 'go:jobs', group: 'Go to', label: 'Jobs', icon: 'calendar', action: { route: { name: 'jobs' } }, keywords: 'tickets work orders bookings invoices' },
  { id: 'go:pipeline', group: 'Go to', label: 'Pipeline', icon: 'pipeline', action: { route: { name: 'pipeline' } }, keywords: 'deals board quotes sales' },
  { id: 'go:numbers', group: 'Go to', label: 'Pipeline numbers', icon: 'chart', action: { route: { name: 'pipeline', view: 'numbers' } }, keywords: 'forecast funnel report' },
  { id: 'go:exchange', group: 'Go to', label: 'Import & export', icon: 'layers', action: { route: { name: 'exchange' } }, keywords: 'csv vcard backup restore accountant' },
  { id: 'go:phone', group: 'Go to', label: 'Phone line', icon: 'phone', action: { route: { name: 'phone' } }, keywords: 'texts sms calls' },
  { id: 'go:settings', group: 'Go to', label: 'Settings', icon: 'settings', action: { route: { name: 'settings' } }, keywords: 'preferences options' },
  { id: 'go:phone-settings', group: 'Go to', label: 'Phone line settings', icon: 'settings', action: { route: { name: 'phoneSettings' } }, keywords: 'twilio' },
  { id: 'go:audit', group: 'Go to', label: 'Audit trail', icon: 'activity', action: { route: { name: 'audit' } }, keywords: 'history log who changed changes', needs: 'admin' },
  { id: 'do:lock', group: 'Go to', label: 'Lock Fieldbook now', icon: 'lock', action: { command: 'lock' }, keywords: 'app lock away privacy passphrase' },
  { id: 'go:mail-settings', group: 'Go to', label: 'Mail accounts', icon: 'mail', action: { route: { name: 'mailSettings' } }, keywords: 'e-mail email imap smtp settings' },
];

const creatorItems: PaletteItem[] = [
  { id: 'new:contact', group: 'Create', label: 'New contact', icon: 'plus', action: { route: { name: 'contactNew' } }, keywords: 'add create person customer company', needs: 'edit' },
  { id: 'new:call', group: 'Create', label: 'Log a call', icon: 'phone', action: { dialog: { kind: 'logCall' } }, keywords: 'new add create phone', needs: 'edit' },
  { id: 'new:follow-up', group: 'Create', label: 'New follow-up', icon: 'bell', action: { dialog: { kind: 'followUp' } }, keywords: 'add create reminder task to-do', needs: 'edit' },
  { id: 'new:deal', group: 'Create', label: 'New deal', icon: 'plus', action: { dialog: { kind: 'deal' } }, keywords: 'add create opportunity sale job', needs: 'edit' },
];

/** Words that say the user wants to do something rather than find something. */
const actionWords = new Set(['new', 'add', 'create', 'log', 'make', 'start']);

function matches(item: PaletteItem, words: string[]): boolean {
  const text = `${item.label} ${item.group} ${item.keywords ?? ''}`.toLowerCase();
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

/**
 * The palette's items for what was typed: actions and screens when nothing is typed; otherwise
 * records first (contacts, deals, quotes), then actions and screens, then notes and e-mails. When
 * the text names an action ("new", "add", "log"), the actions come first.
 */
export function paletteItems(query: string, found: ChannelOutput<'search.global'> | null, access: PaletteAccess = { canEdit: true, isAdmin: true }): PaletteItem[] {
  const allowed = (item: PaletteItem) => item.needs === undefined || (item.needs === 'admin' ? access.isAdmin : access.canEdit);
  const creators = creatorItems.filter(allowed);
  const screens = screenItems.filter(allowed);
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
  const deals: PaletteItem[] = (found?.deals ?? []).map((deal) => ({
    id: `deal:${deal.id}`,
    group: 'Deals',
    label: deal.title,
    detail: [deal.contactName, deal.stageName].filter(Boolean).join(' · '),
    icon: 'pipeline',
    action: { dialog: { kind: 'deal', id: deal.id } },
  }));
  const quotes: PaletteItem[] = (found?.quotes ?? []).map((quote) => ({
    id: `quote:${quote.id}`,
    group: 'Quotes',
    label: `Quote ${quote.number}`,
    detail: [quote.dealTitle, quote.contactName, quote.status].filter(Boolean).join(' · '),
    icon: 'file',
    action: { dialog: { kind: 'deal', id: quote.dealId } },
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
  // Always last: the same words on the search page, over every kind of record with facets.
  const everything: PaletteItem = {
    id: 'search:everything',
    group: 'Search',
    label: `Search everything for “${query.trim()}”`,
    detail: 'Jobs, calls and more, with filters',
    icon: 'search',
    action: { route: { name: 'search', query: query.trim() } },
  };
  const actions = creators.filter((item) => matches(item, words));
  const places = screens.filter((item) => matches(item, words));
  const records = [...contacts, ...deals, ...quotes];
  if (words.some((word) => actionWords.has(word)) && actions.length > 0) return [...actions, ...records, ...places, ...notes, ...messages, everything];
  return [...records, ...actions, ...places, ...notes, ...messages, everything];
}
