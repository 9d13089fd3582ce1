import type { Call } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { useUi } from '../../store';
import { useLiveQuery } from '../../ui/use-live-query';

export function useContactCalls(contactId: string, limit: number) {
  return useLiveQuery(
    `calls:${contactId}:${limit}`,
    () => api.invoke('calls.list', { contactId, limit, sort: { field: 'startedAt', direction: 'desc' } }),
    { activity: ['calls'], contactId },
  );
}

export async function deleteCallWithUndo(call: Call): Promise<void> {
  const { showError, pushToast } = useUi.getState();
  try {
    await api.invoke('calls.delete', { id: call.id });
  } catch (error) {
    showError(error);
    return;
  }
  pushToast({
    message: 'Call deleted',
    action: {
      label: 'Undo',
      run: () => {
        api.invoke('calls.restore', { id: call.id }).then(
          () => useUi.getState().pushToast({ message: 'Call restored' }),
          (error: unknown) => useUi.getState().showError(error),
        );
      },
    },
  });
}
