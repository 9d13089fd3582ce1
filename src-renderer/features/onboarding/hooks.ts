import { api } from '../../api';
import { useUi } from '../../store';
import { contactsChanged, onEvent, pipelinesChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import type { ChecklistFacts } from './checklist-steps';

/** What the first-run checklist needs to know, kept current; undefined until it is all known. */
export function useChecklistFacts(enabled: boolean): ChecklistFacts | undefined {
  const settings = useUi((state) => state.settings);
  const contacts = useLiveData(enabled ? 'onboarding:contacts' : null, () => api.invoke('contacts.list', { limit: 1 }), {
    reloadOn: [contactsChanged()],
  });
  const pipelines = useLiveData(enabled ? 'onboarding:pipelines' : null, () => api.invoke('pipelines.list', {}), { reloadOn: [pipelinesChanged()] });
  const teammates = useLiveData(enabled ? 'onboarding:teammates' : null, () => countTeammates(), {
    reloadOn: [onEvent('sync.status')],
    reportErrors: false,
  });
  if (!settings || !contacts.data || !pipelines.data) return undefined;
  return { settings, contacts: contacts.data.total, pipelines: pipelines.data.length, teammates: teammates.data ?? 0 };
}

async function countTeammates(): Promise<number> {
  const status = await api.invoke('sync.status', {});
  if (!status.workspaceName) return 0;
  const info = await api.invoke('sync.workspace', {});
  return info.members.filter((member) => !member.removed && member.id !== info.you.memberId).length;
}
