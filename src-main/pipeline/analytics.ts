import type { Sqlite } from '../db/open';
import { createAnalyticsQueries, type StageEventTuple } from './queries';
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

/**
 * The funnel of one pipeline over [from, to), from its stage events in the order
 * `(deal, at, insertion)`: each deal's visits are consecutive, so one pass counts a deal once per
 * stage without sets, and what comes after a visit (the next visit, the furthest stage reached
 * without losing) is read from the deal's own few visits.
 *
 * A visit counts when it began in the period and went to one of `stages` (the pipeline's live
 * stages, in board order); `advanced` means a later visit of the same deal reached a further stage
 * that is not a loss; days in stage are measured to the deal's next visit, wherever it went.
 */
export function computeFunnel(stages: readonly Stage[], events: readonly StageEventTuple[], from: number, to: number): Funnel {
  const indexOf = new Map(stages.map((stage, index) => [stage.id, index]));
  const entered = new Array<number>(stages.length).fill(0);
  const advanced = new Array<number>(stages.length).fill(0);
  const durationMs = new Array<number>(stages.length).fill(0);
  const durations = new Array<number>(stages.length).fill(0);
  // The ordinal of the last deal counted in each stage: a deal enters or advances a stage once.
  const enteredBy = new Array<number>(stages.length).fill(-1);
  const advancedBy = new Array<number>(stages.length).fill(-1);
  let won = 0;
  let lost = 0;
  let dealOrdinal = -1;
  const visitIndex: number[] = [];
  for (let first = 0; first < events.length; ) {
    const dealId = events[first]![0];
    let end = first + 1;
    while (end < events.length && events[end]![0] === dealId) end += 1;
    dealOrdinal += 1;
    visitIndex.length = 0;
    for (let at = first; at < end; at += 1) visitIndex.push(indexOf.get(events[at]![1]) ?? -1);
    // Walking back: the furthest live, not-lost stage any later visit of this deal reached.
    let furthestLater = -1;
    for (let position = end - 1; position >= first; position -= 1) {
      const index = visitIndex[position - first]!;
      const event = events[position]!;
      if (index >= 0 && event[2] >= from && event[2] < to) {
        const stage = stages[index]!;
        if (enteredBy[index] !== dealOrdinal) {
          enteredBy[index] = dealOrdinal;
          entered[index] = entered[index]! + 1;
        }
        if (stage.outcome === 'won') won += 1;
        if (stage.outcome === 'lost') lost += 1;
        if (position + 1 < end) {
          durationMs[index] = durationMs[index]! + events[position + 1]![2] - event[2];
          durations[index] = durations[index]! + 1;
        }
        if (furthestLater > index && advancedBy[index] !== dealOrdinal) {
          advancedBy[index] = dealOrdinal;
          advanced[index] = advanced[index]! + 1;
        }
      }
      if (index >= 0 && stages[index]!.outcome !== 'lost' && index > furthestLater) furthestLater = index;
    }
    first = end;
  }
  return {
    stages: stages.map((stage, index) => {
      const final = stage.outcome !== 'open';
      const conversion = entered[index] === 0 || final ? null : advanced[index]! / entered[index]!;
      return {
        stageId: stage.id,
        name: stage.name,
        outcome: stage.outcome,
        entered: entered[index]!,
        advanced: advanced[index]!,
        conversion,
        dropOff: conversion === null ? null : 1 - conversion,
        averageDays: durations[index] === 0 ? null : durationMs[index]! / durations[index]! / dayMs,
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
