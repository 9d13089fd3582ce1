import type { Deal, Pipeline, Stage } from '../../src-shared/domain/pipeline';
import type { Sqlite } from '../db/open';

export interface StageRow {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability_bp: number;
  expected_days: number | null;
  outcome: string;
}

export interface DealRow {
  id: string;
  contact_id: string;
  contact_name: string | null;
  pipeline_id: string;
  stage_id: string;
  title: string;
  value_minor: number;
  currency: string;
  probability_bp: number | null;
  stage_probability_bp: number | null;
  expected_close_at: number | null;
  owner: string;
  source: string;
  close_reason: string;
  closed_at: number | null;
  created_at: number;
  updated_at: number;
}

export function rowToStage(row: StageRow): Stage {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    position: row.position,
    probabilityBp: row.probability_bp,
    expectedDays: row.expected_days,
    outcome: row.outcome === 'won' || row.outcome === 'lost' ? row.outcome : 'open',
  };
}

export function rowToDeal(row: DealRow): Deal {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name ?? '',
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    title: row.title,
    valueMinor: row.value_minor,
    currency: row.currency,
    probabilityBp: row.probability_bp ?? row.stage_probability_bp ?? 0,
    probabilityOverridden: row.probability_bp !== null,
    expectedCloseAt: row.expected_close_at,
    owner: row.owner,
    source: row.source,
    closeReason: row.close_reason,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const dealColumns = `d.id, d.contact_id, c.name AS contact_name, d.pipeline_id, d.stage_id, d.title, d.value_minor,
  d.currency, d.probability_bp, s.probability_bp AS stage_probability_bp, d.expected_close_at, d.owner, d.source,
  d.close_reason, d.closed_at, d.created_at, d.updated_at`;
export const dealJoins = `LEFT JOIN contacts c ON c.id = d.contact_id LEFT JOIN stages s ON s.id = d.stage_id`;

export function createPipelineQueries(sqlite: Sqlite) {
  const pipelines = sqlite.prepare<[], { id: string; name: string; position: number }>(
    'SELECT id, name, position FROM pipelines WHERE cl % 2 = 1 ORDER BY position, created_at, id',
  );
  const stagesOf = sqlite.prepare<[string], StageRow>(
    'SELECT * FROM stages WHERE pipeline_id = ? AND cl % 2 = 1 ORDER BY position, id',
  );
  const stage = sqlite.prepare<[string], StageRow>('SELECT * FROM stages WHERE id = ? AND cl % 2 = 1');
  const deal = sqlite.prepare<[string], DealRow>(`SELECT ${dealColumns} FROM deals d ${dealJoins} WHERE d.id = ? AND d.cl % 2 = 1`);
  const dealsOfStage = sqlite.prepare<[string, string, number], DealRow>(
    `SELECT ${dealColumns} FROM deals d ${dealJoins}
     WHERE d.pipeline_id = ? AND d.stage_id = ? AND d.cl % 2 = 1 ORDER BY d.updated_at DESC, d.id DESC LIMIT ?`,
  );
  const stageTotals = sqlite.prepare<[string], { stage_id: string; count: number; total: number; weighted: number }>(
    `SELECT d.stage_id, COUNT(*) AS count, SUM(d.value_minor) AS total,
            SUM(d.value_minor * COALESCE(d.probability_bp, s.probability_bp, 0)) / 10000.0 AS weighted
     FROM deals d LEFT JOIN stages s ON s.id = d.stage_id
     WHERE d.pipeline_id = ? AND d.cl % 2 = 1 GROUP BY d.stage_id`,
  );
  const dealsOfContact = sqlite.prepare<[string], DealRow>(
    `SELECT ${dealColumns} FROM deals d ${dealJoins} WHERE d.contact_id = ? AND d.cl % 2 = 1 ORDER BY d.created_at DESC`,
  );
  return {
    pipelines(): Pipeline[] {
      return pipelines.all().map((row) => ({ ...row, stages: stagesOf.all(row.id).map(rowToStage) }));
    },
    stagesOf: (pipelineId: string) => stagesOf.all(pipelineId).map(rowToStage),
    stage: (id: string) => stage.get(id),
    deal: (id: string) => deal.get(id),
    dealsOfStage: (pipelineId: string, stageId: string, limit: number) => dealsOfStage.all(pipelineId, stageId, limit),
    stageTotals: (pipelineId: string) => stageTotals.all(pipelineId),
    dealsOfContact: (contactId: string) => dealsOfContact.all(contactId),
  };
}
