import type { Core } from '../../../src-main/core/create-core';
import { DealDraftSchema, pipelineTemplates, type Pipeline, type Stage } from '../../../src-shared/domain/pipeline';
import { QuoteDraftSchema, type QuoteLine } from '../../../src-shared/domain/quote';
import type { Random } from '../random';
import { owners } from '../word-lists';
import type { ContactDealer } from './people';
import { dayAt, dayMs, hourMs, type DemoEvent } from './schedule';

// Two pipelines with deals standing in every stage, each deal walked through the stages before it
// over the last weeks, and quotes in every status on the way: a draft while the job is discussed,
// sent at "Quote sent", accepted when won, rejected when lost, and one left to expire.

const prospectTitles = [
  'Loft conversion', 'Kitchen extension', 'Roof replacement', 'Garage conversion', 'Bathroom refit',
  'Rewire, three-bed house', 'Solar panels and battery', 'New boiler and radiators', 'Garden room',
  'Replacement windows', 'Damp proofing', 'Driveway and drainage', 'Chimney rebuild', 'Flat roof, rear extension',
  'Dormer window', 'Porch and canopy', 'Guttering and fascias', 'Heat pump install',
] as const;

const urgentTitles = [
  'Burst pipe, kitchen', 'Leaking roof after the storm', 'No hot water', 'Blocked drain', 'Fuse box keeps tripping',
  'Broken shop-front window', 'Boiler fault F28', 'Fallen fence panels', 'Ceiling leak, flat 3', 'Slipped tiles over the porch',
  'Storm damage to the chimney', 'Lock change after a break-in', 'Water coming through the light fitting', 'Collapsed gutter',
] as const;

const lostReasons = ['Went with a cheaper quote', 'Project postponed to next year', 'No reply after three chases'] as const;

/** How many deals stand in a stage: more at the top of the funnel, a good run of wins. */
function dealsInStage(stage: Stage, index: number): number {
  if (stage.outcome === 'won') return 4;
  if (stage.outcome === 'lost') return 2;
  return index < 2 ? 3 : 2;
}

export interface DemoDealPlan {
  events: DemoEvent[];
  counts: { pipelines: number; deals: number; quotes: number };
}

export function planDeals(core: Core, random: Random, dealer: ContactDealer, endAt: number): DemoDealPlan {
  const counts = { pipelines: 0, deals: 0, quotes: 0 };
  const events: DemoEvent[] = [];
  const pipelines = [
    { template: 'prospects' as const, titles: prospectTitles, values: [120_000, 2_800_000] as const, stepDays: [3, 7] as const },
    { template: 'urgent_jobs' as const, titles: urgentTitles, values: [15_000, 240_000] as const, stepDays: [1, 2] as const },
  ];
  for (const plan of pipelines) {
    const pipeline = core.pipelines.createFromTemplate(plan.template, pipelineTemplates[plan.template].name);
    counts.pipelines += 1;
    let titleIndex = random.int(0, plan.titles.length - 1);
    let expiredOne = false;
    pipeline.stages.forEach((stage, stageIndex) => {
      for (let n = 0; n < dealsInStage(stage, stageIndex); n += 1) {
        const title = plan.titles[titleIndex++ % plan.titles.length]!;
        const contact = dealer.next((candidate) => candidate.type === 'customer' || candidate.type === 'lead');
        const step = random.int(plan.stepDays[0], plan.stepDays[1]) * dayMs;
        // The last move lands between a day and a week ago, so the board's ages look lived-in.
        const lastMoveAt = endAt - random.int(1, 7) * dayMs - random.int(1, 6) * hourMs;
        const startAt = dayAt(lastMoveAt - stageIndex * step, 9 + random.int(0, 7));
        const valueMinor = roundTo(random.int(plan.values[0], plan.values[1]), 500);
        const withQuote = plan.template === 'prospects' && stageIndex >= 2;
        const expires = withQuote && stage.name === 'Thinking about it' && !expiredOne;
        if (expires) expiredOne = true;
        events.push(
          ...dealLife({ core, random, pipeline, stageIndex, title, contactId: contact.id, valueMinor, startAt, step, withQuote, expires, endAt, counts }),
        );
        counts.deals += 1;
      }
    });
  }
  return { events, counts };
}

interface DealLife {
  core: Core;
  random: Random;
  pipeline: Pipeline;
  stageIndex: number;
  title: string;
  contactId: string;
  valueMinor: number;
  startAt: number;
  step: number;
  withQuote: boolean;
  expires: boolean;
  endAt: number;
  counts: DemoDealPlan['counts'];
}

/** A deal made at `startAt` and moved one stage per `step` to its stage (won and lost deals skip the other ending). */
function dealLife(life: DealLife): DemoEvent[] {
  const { core, pipeline, random } = life;
  const target = pipeline.stages[life.stageIndex]!;
  const path = pipeline.stages.slice(0, life.stageIndex + 1).filter((stage) => stage.outcome === 'open' || stage.id === target.id);
  // A lost deal was lost after its quote, not after every open stage.
  const route = target.outcome === 'lost' ? [...path.slice(0, 4), target] : path;
  let dealId = '';
  let quoteId = '';
  const events: DemoEvent[] = [
    {
      at: life.startAt,
      run: () => {
        dealId = core.pipelines.createDeal(
          DealDraftSchema.parse({
            contactId: life.contactId,
            pipelineId: pipeline.id,
            title: life.title,
            valueMinor: life.valueMinor,
            expectedCloseAt: dayAt(life.startAt + (pipeline.stages.length - 1) * life.step + random.int(3, 20) * dayMs, 12),
            source: random.pick(['Website form', 'Phone', 'Recommendation', 'Checkatrade', 'Repeat customer']),
            // Most deals are the user's; teammates carry the rest.
            ...(random.chance(0.6) ? {} : { owner: random.pick(owners.slice(1, 4)) }),
          }),
        ).id;
      },
    },
  ];
  route.slice(1).forEach((stage, index) => {
    const at = life.startAt + (index + 1) * life.step + random.int(0, 5) * hourMs;
    events.push({
      at,
      run: () => {
        const reason = stage.outcome === 'won' ? 'Best price and could start soonest' : stage.outcome === 'lost' ? random.pick(lostReasons) : undefined;
        core.pipelines.moveDeal(dealId, stage.id, reason);
      },
    });
    if (!life.withQuote) return;
    if (stage.name === 'In discussion') {
      events.push({
        at: at + 2 * hourMs,
        run: () => {
          quoteId = core.quotes.create(QuoteDraftSchema.parse({ dealId, lines: quoteLines(life.title, life.valueMinor), notes: 'Scaffolding included. Skip hire by us.' })).id;
          life.counts.quotes += 1;
        },
      });
    }
    if (stage.name === 'Quote sent') {
      events.push({
        at: at + hourMs,
        run: async () => {
          // One quote was given a short life and lapsed; the rest are valid for the office's 30 days.
          if (life.expires) core.quotes.update(quoteId, { validUntil: at + 3 * dayMs });
          await core.quotes.send(quoteId);
        },
      });
    }
    if (stage.outcome === 'won' || stage.outcome === 'lost') {
      events.push({ at: at + hourMs, run: () => void core.quotes.update(quoteId, { status: stage.outcome === 'won' ? 'accepted' : 'rejected' }) });
    }
  });
  return events;
}

/** Materials and labour adding up to about the deal's value before tax, less a deposit line on the bigger jobs. */
function quoteLines(title: string, valueMinor: number): QuoteLine[] {
  const labourHours = Math.max(4, Math.round((valueMinor * 0.45) / 4_500));
  const materials = roundTo(valueMinor - labourHours * 4_500, 100);
  const lines: QuoteLine[] = [
    { description: `${title}: materials`, quantityMilli: 1000, unitPriceMinor: Math.max(5_000, materials), discountBp: 0, taxRateBp: 2000 },
    { description: 'Labour (hours)', quantityMilli: labourHours * 1000, unitPriceMinor: 4_500, discountBp: 0, taxRateBp: 2000 },
  ];
  if (valueMinor > 1_000_000) {
    lines.push({ description: 'Survey fee already paid', quantityMilli: 1000, unitPriceMinor: -15_000, discountBp: 0, taxRateBp: 2000 });
  }
  return lines;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
