import type { Core } from '../../../src-main/core/create-core';
import { writeDataSet, type DataSetSummary } from '../dataset';
import type { SimulatedClock } from '../plan';
import { Random } from '../random';
import { planCompanies } from './companies';
import { planDeals } from './deals';
import { planFiles } from './files';
import { planJobs } from './jobs';
import { writeOffice } from './office';
import { ContactDealer, liveContacts } from './people';
import { planRecentWork } from './recent-work';
import { dayMs, runInOrder } from './schedule';

// The demo data folder of `npm start -- --demo`: a firm in full swing on whatever day it is made.
// A year of contacts, notes and calls from the bench generator ends `recentDays` before now; the
// demo's own weeks follow up to now: two pipelines with deals in every stage, quotes in every
// status, calls with outcomes, follow-ups done as they fall due (a handful overdue), files and a
// long site-visit note. Everything is dated relative to `endAt`, so it always looks current.

export interface DemoDataOptions {
  contacts: number;
  seed: number;
  /** When the demo's history ends (epoch ms): a minute before the app opens it. */
  endAt: number;
}

export interface DemoSummary extends DataSetSummary {
  demo: { pipelines: number; deals: number; quotes: number; calls: number; notes: number; followUps: number; followUpsCompleted: number; files: number; jobs: number; companies: number };
}

const recentDays = 60;

export async function writeDemo(core: Core, clock: SimulatedClock, options: DemoDataOptions): Promise<DemoSummary> {
  const recentFrom = options.endAt - recentDays * dayMs;
  const base = writeDataSet(core, clock, { contacts: options.contacts, seed: options.seed, endAt: recentFrom, spanDays: 365, sliceContacts: 50 });
  writeOffice(core);
  const random = new Random(`demo-${options.seed}`);
  const dealer = new ContactDealer(liveContacts(core), random.fork('contacts'));
  const deals = planDeals(core, random.fork('deals'), dealer, options.endAt);
  const work = planRecentWork(core, random.fork('work'), dealer, recentFrom, options.endAt);
  const files = planFiles(core, random.fork('files'), dealer, options.endAt);
  const jobs = planJobs(core, dealer, options.endAt);
  const companies = planCompanies(core, options.endAt);
  await runInOrder([...deals.events, ...work.events, ...files.events, ...jobs.events, ...companies.events], clock);
  return { ...base, endAt: options.endAt, demo: { ...deals.counts, ...work.counts, files: files.count, jobs: jobs.count, companies: companies.count } };
}
