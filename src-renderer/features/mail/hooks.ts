import { api } from '../../api';
import { onEvent } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

// Mail data on screen: reloaded when sync keeps or changes messages, or the outbox moves.

export const mailChanged = (contactId?: string) =>
  onEvent('mail.changed', ({ contactIds, outbox }) => outbox || !contactId || contactIds.length === 0 || contactIds.includes(contactId));
const syncProgress = onEvent('mail.syncProgress');

export function useMailAccounts() {
  return useLiveData('mail:accounts', () => api.invoke('mail.accounts', {}), { reloadOn: [syncProgress, mailChanged()] });
}

export function useThreads(contactId: string) {
  return useLiveData(`mail:threads:${contactId}`, () => api.invoke('mail.threads', { contactId }), { reloadOn: [mailChanged(contactId)] });
}

export function useThread(threadId: string) {
  return useLiveData(`mail:thread:${threadId}`, () => api.invoke('mail.thread', { threadId }), { reloadOn: [mailChanged()] });
}

export function useOutbox() {
  return useLiveData('mail:outbox', () => api.invoke('mail.outbox', {}), { reloadOn: [mailChanged()] });
}
