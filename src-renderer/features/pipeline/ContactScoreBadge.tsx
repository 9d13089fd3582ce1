import type { ContactScores } from '../../../src-shared/domain/score';
import type { Tone } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { cx } from '../../ui/class-names';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { Meter, type MeterProps } from '../../ui/Meter';
import { Stack } from '../../ui/Stack';
import { useContactScores } from './hooks';
import './pipeline.css';

const healthLabels: Record<ContactScores['health'], string> = { green: 'Healthy', yellow: 'Needs attention', red: 'At risk' };
const gradeBadgeTones: Record<ContactScores['grade'], Tone> = { A: 'success', B: 'info', C: 'warning', D: 'neutral' };
const healthTones: Record<ContactScores['health'], Tone> = { green: 'success', yellow: 'warning', red: 'danger' };
const gradeTones: Record<ContactScores['grade'], MeterProps['tone']> = { A: 'success', B: 'primary', C: 'warning', D: 'muted' };

/**
 * The score and grade, and the contact's health, each with the factors behind it: the rules are
 * simple on purpose (src-main/pipeline/scores.ts), so showing them is what makes them trusted.
 * The words follow the contact's lifecycle: a lead is hot or cold, a customer engaged or quiet.
 */
export function ContactScoreBadge({ contactId }: { contactId: string }) {
  const scores = useContactScores(contactId);
  const data = scores.latest;
  if (!data) return null;
  const positive = data.leadFactors.filter((factor) => factor.points !== 0);

  return (
    <Card title="Score and health">
      <Cluster gap="md" className="score-summary">
        <div className={`score-grade tone-${gradeBadgeTones[data.grade]}`} aria-hidden="true">
          {data.grade}
        </div>
        <Stack gap="xs" className="score-summary__text">
          <p className="heading">
            Grade {data.grade} <span className="muted">· {data.leadScore} of 100</span>
          </p>
          <p className="muted">{data.headline}.</p>
          <Meter label={data.scoreName} value={data.leadScore} valueText={`${data.leadScore} of 100, grade ${data.grade}`} tone={gradeTones[data.grade]} />
        </Stack>
      </Cluster>
      {positive.length > 0 ? (
        <Stack as="ul" gap="xs" className="score-factors" aria-label={`What makes up the ${data.scoreName.toLowerCase()}`}>
          {positive.map((factor) => (
            <Cluster as="li" justify="between" key={factor.label}>
              <span>{factor.label}</span>
              <span className={cx('score-factors__points', factor.points < 0 && 'score-factors__points--minus')}>
                {factor.points > 0 ? `+${factor.points}` : `−${Math.abs(factor.points)}`}
              </span>
            </Cluster>
          ))}
        </Stack>
      ) : (
        <EmptyState compact title="Nothing counts towards the score yet: add a phone, an e-mail or a note." />
      )}
      <Stack gap="xs" className="score-health">
        <Cluster as="p" gap="sm">
          <span className={`health-dot tone-${healthTones[data.health]}`} aria-hidden="true" />
          <span>
            Health: <strong>{healthLabels[data.health]}</strong>
          </span>
        </Cluster>
        {data.healthFactors.length > 0 ? (
          <ul className="score-health__reasons meta" aria-label="Why the health is what it is">
            {data.healthFactors.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">In touch recently, nothing overdue, no deal stuck.</p>
        )}
      </Stack>
    </Card>
  );
}
