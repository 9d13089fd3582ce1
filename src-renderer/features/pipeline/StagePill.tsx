import type { StageOutcome } from '../../../src-shared/domain/pipeline';
import { Badge, type BadgeTone } from '../../ui/Badge';

const tones: Record<StageOutcome, BadgeTone> = { open: 'info', won: 'success', lost: 'danger' };

/** A stage's name, coloured by whether it is open, won or lost. */
export function StagePill({ name, outcome }: { name: string; outcome: StageOutcome }) {
  return <Badge tone={tones[outcome]}>{name}</Badge>;
}
