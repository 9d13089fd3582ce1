import { lifecycleStageLabels, lifecycleStages, type LifecycleStage } from '../../../src-shared/domain/lifecycle';
import { api } from '../../api';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { formatDate } from '../../ui/format';
import { activityChanged, contactsChanged } from '../../ui/live-events';
import { SelectField } from '../../ui/SelectField';
import { Stack } from '../../ui/Stack';
import { useLiveData } from '../../ui/use-live-data';
import './lifecycle.css';

/**
 * Where the contact stands (lead, qualified, customer, former customer), the one button that
 * moves a lead on ("Convert to customer"), and each move with when and by whom.
 */
export function LifecycleCard({ contactId }: { contactId: string }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const lifecycle = useLiveData(`lifecycle:${contactId}`, () => api.invoke('lifecycle.get', { contactId }), {
    reloadOn: [activityChanged(['lifecycle_events'], contactId), contactsChanged(contactId)],
  });
  const data = lifecycle.latest;
  if (!data) return null;

  const move = async (stage: LifecycleStage) => {
    try {
      await api.invoke('lifecycle.set', { contactId, stage });
      pushToast({ message: `Stage: ${lifecycleStageLabels[stage]}` });
    } catch (error) {
      showError(error);
    }
  };
  const canConvert = data.stage === 'lead' || data.stage === 'qualified' || data.stage === null;

  return (
    <Card
      title="Lifecycle"
      aside={data.stage ? <Badge tone={data.stage === 'customer' ? 'success' : data.stage === 'former_customer' ? 'neutral' : 'info'}>{lifecycleStageLabels[data.stage]}</Badge> : null}
    >
      <Stack gap="sm">
        <Cluster gap="sm">
          <SelectField
            label="Stage"
            size="sm"
            width="short"
            placeholder="Not set"
            value={data.stage ?? ''}
            options={lifecycleStages.map((stage) => ({ value: stage, label: lifecycleStageLabels[stage] }))}
            onChange={(stage) => void move(stage)}
          />
          {canConvert ? (
            <Button size="sm" variant="primary" icon="check" onClick={() => void move('customer')}>
              Convert to customer
            </Button>
          ) : null}
        </Cluster>
        {data.implied && data.stage ? <p className="meta">From the contact type; set a stage to start its history.</p> : null}
        {data.history.length > 0 ? (
          <ol className="lifecycle-history" aria-label="Stage history">
            {data.history.map((event) => (
              <li key={event.id} className="meta">
                <strong>{lifecycleStageLabels[event.stage]}</strong> · {formatDate(event.at)}
                {event.by ? ` · ${event.by}` : ' · from the contact type'}
              </li>
            ))}
          </ol>
        ) : null}
      </Stack>
    </Card>
  );
}
