import type { Call } from '../../../src-shared/domain/call';
import { jobStatusLabels } from '../../../src-shared/domain/job';
import { minorToDecimal, readMoney } from '../../../src-shared/money';
import { formatPhone } from '../../../src-shared/phone';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { ChipButton } from '../../ui/ChipButton';
import { Cluster } from '../../ui/Cluster';
import { DetailList } from '../../ui/DetailList';
import { formatDateTime, formatDuration, formatMoney, formatWhen } from '../../ui/format';
import { activityChanged } from '../../ui/live-events';
import { ListRow } from '../../ui/ListRow';
import { RowList } from '../../ui/RowList';
import { Stack } from '../../ui/Stack';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useLiveData } from '../../ui/use-live-data';
import { useJobsOfCall } from '../jobs/hooks';
import { describeCall } from './call-format';
import { SlaTimer } from './SlaTimer';
import { BlockNumberButton } from './BlockNumberButton';
import { CallMarkers } from './CallMarkers';
import { CallTagsField } from './CallTagsField';
import { useSaveAsTyped } from './use-save-as-typed';
import { CallTranscript, RecordingPlayer } from '../phone/CallRecording';

/** Amounts a dispatcher picks with one click, in whole units of the office's currency. */
const quickAmounts = [100, 250, 500, 1000];

interface CallDrawerProps {
  call: Call;
  outcomes: readonly string[];
  currency: string;
  now: number;
  onOutcome: (outcome: string) => void;
}

/** One call at the triage desk: what happened, its outcome, notes and estimate (saved as typed), the caller's history and the job made from it. */
export function CallDrawer({ call, outcomes, currency, now, onOutcome }: CallDrawerProps) {
  const navigate = useUi((state) => state.navigate);
  const showError = useUi((state) => state.showError);
  const update = (patch: Parameters<typeof api.invoke<'calls.update'>>[1]['patch']) => api.invoke('calls.update', { id: call.id, patch }).catch(showError);
  const notes = useSaveAsTyped(call.id, call.notes, (text) => update({ notes: text }));
  const estimateText = call.valueEstimateMinor === null ? '' : minorToDecimal(call.valueEstimateMinor, currency);
  const estimate = useSaveAsTyped(call.id, estimateText, async (text) => {
    const reading = readMoney(text, currency, 'nonNegative');
    if (reading.ok) await update({ valueEstimateMinor: reading.amountMinor });
  });
  const estimateReading = readMoney(estimate.value, currency, 'nonNegative');
  const history = useLiveData(`calls-of-number:${call.number}`, () => api.invoke('calls.list', { number: call.number, limit: 11 }), {
    reloadOn: [activityChanged(['calls'])],
  });
  const jobs = useJobsOfCall(call.id);
  const who = call.contactName ?? formatPhone(call.number);
  const earlier = (history.latest?.items ?? []).filter((other) => other.id !== call.id).slice(0, 10);

  return (
    <Card title={who} label={`Call from ${who}`} actions={<CallMarkers call={call} />}>
      <Stack gap="lg">
        <p className="meta">
          {describeCall(call)} · {formatWhen(call.startedAt, now)} · {call.durationSeconds > 0 ? formatDuration(call.durationSeconds) : 'no talk time'}
        </p>
        {call.callBack ? <SlaTimer callBack={call.callBack} /> : null}
        {call.recordingSha256 ? <RecordingPlayer callId={call.id} seconds={call.recordingSeconds} /> : null}
        {call.transcript ? <CallTranscript transcript={call.transcript} sentiment={call.sentiment} keywords={call.keywords} /> : null}
        <Stack as="fieldset" gap="sm">
          <legend className="caps-label">Outcome</legend>
          <Cluster gap="xs">
            {outcomes.map((outcome, index) => (
              <ChipButton key={outcome} pressed={call.disposition === outcome} aria-keyshortcuts={index < 9 ? String(index + 1) : undefined} onClick={() => onOutcome(outcome)}>
                {index < 9 ? <span className="triage__key">{index + 1}</span> : null} {outcome}
              </ChipButton>
            ))}
          </Cluster>
        </Stack>
        <Cluster gap="lg">
          <Checkbox label="Emergency" hint="Goes to the top of the queue" checked={call.emergency} onChange={(emergency) => void update({ emergency })} />
          <Checkbox label="Spam" checked={call.spam} onChange={(spam) => void update({ spam })} />
          {call.direction === 'inbound' ? <BlockNumberButton number={call.number} /> : null}
        </Cluster>
        <CallTagsField call={call} />
        <TextAreaField label="Notes" rows={4} maxLength={20_000} value={notes.value} onChange={notes.onChange} onBlur={notes.flush} hint="Saved as you type" />
        <Stack gap="xs">
          <TextField
            label="Value estimate"
            inputMode="decimal"
            suffix={currency}
            width="short"
            value={estimate.value}
            error={estimateReading.ok ? undefined : estimateReading.error}
            onChange={estimate.onChange}
            onBlur={estimate.flush}
          />
          <Cluster gap="xs">
            {quickAmounts.map((amount) => (
              <ChipButton key={amount} onClick={() => estimate.onChange(String(amount))}>
                {formatMoney({ amountMinor: amount * 100, currency })}
              </ChipButton>
            ))}
          </Cluster>
        </Stack>
        <DetailList
          items={[
            { term: 'Number', value: formatPhone(call.number) },
            { term: 'Office line', value: call.officeNumber ? formatPhone(call.officeNumber) : null },
            { term: 'Started', value: formatDateTime(call.startedAt) },
            { term: 'Duration', value: call.durationSeconds > 0 ? formatDuration(call.durationSeconds) : null },
            { term: 'Keywords', value: call.keywords.length > 0 && !call.transcript ? call.keywords.join(', ') : null },
            { term: 'Logged by', value: call.loggedBy || null },
          ].filter((detail) => detail.value !== null)}
        />
        <Stack gap="sm">
          <h3 className="caps-label">Job</h3>
          {(jobs.latest?.items ?? []).length > 0 ? (
            <RowList label="Jobs from this call" boxed>
              {jobs.latest!.items.map((job) => (
                <li key={job.id}>
                  <ListRow title={job.title} meta={jobStatusLabels[job.status]} align="center" />
                </li>
              ))}
            </RowList>
          ) : (
            <Cluster>
              <Button icon="plus" onClick={() => navigate({ name: 'jobs', newFrom: { kind: 'call', id: call.id } })}>
                Create job from this call
              </Button>
            </Cluster>
          )}
        </Stack>
        <Stack gap="sm">
          <h3 className="caps-label">Earlier calls from this number</h3>
          {earlier.length === 0 ? (
            <p className="muted">First call from this number.</p>
          ) : (
            <RowList label="Earlier calls from this number">
              {earlier.map((other) => (
                <li key={other.id}>
                  <ListRow title={`${describeCall(other)}${other.disposition ? ` · ${other.disposition}` : ''}`} meta={formatDateTime(other.startedAt)} align="center">
                    {other.notes ? <span className="muted">{other.notes}</span> : null}
                  </ListRow>
                </li>
              ))}
            </RowList>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
