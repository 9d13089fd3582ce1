import type { ListCase } from '../lib/bare-sql';
import { call, sameIds, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { buildQueryMix, type QueryKind, type TypedQuery } from '../lib/query-mix';
import { measurePairs, summarise, timeSync } from '../lib/stats';

// Search as you type through the core (`contacts.list` with the typed text, the list's default
// sort and page) beside the same FTS5 page query run raw.

export function searchCase(text: string): ListCase {
  return { query: text, filters: { owner: 'team' }, sort: { field: 'name', direction: 'asc' }, offset: 0, limit: 50 };
}

export async function searchSuite(context: BenchContext): Promise<Figure[]> {
  const { core, bare } = context;
  const queries = buildQueryMix(context.bareDb, context.quick ? 200 : 300, context.seed);
  const mismatches: string[] = [];
  const { subject, baseline } = await measurePairs<TypedQuery>({
    cases: queries,
    warmupRounds: 1,
    rounds: 2,
    subject: (query) => call(core, 'contacts.list', { query: query.text }),
    baseline: (query) => bare.page(searchCase(query.text)),
    check: (query, subjectResult, baselineResult) => {
      if (!sameIds(subjectResult, baselineResult)) mismatches.push(query.text);
    },
  });

  // Where the core's time goes beyond the page query: the total it counts when the page is full.
  const countSamples: number[] = [];
  let countedQueries = 0;
  for (const query of queries) {
    const testCase = searchCase(query.text);
    if (!bare.coreCounts(testCase, bare.page(testCase).length)) continue;
    countedQueries += 1;
    countSamples.push(timeSync(() => bare.count(testCase)).ms);
  }

  const byKind: Record<string, unknown> = {};
  for (const kind of ['name', 'company', 'email', 'phone', 'tag'] satisfies QueryKind[]) {
    const pick = (samples: number[]) => samples.filter((_, index) => queries[index % queries.length]!.kind === kind);
    const core = pick(subject);
    if (core.length === 0) continue;
    byKind[kind] = { queries: queries.filter((query) => query.kind === kind).length, core: summarise(core), bare: summarise(pick(baseline)) };
  }
  const slowest = slowestQueries(queries, subject, 5).map((entry) => ({
    ...entry,
    pagePlan: bare.planOfPage(searchCase(entry.text)),
    countPlan: bare.planOfCount(searchCase(entry.text)),
  }));

  const value = latency(summarise(subject));
  const base = latency(summarise(baseline));
  const ratio = latencyRatio(value, base, 'p95');
  const p95 = summarise(subject).p95;
  return [
    finish({
      id: 'search.core',
      title: 'Search as you type (core: contacts.list with the typed text)',
      status: 'measured',
      value,
      baseline: { title: 'the same FTS5 MATCH + ORDER BY + LIMIT query, raw on better-sqlite3', value: base },
      ratio,
      target: 'p95 under 10 ms in the core; at most 1.5x the same FTS5 query run raw',
      checks: [
        { text: 'p95 < 10 ms', pass: p95 < 10 },
        { text: 'p95 ≤ 1.5x raw', pass: ratio.value <= 1.5 },
      ],
      ...(mismatches.length > 0
        ? { note: `baseline returned other rows than the core for ${mismatches.length} queries (e.g. "${mismatches[0]}"): bare-sql.ts is out of step with the core's SQL` }
        : {}),
      details: {
        typedQueries: queries.length,
        queriesWhereCoreAlsoCounts: countedQueries,
        countQuery: countSamples.length > 0 ? summarise(countSamples) : null,
        byKind,
        slowest,
      },
    }),
  ];
}

/** The queries slowest through the core, by the median of their samples (robust to a stray GC). */
function slowestQueries(queries: TypedQuery[], samples: number[], count: number) {
  const byText = new Map<string, { text: string; kind: QueryKind; samples: number[] }>();
  samples.forEach((ms, index) => {
    const query = queries[index % queries.length]!;
    const entry = byText.get(query.text) ?? { text: query.text, kind: query.kind, samples: [] };
    entry.samples.push(ms);
    byText.set(query.text, entry);
  });
  return [...byText.values()]
    .map((entry) => ({ text: entry.text, kind: entry.kind, medianMs: summarise(entry.samples).p50 }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, count);
}
