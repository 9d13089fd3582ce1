import type { ListCase } from '../lib/bare-sql';
import { call, rounds, sameIds, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { measurePairs, summarise, timeSync } from '../lib/stats';

// A page of 50 contacts, filtered and sorted, as the contacts screen asks for it while someone
// scrolls and clicks filters, beside the same page query run raw.

export function listCases(context: BenchContext): { label: string; testCase: ListCase }[] {
  const scale = context.summary.contacts;
  const page = (label: string, part: Partial<ListCase>) => ({
    label,
    testCase: { query: '', filters: { owner: 'team' as const }, sort: { field: 'name' as const, direction: 'asc' as const }, offset: 0, limit: 50, ...part },
  });
  const deep = Math.floor(scale / 10);
  return [
    page('all, by name, first page', {}),
    page('all, by name, page 2', { offset: 50 }),
    page('all, by name, offset 1000', { offset: 1000 }),
    page(`all, by name, offset ${deep}`, { offset: deep }),
    page('all, newest first', { sort: { field: 'createdAt', direction: 'desc' } }),
    page('all, recently updated, page 3', { sort: { field: 'updatedAt', direction: 'desc' }, offset: 100 }),
    page('status active, recently updated', { filters: { owner: 'team', status: 'active' }, sort: { field: 'updatedAt', direction: 'desc' } }),
    page('leads, next follow-up first', { filters: { owner: 'team', contactType: 'lead' }, sort: { field: 'nextFollowUpAt', direction: 'asc' } }),
    page('tag vip, by name', { filters: { owner: 'team', tag: 'vip' } }),
    page('tag vip, by name, page 2', { filters: { owner: 'team', tag: 'vip' }, offset: 50 }),
    page('mine, by company', { filters: { owner: 'mine' }, sort: { field: 'company', direction: 'asc' } }),
    page('follow-up due by today', { filters: { owner: 'team', followUpDueBy: context.endOfToday }, sort: { field: 'nextFollowUpAt', direction: 'asc' } }),
    page('won customers, highest value', {
      filters: { owner: 'team', status: 'won', contactType: 'customer' },
      sort: { field: 'potentialValue', direction: 'desc' },
    }),
    page('tag landlord + active, by owner', { filters: { owner: 'team', tag: 'landlord', status: 'active' }, sort: { field: 'owner', direction: 'asc' } }),
    page('mine + leads, by status, page 2', { filters: { owner: 'mine', contactType: 'lead' }, sort: { field: 'status', direction: 'asc' }, offset: 50 }),
  ];
}

export async function listSuite(context: BenchContext): Promise<Figure[]> {
  const { core, bare } = context;
  const cases = listCases(context);
  const mismatches: string[] = [];
  const measuredRounds = rounds(context, 12, 10);
  const { subject, baseline } = await measurePairs({
    cases,
    warmupRounds: 1,
    rounds: measuredRounds,
    subject: ({ testCase }) => call(core, 'contacts.list', testCase),
    baseline: ({ testCase }) => bare.page(testCase),
    check: ({ label }, subjectResult, baselineResult) => {
      if (!sameIds(subjectResult, baselineResult)) mismatches.push(label);
    },
  });

  const perCase = cases.map(({ label, testCase }, index) => {
    const core = subject.filter((_, sample) => sample % cases.length === index);
    const raw = baseline.filter((_, sample) => sample % cases.length === index);
    const counts = bare.coreCounts(testCase, bare.page(testCase).length);
    const countMs = counts ? summarise(Array.from({ length: 5 }, () => timeSync(() => bare.count(testCase)).ms)).p50 : 0;
    return {
      label,
      coreP50: summarise(core).p50,
      coreP95: summarise(core).p95,
      bareP50: summarise(raw).p50,
      bareP95: summarise(raw).p95,
      countSqlP50: countMs,
      pagePlan: bare.planOfPage(testCase),
      ...(counts ? { countPlan: bare.planOfCount(testCase) } : {}),
    };
  });

  const value = latency(summarise(subject));
  const base = latency(summarise(baseline));
  const p95 = summarise(subject).p95;
  return [
    finish({
      id: 'list.core',
      title: `A page of 50 contacts, filtered and sorted (core: contacts.list, ${cases.length} combinations)`,
      status: 'measured',
      value,
      baseline: { title: 'the same page query (filters + ORDER BY + LIMIT/OFFSET), raw', value: base },
      ratio: latencyRatio(value, base, 'p95'),
      target: 'p95 under 5 ms',
      checks: [{ text: 'p95 < 5 ms', pass: p95 < 5 }],
      ...(mismatches.length > 0 ? { note: `baseline returned other rows than the core for: ${mismatches.join('; ')}` } : {}),
      details: { rounds: measuredRounds, perCase },
    }),
  ];
}
