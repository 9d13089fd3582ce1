import { clickToCallState } from '../../../src-shared/domain/telephony';
import { formatPhone } from '../../../src-shared/phone';
import { api } from '../../api';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DetailList } from '../../ui/DetailList';
import { Dialog } from '../../ui/Dialog';
import { LiveContent } from '../../ui/LiveContent';
import { activityChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { WhenAllowed } from '../access/WhenAllowed';
import { CallTranscript, RecordingPlayer } from './CallRecording';
import { ClickToCall } from './ClickToCall';
import { callStatusLabel, callStatusTone, formatDuration, formatMoment } from './phone-format';
import { Stack } from '../../ui/Stack';
import { Cluster } from '../../ui/Cluster';

/** One phone line call: its facts, the recording (fetched to this laptop on first play), the transcript and its mood. */
export function CallPanel({ callId, onClose }: { callId: string; onClose: () => void }) {
  const navigate = useUi((state) => state.navigate);
  const call = useLiveData(`call:${callId}`, () => api.invoke('phone.callDetail', { callId }), { reloadOn: [activityChanged(['calls'])] });

  return (
    <Dialog title="Call" size="lg" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <LiveContent live={call} loading="Loading the call…" failed="The call could not be loaded.">
        {(found) => (
          <Stack className="call-panel">
            <DetailList
              items={[
                { term: 'Who', value: found.contactName ?? formatPhone(found.number) },
                { term: 'Number', value: formatPhone(found.number) },
                { term: 'When', value: formatMoment(found.startedAt) },
                { term: 'Direction', value: found.direction === 'inbound' ? 'Incoming' : 'Outgoing' },
                { term: 'Status', value: <Badge tone={callStatusTone(found.status)}>{callStatusLabel(found.status)}</Badge> },
                { term: 'Duration', value: formatDuration(found.durationSeconds) },
                { term: 'Outcome', value: found.disposition || null },
              ]}
            />
            {found.recordingSha256 ? <RecordingPlayer callId={found.id} seconds={found.recordingSeconds} /> : null}
            {found.transcript ? <CallTranscript transcript={found.transcript} sentiment={found.sentiment} keywords={found.keywords} /> : null}
            <Cluster>
              {found.contactId ? (
                <Button icon="user" onClick={() => { onClose(); navigate({ name: 'contact', id: found.contactId! }); }}>
                  {`Open ${found.contactName ?? 'contact'}`}
                </Button>
              ) : (
                <Button icon="plus" onClick={() => { onClose(); navigate({ name: 'contactNew', phone: found.number, callId: found.id }); }}>
                  Create contact
                </Button>
              )}
              {clickToCallState(found.status) === 'ended' ? (
                <WhenAllowed>
                  <ClickToCall number={found.number} contactId={found.contactId} />
                </WhenAllowed>
              ) : null}
            </Cluster>
          </Stack>
        )}
      </LiveContent>
    </Dialog>
  );
}
