import { promiseMinutesOf, slaCountdownText, slaStanding, slaStandingLabels, type CallBack, type SlaStanding } from '../../../src-shared/domain/sla';
import { useUi } from '../../store';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { formatDateTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';

const tones: Record<SlaStanding, BadgeTone> = { ok: 'success', due_soon: 'warning', overdue: 'danger', made_in_time: 'neutral', made_late: 'neutral' };

/**
 * A call-back's promise, counting down with the shared minute clock: "Due soon · due in 25 min".
 * The boundaries are the rule's (src-shared/domain/sla.ts), the same as the SLA report's.
 */
export function SlaTimer({ callBack }: { callBack: Pick<CallBack, 'dueAt' | 'doneAt' | 'slaRuleId'> }) {
  const now = useNow();
  const rules = useUi((state) => state.settings?.slaRules ?? []);
  const standing = slaStanding(callBack, promiseMinutesOf(rules, callBack.slaRuleId), now);
  const countdown = slaCountdownText(callBack, now);
  const label = standing === 'made_in_time' || standing === 'made_late' ? `Call-back ${countdown}` : `Call-back ${slaStandingLabels[standing].toLowerCase()}, ${countdown}`;
  return (
    <span className="sla-timer" role="timer" aria-label={label} title={`Promised by ${formatDateTime(callBack.dueAt)}`}>
      <Badge tone={tones[standing]}>{slaStandingLabels[standing]}</Badge>
      <span className="sla-timer__countdown numeric">{countdown}</span>
    </span>
  );
}
