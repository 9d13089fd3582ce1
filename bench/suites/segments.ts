import type { SegmentDefinition } from '../../src-shared/domain/segment';
import { call, rounds, type BenchContext } from '../lib/context';
import { p95Figure, type Figure } from '../lib/figures';
import { measurePairs } from '../lib/stats';

// A segment of five criteria over the whole data set — "London landlords or VIPs with an owner,
// not spoken to in 30 days, added in the last ten years" — counted live (as the builder asks
// while someone edits) and opened as the contacts list's first page (page and total), through the
// core, beside the same question written by hand as bare SQL on the same file.

const dayMs = 24 * 60 * 60 * 1000;

function fiveCriteria(city: string): SegmentDefinition {
  return {
    type: 'group',
    join: 'and',
    children: [
      { type: 'criterion', field: 'city', op: 'equals', value: city },
      { type: 'criterion', field: 'tags', op: 'in', value: ['landlord', 'vip'] },
      { type: 'criterion', field: 'owner', op: 'not_equals', value: 'Nobody' },
      { type: 'criterion', field: 'lastContactDays', op: 'gte', value: 30 },
      { type: 'criterion', field: 'createdAt', op: 'in_last_days', value: 3650 },
    ],
  };
}

/** The same five conditions as a person would write them in SQL, quiet days as "no answered call, note or e-mail since the cutoff". */
const bareWhere = `c.cl % 2 = 1
  AND c.address_city = ? COLLATE NOCASE
  AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.present = 1 AND t.tag COLLATE NOCASE IN ('landlord', 'vip'))
  AND c.owner != 'Nobody' COLLATE NOCASE
  AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.contact_id = c.id AND k.cl % 2 = 1 AND k.started_at > ?
                  AND k.status NOT IN ('busy', 'failed', 'no-answer', 'canceled'))
  AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.contact_id = c.id AND n.cl % 2 = 1 AND n.created_at > ?)
  AND NOT EXISTS (SELECT 1 FROM contact_emails ce JOIN mail_message_addresses a ON a.address = ce.address
                  JOIN mail_messages m ON m.id = a.message_id AND m.cl % 2 = 1 WHERE ce.contact_id = c.id AND m.sent_at > ?)
  AND c.created_at >= ?`;

export async function segmentsSuite(context: BenchContext): Promise<Figure[]> {
  const { core, bareDb } = context;
  const cities = ['London', 'Manchester', 'Leeds'];
  const bareParams = (city: string) => {
    const now = context.now();
    const quietSince = now - 30 * dayMs;
    return [city, quietSince, quietSince, quietSince, now - 3650 * dayMs];
  };
  const bareCount = bareDb.prepare(`SELECT COUNT(*) AS n FROM contacts c WHERE ${bareWhere}`);
  const barePage = bareDb.prepare(
    `SELECT c.id, c.name, c.company, c.phones, c.emails, c.contact_type, c.status, c.owner, c.next_follow_up_at,
            c.potential_value_minor, c.potential_value_currency, c.do_not_contact, c.updated_at, c.photo_sha256,
            (SELECT group_concat(t.tag, char(31)) FROM contact_tags t WHERE t.contact_id = c.id AND t.present = 1) AS tags
     FROM contacts c WHERE ${bareWhere} ORDER BY c.name COLLATE NOCASE, c.id LIMIT 50`,
  );

  const saved = new Map<string, string>();
  for (const city of cities) {
    const segment = (await call(core, 'segments.save', { name: `Bench ${city}`, definition: fiveCriteria(city) })) as { id: string };
    saved.set(city, segment.id);
  }
  const mismatches: string[] = [];
  const countPairs = await measurePairs<string>({
    cases: cities,
    warmupRounds: 1,
    rounds: rounds(context, 8, 4),
    subject: (city) => call(core, 'segments.count', { definition: fiveCriteria(city) }),
    baseline: (city) => bareCount.get(...bareParams(city)),
    check: (city, subject, baseline) => {
      if ((subject as { count: number }).count !== (baseline as { n: number }).n) mismatches.push(`count for ${city}`);
    },
  });
  const pagePairs = await measurePairs<string>({
    cases: cities,
    warmupRounds: 1,
    rounds: rounds(context, 8, 4),
    subject: (city) => call(core, 'contacts.list', { filters: { owner: 'team', segmentId: saved.get(city) }, limit: 50 }),
    baseline: (city) => ({ rows: barePage.all(...bareParams(city)), total: (bareCount.get(...bareParams(city)) as { n: number }).n }),
    check: (city, subject, baseline) => {
      const page = subject as { total: number; items: { id: string }[] };
      const bare = baseline as { total: number; rows: { id: string }[] };
      if (page.total !== bare.total || page.items.map((item) => item.id).join() !== bare.rows.map((row) => row.id).join()) mismatches.push(`page for ${city}`);
    },
  });
  for (const id of saved.values()) await call(core, 'segments.delete', { id });
  const counts = Object.fromEntries(cities.map((city) => [city, (bareCount.get(...bareParams(city)) as { n: number }).n]));
  const note = mismatches.length > 0 ? `the core and the bare SQL disagreed on: ${mismatches.join(', ')}` : undefined;
  return [
    p95Figure({
      id: 'segments.count',
      title: 'Live count of a segment of five criteria (core: segments.count)',
      samples: countPairs.subject,
      baseline: { title: 'the same five conditions written by hand as one COUNT(*) query, raw on better-sqlite3', samples: countPairs.baseline },
      target: 'p95 under 250 ms at 100k contacts: the builder counts a quarter second after the last edit',
      limitMs: 250,
      ...(note ? { note } : {}),
      details: { members: counts },
    }),
    p95Figure({
      id: 'segments.page',
      title: 'The contacts list filtered by that segment: first page of 50 by name, with its total (core: contacts.list)',
      samples: pagePairs.subject,
      baseline: { title: 'the hand-written page query and its COUNT(*), raw on better-sqlite3', samples: pagePairs.baseline },
      target: 'p95 under 500 ms at 100k contacts',
      limitMs: 500,
      ...(note ? { note } : {}),
    }),
  ];
}
