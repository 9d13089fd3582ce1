// Routes live in the URL hash so that Back works in the browser host and a reload keeps the
// screen, with no router library. `store.ts` keeps the parsed route in step with the hash.

import type { FollowUpListKind } from '../src-shared/domain/follow-up';
import { parsePipelinePath, pipelineHash, type PipelineView } from './features/pipeline/pipeline-route';

export const contactTabs = ['timeline', 'notes', 'calls', 'files', 'mail'] as const;
export type ContactTab = (typeof contactTabs)[number];

/**
 * The follow-up lists a URL can name: the contract's followUpListKinds, written out because its
 * module builds zod schemas when it loads, which the first screen does without. The check fails to
 * compile when a kind is added there and not here.
 */
const followUpViews = ['overdue', 'today', 'upcoming', 'done'] as const satisfies readonly FollowUpListKind[];
export const everyFollowUpViewListed: [Exclude<FollowUpListKind, (typeof followUpViews)[number]>] extends [never] ? true : never = true;

/** What a new job is made from: its form starts with what that call, contact or deal says. */
export interface JobOrigin {
  kind: 'call' | 'contact' | 'deal';
  id: string;
}

export type Route =
  | { name: 'dashboard' }
  | { name: 'contacts' }
  /** From an unknown caller: the form starts with the number, and the call is linked once saved. */
  | { name: 'contactNew'; phone?: string; callId?: string }
  | { name: 'contact'; id: string; tab?: ContactTab }
  | { name: 'contactEdit'; id: string }
  | { name: 'followUps'; view?: FollowUpListKind }
  | { name: 'calls' }
  /** The triage desk: calls without an outcome and call-backs due, one at a time. */
  | { name: 'callTriage' }
  /** Of the call-backs due in a period, the share made within their SLA promise. */
  | { name: 'slaReport' }
  | { name: 'exchange' }
  | { name: 'pipeline'; pipelineId?: string; view?: PipelineView }
  | { name: 'settings'; focus?: 'userName' }
  /** The office phone line: its calls and texts, and (admins) its settings. */
  | { name: 'phone' }
  | { name: 'phoneSettings' }
  /** The mailboxes of this computer. */
  | { name: 'mailSettings' }
  /** The jobs list; with `newFrom`, the new-job dialog opens on what the call, contact or deal says. */
  | { name: 'jobs'; newFrom?: JobOrigin; open?: string }
  /** Every kind of record matching `query`, ranked, with facets. */
  | { name: 'search'; query?: string }
  /** Companies with their people; a company's page rolls up its people's work. */
  | { name: 'companies' }
  | { name: 'company'; id: string }
  /** Saved segments; the builder for a new one (no id) or a saved one. */
  | { name: 'segments' }
  | { name: 'segment'; id?: string }
  /** Who changed what and when (admins). */
  | { name: 'audit' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const query = new URLSearchParams(search);
  const [first, second, third] = parts;
  if (first === 'settings' && second === 'phone') return { name: 'phoneSettings' };
  if (first === 'settings' && second === 'mail') return { name: 'mailSettings' };
  if (first === 'phone') return { name: 'phone' };
  if (first === 'settings') return second === 'name' ? { name: 'settings', focus: 'userName' } : { name: 'settings' };
  if (first === 'contacts' && second === 'new') return newContactRoute(query);
  if (first === 'contacts' && second) {
    if (third === 'edit') return { name: 'contactEdit', id: second };
    const tab = contactTabs.find((candidate) => candidate === third);
    return tab ? { name: 'contact', id: second, tab } : { name: 'contact', id: second };
  }
  if (first === 'contacts') return { name: 'contacts' };
  if (first === 'follow-ups') {
    const view = followUpViews.find((candidate) => candidate === second);
    return view ? { name: 'followUps', view } : { name: 'followUps' };
  }
  if (first === 'calls' && second === 'triage') return { name: 'callTriage' };
  if (first === 'calls' && second === 'sla') return { name: 'slaReport' };
  if (first === 'calls') return { name: 'calls' };
  if (first === 'jobs') return jobsRoute(second, third);
  if (first === 'search') {
    const typed = query.get('q');
    return typed ? { name: 'search', query: typed } : { name: 'search' };
  }
  if (first === 'companies') return second ? { name: 'company', id: second } : { name: 'companies' };
  if (first === 'segments') return second === 'new' ? { name: 'segment' } : second ? { name: 'segment', id: second } : { name: 'segments' };
  if (first === 'import-export') return { name: 'exchange' };
  if (first === 'audit') return { name: 'audit' };
  if (first === 'pipeline') return { name: 'pipeline', ...parsePipelinePath(parts.slice(1), query.get('view')) };
  return { name: 'dashboard' };
}

function newContactRoute(query: URLSearchParams): Route {
  const phone = query.get('phone');
  const callId = query.get('call');
  return { name: 'contactNew', ...(phone ? { phone } : {}), ...(callId ? { callId } : {}) };
}

function jobsRoute(second: string | undefined, third: string | undefined): Route {
  if (second === 'open' && third) return { name: 'jobs', open: third };
  const kind = (['call', 'contact', 'deal'] as const).find((candidate) => candidate === second);
  return kind && third ? { name: 'jobs', newFrom: { kind, id: third } } : { name: 'jobs' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '#/dashboard';
    case 'contacts':
      return '#/contacts';
    case 'contactNew': {
      const query = new URLSearchParams();
      if (route.phone) query.set('phone', route.phone);
      if (route.callId) query.set('call', route.callId);
      const search = query.toString();
      return search ? `#/contacts/new?${search}` : '#/contacts/new';
    }
    case 'contact':
      return `#/contacts/${encodeURIComponent(route.id)}${route.tab && route.tab !== 'timeline' ? `/${route.tab}` : ''}`;
    case 'followUps':
      return route.view ? `#/follow-ups/${route.view}` : '#/follow-ups';
    case 'calls':
      return '#/calls';
    case 'callTriage':
      return '#/calls/triage';
    case 'slaReport':
      return '#/calls/sla';
    case 'exchange':
      return '#/import-export';
    case 'pipeline':
      return pipelineHash(route);
    case 'contactEdit':
      return `#/contacts/${encodeURIComponent(route.id)}/edit`;
    case 'settings':
      return route.focus === 'userName' ? '#/settings/name' : '#/settings';
    case 'phone':
      return '#/phone';
    case 'phoneSettings':
      return '#/settings/phone';
    case 'mailSettings':
      return '#/settings/mail';
    case 'jobs':
      if (route.open) return `#/jobs/open/${encodeURIComponent(route.open)}`;
      return route.newFrom ? `#/jobs/${route.newFrom.kind}/${encodeURIComponent(route.newFrom.id)}` : '#/jobs';
    case 'search':
      return route.query ? `#/search?${new URLSearchParams({ q: route.query }).toString()}` : '#/search';
    case 'companies':
      return '#/companies';
    case 'company':
      return `#/companies/${encodeURIComponent(route.id)}`;
    case 'segments':
      return '#/segments';
    case 'segment':
      return route.id ? `#/segments/${encodeURIComponent(route.id)}` : '#/segments/new';
    case 'audit':
      return '#/audit';
  }
}
