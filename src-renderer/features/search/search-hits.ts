import type { SearchHit, SearchKind } from '../../../src-shared/domain/search';
import type { Route } from '../../routes';
import type { GlobalDialog } from '../../store';
import type { IconName } from '../../ui/Icon';

// What each kind of hit looks like on the search page and where it opens.

export const kindIcons: Record<SearchKind, IconName> = {
  contact: 'user',
  company: 'building',
  deal: 'pipeline',
  quote: 'file',
  job: 'calendar',
  call: 'phone',
  note: 'note',
  email: 'mail',
};

/** The one word before a hit's title: what it is. */
export const kindNames: Record<SearchKind, string> = {
  contact: 'Contact',
  company: 'Company',
  deal: 'Deal',
  quote: 'Quote',
  job: 'Job',
  call: 'Call',
  note: 'Note',
  email: 'E-mail',
};

export function hitTarget(hit: SearchHit): { route: Route } | { dialog: GlobalDialog } {
  switch (hit.kind) {
    case 'contact':
      return { route: { name: 'contact', id: hit.id } };
    case 'company':
      return { route: { name: 'company', id: hit.id } };
    case 'note':
      return { route: hit.contactId ? { name: 'contact', id: hit.contactId, tab: 'notes' } : { name: 'contacts' } };
    case 'email':
      return { route: hit.contactId ? { name: 'contact', id: hit.contactId, tab: 'mail' } : { name: 'contacts' } };
    case 'call':
      return { route: hit.contactId ? { name: 'contact', id: hit.contactId, tab: 'calls' } : { name: 'calls' } };
    case 'deal':
    case 'quote':
      return { dialog: { kind: 'deal', id: hit.openId } };
    case 'job':
      return { route: { name: 'jobs', open: hit.id } };
  }
}
