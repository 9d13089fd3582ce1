import type { ContactScores } from '../../../src-shared/domain/score';
import { Card } from '../../ui/Card';
import { cx } from '../../ui/class-names';
import { EmptyState } from '../../ui/EmptyState';
import { useContactScores } from './hooks';
import './pipeline.css';

const healthLabels: Record<ContactScores['health'], string> = { green: 'Healthy', yellow: 'Needs attention', red: 'At risk' };
const gradeMeaning: Record<ContactScores['grade'], string> = {
  A: 'a hot lead',
  B: 'a warm lead',
  C: 'a cool lead',
  D: 'a cold lead',
};

/**
 * Lead score and grade, and customer health, each with the factors behind it: the rules are
 * simple on purpose (src-main/pipeline/scores.ts), so showing them is what makes them trusted.
 */
export function ContactScoreBadge({ contactId }: { contactId: string }) {
  const scores = useContactScores(contactId);
  const data = scores.latest;
  if (!data) return null;
  const positive = data.leadFactors.filter((factor) => factor.points !== 0);

  return (
    <Card title="Lead score and health">
      <div className="score-card__row">
        <div className={`score-grade score-grade--${data.grade}`} aria-hidden="true">
          {data.grade}
        </div>
        <div className="score-card__text">
          <p className="score-card__headline">
            Grade {data.grade} <span className="muted">· {data.leadScore} of 100</span>
          </p>
          <p className="muted">This contact is {gradeMeaning[data.grade]}.</p>
          <div
            className="score-meter"
            role="meter"
            aria-label="Lead score"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={data.leadScore}
            aria-valuetext={`${data.leadScore} of 100, grade ${data.grade}`}
          >
            <span className={`score-meter__fill score-meter__fill--${data.grade}`} style={{ width: `${data.leadScore}%` }} />
          </div>
        </div>
      </div>
      {positive.length > 0 ? (
        <ul className="score-factors" aria-label="What makes up the lead score">
          {positive.map((factor) => (
            <li key={factor.label} className="score-factors__item">
              <span>{factor.label}</span>
              <span className={cx('score-factors__points', factor.points < 0 && 'score-factors__points--minus')}>
                {factor.points > 0 ? `+${factor.points}` : `−${Math.abs(factor.points)}`}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState compact title="Nothing counts towards the score yet: add a phone, an e-mail or a note." />
      )}
      <div className="score-health">
        <p className="score-health__headline">
          <span className={`health-dot health-dot--${data.health}`} aria-hidden="true" />
          <span>
            Health: <strong>{healthLabels[data.health]}</strong>
          </span>
        </p>
        {data.healthFactors.length > 0 ? (
          <ul className="score-health__reasons" aria-label="Why the health is what it is">
            {data.healthFactors.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">In touch recently, nothing overdue, no deal stuck.</p>
        )}
      </div>
    </Card>
  );
}
