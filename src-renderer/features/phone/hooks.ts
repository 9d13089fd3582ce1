import type { SentimentFilter } from '../../../src-shared/domain/telephony';
import { api } from '../../api';
import { activityChanged, onEvent } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

/** The phone line's calls, newest first, with the history's filters. */
export function usePhoneCalls(filters: { search: string; sentiment: SentimentFilter | ''; unansweredOnly: boolean }) {
  return useLiveData(
    `phone-calls:${JSON.stringify(filters)}`,
    () =>
      api.invoke('calls.list', {
        provider: 'twilio',
        unansweredOnly: filters.unansweredOnly,
        ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
        ...(filters.sentiment ? { sentiment: filters.sentiment } : {}),
        limit: 200,
      }),
    { reloadOn: [activityChanged(['calls'])] },
  );
}

export function useConversations() {
  return useLiveData('texts:conversations', () => api.invoke('texts.conversations', { limit: 200 }), { reloadOn: [onEvent('texts.changed'), activityChanged()] });
}

export function useThread(number: string | null) {
  return useLiveData(number ? `texts:thread:${number}` : null, () => api.invoke('texts.thread', { number: number! }), {
    reloadOn: [onEvent('texts.changed', ({ numbers }) => !number || numbers.length === 0 || numbers.includes(number))],
  });
}

export function useTemplates() {
  return useLiveData('texts:templates', () => api.invoke('texts.templates', {}), { reportErrors: false });
}

export function usePhoneSettings() {
  return useLiveData('phone:settings', () => api.invoke('phone.settings', {}), { reportErrors: false });
}
