import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  pipelineTemplates,
  type Deal,
  type DealDraftSchema,
  type DealPatchSchema,
  type Pipeline,
  type PipelineTemplate,
  type Stage,
  type StageDraft,
  type StageDraftSchema,
} from '../../src-shared/domain/pipeline';
import { AppError } from '../../src-shared/errors';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';
import { createPipelineQueries, rowToDeal, type DealListPage } from './queries';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import type { CurrencyTotal } from '../../src-shared/domain/money-totals';

const positionStep = 1000;

export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: CurrencyTotal[];
  deals: Deal[];
}

export class PipelineService extends WritingService {
  readonly queries;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createPipelineQueries(deps.sqlite);
  }

  list(): Pipeline[] {
    return this.queries.pipelines();
  }

  get(id: string): Pipeline {
    const pipeline = this.list().find((candidate) => candidate.id === id);
    if (!pipeline) throw new AppError('not_found', 'That pipeline does not exist or was deleted.', 'pipelineId');
    return pipeline;
  }

  createFromTemplate(template: PipelineTemplate, name?: string): Pipeline {
    const spec = pipelineTemplates[template];
    return this.create(name ?? spec.name, spec.stages);
  }

  create(name: string, stageDrafts: readonly StageDraft[]): Pipeline {
    const id = uuidv7();
    const position = (this.list().at(-1)?.position ?? 0) + positionStep;
    this.engine.transaction((tx) => {
      tx.write('pipelines', id, { name, position, created_at: this.now(), cl: 1 });
      stageDrafts.forEach((draft, index) => this.writeStage(tx, id, uuidv7(), draft, (index + 1) * positionStep));
    });
    return this.get(id);
  }

  rename(id: string, name: string): Pipeline {
    this.get(id);
    this.engine.transaction((tx) => tx.write('pipelines', id, { name }));
    return this.get(id);
  }

  /** Adds a stage before another one (or at the end); existing deals stay where they are. */
  addStage(pipelineId: string, draft: z.output<typeof StageDraftSchema>, beforeStageId?: string): Pipeline {
    const stages = this.get(pipelineId).stages;
    const id = uuidv7();
    this.engine.transaction((tx) => {
      const index = beforeStageId ? stages.findIndex((stage) => stage.id === beforeStageId) : stages.length;
      if (index === -1) throw new AppError('not_found', 'That stage is not in this pipeline.', 'beforeStageId');
      this.writeStage(tx, pipelineId, id, draft, this.positionAt(tx, stages, index));
    });
    return this.get(pipelineId);
  }

  updateStage(id: string, patch: Partial<z.output<typeof StageDraftSchema>>): Pipeline {
    const row = this.queries.stage(id);
    if (!row) throw new AppError('not_found', 'That stage does not exist.', 'stageId');
    const fields: FieldValues = {};
    if (patch.name !== undefined) fields.name = patch.name;
    if (patch.probabilityBp !== undefined) fields.probability_bp = patch.probabilityBp;
    if (patch.expectedDays !== undefined) fields.expected_days = patch.expectedDays;
    if (patch.outcome !== undefined) fields.outcome = patch.outcome;
    if (Object.keys(fields).length > 0) this.engine.transaction((tx) => tx.write('stages', id, fields));
    return this.get(row.pipeline_id);
  }

  /** Moves a stage to a new index in its pipeline, rewriting one position when there is room. */
  moveStage(id: string, toIndex: number): Pipeline {
    const row = this.queries.stage(id);
    if (!row) throw new AppError('not_found', 'That stage does not exist.', 'stageId');
    const others = this.get(row.pipeline_id).stages.filter((stage) => stage.id !== id);
    const index = Math.max(0, Math.min(toIndex, others.length));
    this.engine.transaction((tx) => tx.write('stages', id, { position: this.positionAt(tx, others, index) }));
    return this.get(row.pipeline_id);
  }

  getDeal(id: string): Deal {
    const row = this.queries.deal(id);
    if (!row) throw new AppError('not_found', 'That deal does not exist or was deleted.', 'id');
    return rowToDeal(row);
  }

  dealsOfContact(contactId: string): Deal[] {
    return this.queries.dealsOfContact(contactId).map(rowToDeal);
  }

  /** Deals of a pipeline (or all), optionally of one stage or owner, sorted and paged. */
  listDeals(query: DealListPage): { total: number; items: Deal[] } {
    const { total, rows } = this.queries.dealPage(query);
    return { total, items: rows.map(rowToDeal) };
  }


  createDeal(draft: z.output<typeof DealDraftSchema>): Deal {
    this.lifecycle.requireAlive('contacts', draft.contactId, 'contact', 'contactId');
    const pipeline = this.get(draft.pipelineId);
    const stage = draft.stageId ? pipeline.stages.find((candidate) => candidate.id === draft.stageId) : pipeline.stages[0];
    if (!stage) throw new AppError('invalid_input', 'Choose a stage of this pipeline.', 'stageId');
    const id = uuidv7();
    const timestamp = this.now();
    const settings = this.settings.get();
    this.engine.transaction((tx) => {
      tx.write('deals', id, {
        contact_id: draft.contactId,
        pipeline_id: pipeline.id,
        stage_id: stage.id,
        title: draft.title,
        value_minor: draft.valueMinor,
        currency: draft.currency ?? settings.currency,
        probability_bp: draft.probabilityBp,
        expected_close_at: draft.expectedCloseAt,
        owner: draft.owner ?? settings.userName,
        source: draft.source,
        close_reason: '',
        closed_at: stage.outcome === 'open' ? null : timestamp,
        created_at: timestamp,
        updated_at: timestamp,
        cl: 1,
      });
      this.recordMove(tx, id, pipeline.id, null, stage.id, timestamp);
    });
    return this.getDeal(id);
  }

  updateDeal(id: string, patch: z.output<typeof DealPatchSchema>): Deal {
    const current = this.getDeal(id);
    const fields: FieldValues = {};
    const set = (column: string, value: string | number | null, before: unknown) => {
      if (value !== before) fields[column] = value;
    };
    if (patch.title !== undefined) set('title', patch.title, current.title);
    if (patch.valueMinor !== undefined) set('value_minor', patch.valueMinor, current.valueMinor);
    if (patch.currency !== undefined) set('currency', patch.currency, current.currency);
    if (patch.probabilityBp !== undefined) {
      set('probability_bp', patch.probabilityBp, current.probabilityOverridden ? current.probabilityBp : null);
    }
    if (patch.expectedCloseAt !== undefined) set('expected_close_at', patch.expectedCloseAt, current.expectedCloseAt);
    if (patch.owner !== undefined) set('owner', patch.owner, current.owner);
    if (patch.source !== undefined) set('source', patch.source, current.source);
    if (patch.closeReason !== undefined) set('close_reason', patch.closeReason, current.closeReason);
    if (Object.keys(fields).length === 0) return current;
    this.engine.transaction((tx) => tx.write('deals', id, { ...fields, updated_at: this.now() }));
    return this.getDeal(id);
  }

  /** Moves a deal to a stage of its pipeline and records the move (from, to, when, who). */
  moveDeal(id: string, stageId: string, closeReason?: string): Deal {
    const deal = this.getDeal(id);
    if (deal.stageId === stageId) return deal;
    const stage = this.get(deal.pipelineId).stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw new AppError('invalid_input', 'That stage is not in the deal’s pipeline.', 'stageId');
    const timestamp = this.now();
    this.engine.transaction((tx) => {
      tx.write('deals', id, {
        stage_id: stageId,
        closed_at: stage.outcome === 'open' ? null : timestamp,
        ...(closeReason !== undefined ? { close_reason: closeReason } : {}),
        updated_at: timestamp,
      });
      this.recordMove(tx, id, deal.pipelineId, deal.stageId, stageId, timestamp);
    });
    return this.getDeal(id);
  }

  deleteDeal(id: string): { id: string } {
    this.lifecycle.delete('deals', id, 'deal');
    return { id };
  }

  restoreDeal(id: string): Deal {
    this.lifecycle.restore('deals', id, 'deal');
    return this.getDeal(id);
  }

  /** Columns per stage with counts, totals and probability-weighted totals, and their newest deals. */
  board(pipelineId: string, dealsPerStage: number): { pipeline: Pipeline; columns: BoardColumn[] } {
    const pipeline = this.get(pipelineId);
    const rows = this.queries.stageTotals(pipelineId);
    return {
      pipeline,
      columns: pipeline.stages.map((stage) => {
        const ofStage = rows.filter((row) => row.stage_id === stage.id);
        return {
          stage,
          count: ofStage.reduce((sum, row) => sum + row.count, 0),
          totals: ofStage.map((row) => ({ currency: row.currency, totalMinor: row.total, weightedMinor: Math.round(row.weighted) })),
          deals: this.queries.dealsOfStage(pipelineId, stage.id, dealsPerStage).map(rowToDeal),
        };
      }),
    };
  }

  private recordMove(tx: MutationTx, dealId: string, pipelineId: string, from: string | null, to: string, at: number): void {
    tx.write('deal_stage_events', uuidv7(), {
      deal_id: dealId,
      pipeline_id: pipelineId,
      from_stage_id: from,
      to_stage_id: to,
      at,
      moved_by: this.settings.get().userName,
    });
  }

  private writeStage(tx: MutationTx, pipelineId: string, id: string, draft: StageDraft, position: number): void {
    tx.write('stages', id, {
      pipeline_id: pipelineId,
      name: draft.name,
      position,
      probability_bp: draft.probabilityBp ?? 0,
      expected_days: draft.expectedDays ?? null,
      outcome: draft.outcome ?? 'open',
      cl: 1,
    });
  }

  /** A position between the neighbours at `index`; renumbers the stages when there is no gap. */
  private positionAt(tx: MutationTx, stages: readonly Stage[], index: number): number {
    const before = stages[index - 1]?.position ?? 0;
    const after = stages[index]?.position;
    if (after === undefined) return before + positionStep;
    if (after - before > 1) return Math.floor((before + after) / 2);
    stages.forEach((stage, i) => tx.write('stages', stage.id, { position: (i < index ? i + 1 : i + 2) * positionStep }));
    return (index + 1) * positionStep;
  }
}
