import { useState } from 'react';
import { clickToCallState, type ClickToCallState } from '../../../src-shared/domain/telephony';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { activityChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { Cluster } from '../../ui/Cluster';

const stateWords: Record<ClickToCallState, string> = { dialing: 'Dialing — your phone rings first', connected: 'Connected', ended: 'Call ended' };

/**
 * Calls a customer through the office line: the relay rings the user's own phone, then the
 * customer, with the office number as caller ID. Shows dialing, connected, ended; a refusal
 * (do-not-contact, blocked, no phone of your own) is said as it is.
 */
export function ClickToCall({ number, contactId }: { number?: string; contactId?: string | null }) {
  const [callId, setCallId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const state = useLiveData(callId ? `call-state:${callId}` : null, () => api.invoke('phone.callState', { callId: callId! }), {
    reloadOn: [activityChanged(['calls'])],
  });
  const call = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const placed = await api.invoke('phone.call', contactId ? { contactId } : { number: number! });
      setCallId(placed.callId);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  const current = state.status === 'ready' ? clickToCallState(state.data.status) : callId ? 'dialing' : null;
  return (
    <Cluster>
      <Button icon="phone" variant="primary" busy={busy} busyLabel="Calling…" onClick={call} disabled={current === 'dialing' || current === 'connected'}>
        Call
      </Button>
      {current ? (
        <span role="status" className={`click-to-call__state click-to-call__state--${current}`}>
          {stateWords[current]}
        </span>
      ) : null}
      {problem ? (
        <Notice tone="danger" role="alert">
          {problem}
        </Notice>
      ) : null}
    </Cluster>
  );
}
