import { createEverythingQueries } from '../../src-main/search/everything-queries';
import { createWorkSearchIndexer, type WorkKind } from '../../src-main/search/work-index';
import { buildSearchMatch } from '../../src-main/contacts/queries';
import { searchWords } from '../../src-shared/search-text';
import { Random } from '../generator/random';
import { call, type BenchContext } from '../lib/context';
import { p95Figure, type Figure } from '../lib/figures';
import { buildQueryMix } from '../lib/query-mix';
import { measurePairs } from '../lib/stats';

// The search page over every kind of record at the data set's scale (100k contacts, half a
// million notes, a third of a million calls), with deals, quotes and jobs added for the run:
// `search.everything` through the core (candidates of eight kinds, ranking, facet counts, tags,
// snippets, the IPC boundary) beside the same candidate SQL run raw on a plain connection. What
// is typed: the search box's keystroke mix (names, companies, e-mails, phone digits, tags) and
// words from notes.

const idPrefix = 'bench-everything-';
const trades = ['Boiler service', 'Kitchen refit', 'Roof repair', 'Bathroom tiling', 'Damp survey', 'Rewire', 'Loft conversion', 'Gutter clearing', 'Radiator swap', 'Fence panels'];
const statuses = ['new', 'scheduled', 'in_progress', 'done', 'invoiced', 'paid'];

/**
 * Deals, quotes and jobs for random contacts, written raw (a read benchmark) and put into their
 * search indexes as the write path would; removed again (rows and index entries) by the returned function.
 */
function addWork(context: BenchContext, counts: { deals: number; quotes: number; jobs: number }): () => void {
  const db = context.bareDb;
  const random = new Random(`${context.seed}:everything-work`);
  const contacts = db.prepare(`SELECT id, name, address_street AS street FROM contacts WHERE cl % 2 = 1 ORDER BY rowid`).all() as { id: string; name: string; street: string }[];
  const end = context.now();
  const at = () => end - Math.floor(random.next() * 700 * 86_400_000);
  const insertDeal = db.prepare(
    `INSERT INTO deals (id, contact_id, pipeline_id, stage_id, title, value_minor, currency, owner, created_at, updated_at, cl) VALUES (?, ?, '', '', ?, ?, 'GBP', ?, ?, ?, 1)`,
  );
  const insertQuote = db.prepare(
    `INSERT INTO quotes (id, deal_id, contact_id, number, status, notes, created_at, updated_at, cl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertJob = db.prepare(
    `INSERT INTO jobs (id, contact_id, title, description, status, assignee, address, created_at, updated_at, cl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const added: Record<Exclude<WorkKind, 'company'>, string[]> = { deal: [], quote: [], job: [] };
  const indexer = createWorkSearchIndexer(db);
  const reindexAdded = () => {
    for (const [kind, ids] of Object.entries(added) as [WorkKind, string[]][]) indexer.reindexRecords(kind, ids);
  };
  db.transaction(() => {
    for (let index = 0; index < counts.deals; index += 1) {
      const contact = random.pick(contacts);
      const when = at();
      added.deal.push(`${idPrefix}deal-${index}`);
      insertDeal.run(`${idPrefix}deal-${index}`, contact.id, `${random.pick(trades)} at ${contact.street || contact.name}`, random.int(10_000, 2_000_000), random.pick(['Sam Carter', 'Alex Reid', '']), when, when);
      if (index < counts.quotes) {
        added.quote.push(`${idPrefix}quote-${index}`);
        insertQuote.run(`${idPrefix}quote-${index}`, `${idPrefix}deal-${index}`, contact.id, `Q-2026-BNCH-${String(index).padStart(5, '0')}`, random.pick(['draft', 'sent', 'accepted']), '', when, when);
      }
    }
    for (let index = 0; index < counts.jobs; index += 1) {
      const contact = random.pick(contacts);
      const when = at();
      const trade = random.pick(trades);
      added.job.push(`${idPrefix}job-${index}`);
      insertJob.run(`${idPrefix}job-${index}`, contact.id, trade, `${trade} for ${contact.name}`, random.pick(statuses), random.pick(['Sam Carter', 'Alex Reid']), contact.street, when, when);
    }
    reindexAdded();
  })();
  return () =>
    db.transaction(() => {
      for (const table of ['quotes', 'deals', 'jobs']) db.prepare(`DELETE FROM ${table} WHERE id LIKE ?`).run(`${idPrefix}%`);
      reindexAdded();
    })();
}

/** Words people remember from notes: one word of every so many notes, deterministic for the seed. */
function noteWords(context: BenchContext, count: number): string[] {
  const random = new Random(`${context.seed}:everything-notes`);
  const bodies = context.bareDb.prepare(`SELECT body FROM notes WHERE cl % 2 = 1 AND rowid % 997 = 0 LIMIT 2000`).all() as { body: string }[];
  const words = bodies.flatMap(({ body }) => searchWords(body).filter((word) => word.length >= 4));
  return Array.from({ length: Math.min(count, words.length) }, () => random.pick(words));
}

export async function everythingSuite(context: BenchContext): Promise<Figure[]> {
  const scale = context.quick ? 0.1 : 1;
  const removeWork = addWork(context, { deals: 20_000 * scale, quotes: 10_000 * scale, jobs: 40_000 * scale });
  try {
    const typed = [
      ...buildQueryMix(context.bareDb, context.quick ? 120 : 200, context.seed).map((query) => query.text),
      ...noteWords(context, context.quick ? 40 : 80),
      ...trades.slice(0, 5).map((trade) => trade.split(' ')[0]!.toLowerCase()),
    ];
    const raw = createEverythingQueries(context.bareDb);
    const cap = 200;
    const { subject, baseline } = await measurePairs<string>({
      cases: typed,
      warmupRounds: 1,
      rounds: 2,
      subject: (query) => call(context.core, 'search.everything', { query }),
      baseline: (query) => {
        const words = searchWords(query);
        const fts = query.trim().length >= 2 ? (buildSearchMatch(query)?.words ?? '') : '';
        const digits = /^[\d\s()+.-]+$/.test(query) ? query.replace(/\D/g, '') : '';
        const like = digits ? [] : words;
        return [
          raw.contacts(query, cap),
          raw.companies(like, cap),
          raw.deals(like, cap),
          raw.quotes(like, cap),
          raw.jobs(like, cap),
          raw.calls(fts, digits, cap),
          raw.notes(fts, cap),
          raw.emails(fts, cap),
        ];
      },
    });
    const counts = context.bareDb
      .prepare(`SELECT (SELECT COUNT(*) FROM contacts WHERE cl % 2 = 1) AS contacts, (SELECT COUNT(*) FROM notes WHERE cl % 2 = 1) AS notes, (SELECT COUNT(*) FROM calls WHERE cl % 2 = 1) AS calls, (SELECT COUNT(*) FROM deals WHERE cl % 2 = 1) AS deals, (SELECT COUNT(*) FROM jobs WHERE cl % 2 = 1) AS jobs`)
      .get();
    return [
      p95Figure({
        id: 'search.everything',
        title: 'Search page over every kind of record (core: search.everything, ranked, with facets)',
        samples: subject,
        baseline: { title: 'the same candidate SQL of the eight kinds, raw on a plain connection (no ranking, facets, tags, snippets or IPC)', samples: baseline },
        target: 'p95 under 50 ms in the core (one keystroke on the search page)',
        limitMs: 50,
        details: { typedQueries: typed.length, rows: counts },
      }),
    ];
  } finally {
    removeWork();
  }
}
