import type { Sqlite } from '../db/open';
import { createAnalyticsQueries, type StageEventRow } from './queries';
import type { Stage } from '../../src-shared/domain/pipeline';

// The numbers an owner steers by. All are derived from deals and their append-only stage
// events at read time; nothing here is stored or merged.

const dayMs = 24 * 60 * 60 * 1000;

export interface FunnelStage {
  stageId: string;
  name: string;
  outcome: Stage['outcome'];
  /** Deals that entered this stage during the period. */
  entered: number;
  /** Of those, how many later reached a further stage that is not a loss. */
  advanced: number;
  conversion: number | null;
  dropOff: number | null;
  /** Average days spent in the stage, over visits that began in the period and have ended. */
  averageDays: number | null;
}

export interface Funnel {
  stages: FunnelStage[];
  won: number;
  lost: number;
  winRate: number | null;
}

export function computeFunnel(stages: readonly Stage[], events: readonly StageEventRow[], from: number, to: number): Funnel {
  const byStage = new Map(stages.map((stage, index) => [stage.id, { stage, index }]));
  const visitsByDeal = new Map<string, StageEventRow[]>();
  for (const event of events) {
    const list = visitsByDeal.get(event.deal_id) ?? [];
    list.push(event);
    visitsByDeal.set(event.deal_id, list);
  }
  const rows = stages.map((stage) => ({ stage, enteredDeals: new Set<string>(), advancedDeals: new Set<string>(), durations: [] as number[] }));
  let won = 0;
  let lost = 0;
  for (const [dealId, visits] of visitsByDeal) {
    visits.sort((a, b) => a.at - b.at);
    visits.forEach((visit, position) => {
      const target = byStage.get(visit.to_stage_id);
      if (!target || visit.at < from || visit.at >= to) return;
      const row = rows[target.index]!;
      row.enteredDeals.add(dealId);
      if (target.stage.outcome === 'won') won += 1;
      if (target.stage.outcome === 'lost') lost += 1;
      const next = visits[position + 1];
      if (next) row.durations.push((next.at - visit.at) / dayMs);
      const advanced = visits.slice(position + 1).some((later) => {
        const laterStage = byStage.get(later.to_stage_id);
        return laterStage !== undefined && laterStage.index > target.index && laterStage.stage.outcome !== 'lost';
      });
      if (advanced) row.advancedDeals.add(dealId);
    });
  }
  return {
    stages: rows.map(({ stage, enteredDeals, advancedDeals, durations }) => {
      const entered = enteredDeals.size;
      const advanced = advancedDeals.size;
      const final = stage.outcome !== 'open';
      const conversion = entered === 0 || final ? null : advanced / entered;
      return {
        stageId: stage.id,
        name: stage.name,
        outcome: stage.outcome,
        entered,
        advanced,
        conversion,
        dropOff: conversion === null ? null : 1 - conversion,
        averageDays: durations.length === 0 ? null : durations.reduce((sum, days) => sum + days, 0) / durations.length,
      };
    }),
    won,
    lost,
    winRate: won + lost === 0 ? null : won / (won + lost),
  };
}

/** Funnel, owners and forecast figures of the pipelines, read from deals and stage events. */
export class PipelineAnalytics {
  private readonly queries;

  constructor(deps: { sqlite: Sqlite }) {
    this.queries = createAnalyticsQueries(deps.sqlite);
  }

  funnel(pipelineStages: readonly Stage[], pipelineId: string, from: number, to: number): Funnel {
    return computeFunnel(pipelineStages, this.queries.events.all(pipelineId), from, to);
  }

  /** Per owner and currency, for deals created or closed in [from, to). */
  owners(from: number, to: number) {
    return this.queries.ownerRows.all(from, to, from, to, from, to, from, to, from, to).map((row) => ({
      owner: row.owner,
      currency: row.currency,
      created: row.created,
      won: row.won,
      lost: row.lost,
      wonValueMinor: row.won_value,
      winRate: row.won + row.lost === 0 ? null : row.won / (row.won + row.lost),
      averageDealMinor: row.won === 0 ? null : Math.round(row.won_value / row.won),
      averageDaysToClose: row.days_to_close === null ? null : Math.round(row.days_to_close * 10) / 10,
    }));
  }

  /** Open deals by expected close month, weighted by probability (null month: no date yet). */
  forecast() {
    return this.queries.forecastRows.all().map((row) => ({
      month: row.month,
      currency: row.currency,
      count: row.count,
      totalMinor: row.total,
      weightedMinor: Math.round(row.weighted),
    }));
  }
}
