import { call, rounds, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { measurePairs, summarise } from '../lib/stats';

// "Dashboard figures: under 20 ms." Two figures: the real dashboard (`dashboard.get`: follow-ups
// overdue and due today, contacts by status and type, open potential value, new contacts and
// calls this week, recent activity) and the contact list's facet counts (`contacts.facets`:
// totals by tag, owner, type, status), each beside the same SQL run raw.

const dayMs = 24 * 60 * 60 * 1000;

export async function dashboardSuite(context: BenchContext): Promise<Figure[]> {
  const { core, bare } = context;
  const measuredRounds = rounds(context, 20, 20);
  const input = { endOfToday: context.endOfToday, startOfWeek: context.startOfWeek };
  const firstDay = context.endOfToday + 1 - 7 * dayMs;

  const dashboard = await measurePairs({
    cases: ['dashboard'],
    warmupRounds: 2,
    rounds: measuredRounds,
    subject: () => call(core, 'dashboard.get', input),
    baseline: () => bare.dashboard(context.now(), context.endOfToday, context.startOfWeek, firstDay),
  });
  const facets = await measurePairs({
    cases: ['facets'],
    warmupRounds: 2,
    rounds: measuredRounds,
    subject: () => call(core, 'contacts.facets', {}),
    baseline: () => bare.facets(),
  });

  const figure = (id: string, title: string, baselineTitle: string, samples: { subject: number[]; baseline: number[] }, details: Record<string, unknown>) => {
    const value = latency(summarise(samples.subject));
    const base = latency(summarise(samples.baseline));
    const p95 = summarise(samples.subject).p95;
    return finish({
      id,
      title,
      status: 'measured',
      value,
      baseline: { title: baselineTitle, value: base },
      ratio: latencyRatio(value, base, 'p95'),
      target: 'dashboard figures under 20 ms (held to p95)',
      checks: [{ text: 'p95 < 20 ms', pass: p95 < 20 }],
      details,
    });
  };
  return [
    figure('dashboard.core', 'Dashboard (core: dashboard.get)', 'its 9 SQL statements, raw', dashboard, { plans: bare.dashboardPlans() }),
    figure('facets.core', 'Contact list facet counts (core: contacts.facets)', 'its 5 GROUP BY / COUNT statements, raw', facets, {
      plans: bare.facetPlans(),
    }),
  ];
}
