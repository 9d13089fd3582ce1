import type { SearchKind } from '../../src-shared/domain/search';
import { buildSearchMatch } from '../contacts/queries';
import type { Sqlite } from '../db/open';

// The candidates of the search page: for each kind of record, at most `cap` rows that match what
// was typed, each read into one shape. Full-text indexes answer contacts, notes, calls (their
// transcripts and what was noted), e-mails, companies, deals, quotes and jobs, newest first (rowid
// order: as typing goes on, the index is walked only as far as `cap` matches, never ranked whole).

export interface Candidate {
  kind: SearchKind;
  id: string;
  title: string;
  detail: string;
  at: number;
  contact_id: string | null;
  owner: string;
  status: string;
  open_id: string;
  /** Order within its kind as the index ranked it (0 = best). */
  position: number;
}

type Row = Omit<Candidate, 'kind' | 'position'>;

/** Every typed word as a quoted prefix term: a record matches when each word starts one of its words. */
export function everyWordPrefix(words: string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}

export function createEverythingQueries(sqlite: Sqlite) {
  const contactsByWords = sqlite.prepare<[string, number], Row>(
    `SELECT c.id, c.name AS title, c.company AS detail, c.updated_at AS at, c.id AS contact_id,
            c.owner, c.status, c.id AS open_id
     FROM (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN contacts c ON c.search_rowid = f.rowid WHERE c.cl % 2 = 1`,
  );
  const contactsByDigits = sqlite.prepare<[string, number], Row>(
    `SELECT c.id, c.name AS title, c.company AS detail, c.updated_at AS at, c.id AS contact_id,
            c.owner, c.status, c.id AS open_id
     FROM (SELECT rowid FROM contact_digits_fts WHERE contact_digits_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN contacts c ON c.search_rowid = f.rowid WHERE c.cl % 2 = 1`,
  );
  const notes = sqlite.prepare<[string, number], Row>(
    `SELECT n.id, COALESCE(c.name, '') AS title, CASE n.kind WHEN 'internal' THEN '' ELSE n.kind || ' note' END AS detail, n.created_at AS at, n.contact_id,
            n.author AS owner, '' AS status, n.contact_id AS open_id
     FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN notes n ON n.search_rowid = f.rowid LEFT JOIN contacts c ON c.id = n.contact_id AND c.cl % 2 = 1
     WHERE n.cl % 2 = 1`,
  );
  const callColumns = `k.id, COALESCE(c.name, k.number) AS title, k.direction AS detail,
            k.started_at AS at, k.contact_id,
            k.logged_by AS owner, k.disposition AS status, k.id AS open_id`;
  const callsByTranscript = sqlite.prepare<[string, number], Row>(
    `SELECT ${callColumns}
     FROM (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN call_analysis a ON a.search_rowid = f.rowid JOIN calls k ON k.id = a.call_id
     LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 WHERE k.cl % 2 = 1`,
  );
  const callsByNotes = sqlite.prepare<[string, number], Row>(
    `SELECT ${callColumns}
     FROM (SELECT rowid FROM call_notes_fts WHERE call_notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN calls k ON k.notes_rowid = f.rowid
     LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 WHERE k.cl % 2 = 1`,
  );
  // Any run of digits in the other party's number, through the trigram index of the numbers
  // (src-main/search/call-number-index.ts), newest key first like the other kinds.
  const callsByDigits = sqlite.prepare<[string, number], Row>(
    `SELECT ${callColumns}
     FROM (SELECT rowid FROM call_digits_fts WHERE call_digits_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN calls k ON k.number_rowid = f.rowid
     LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 WHERE k.cl % 2 = 1`,
  );
  const emails = sqlite.prepare<[string, number], Row & { thread_id: string }>(
    `SELECT m.id, m.subject AS title, CASE WHEN m.from_name <> '' THEN m.from_name ELSE m.from_address END AS detail,
            m.sent_at AS at, NULL AS contact_id, m.mailbox AS owner, m.direction AS status,
            CASE WHEN m.thread_id <> '' THEN m.thread_id ELSE m.id END AS open_id, m.thread_id
     FROM (SELECT rowid FROM mail_fts WHERE mail_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
     JOIN mail_messages m ON m.search_rowid = f.rowid WHERE m.cl % 2 = 1`,
  );
  const emailContact = sqlite.prepare<[string], { contact_id: string }>(
    `SELECT e.contact_id FROM mail_message_addresses a JOIN contact_emails e ON e.address = a.address
     JOIN contacts c ON c.id = e.contact_id AND c.cl % 2 = 1
     WHERE a.message_id = ? ORDER BY a.role = 'from' DESC, c.name COLLATE NOCASE LIMIT 1`,
  );

  // Companies, deals, quotes and jobs: their own indexes (src-main/search/work-index.ts), walked
  // from the most recently written record, keyed in search_work_keys.
  // CROSS JOIN keeps the index's few matches as the outer loop (SQLite would otherwise walk every key of the kind).
  const workMatch = (index: string, kind: string) =>
    `(SELECT k.id, f.rowid AS key FROM (SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid DESC LIMIT ?) f
      CROSS JOIN search_work_keys k ON k.key = f.rowid AND k.kind = '${kind}')`;
  const companies = sqlite.prepare<[string, number], Row>(
    `SELECT co.id, co.name AS title, co.address AS detail, co.updated_at AS at, NULL AS contact_id,
            '' AS owner, '' AS status, co.id AS open_id
     FROM ${workMatch('companies_fts', 'company')} m CROSS JOIN companies co ON co.id = m.id
     WHERE co.cl % 2 = 1 ORDER BY m.key DESC`,
  );
  const deals = sqlite.prepare<[string, number], Row>(
    `SELECT d.id, d.title, COALESCE(c.name, '') AS detail, d.updated_at AS at, NULLIF(d.contact_id, '') AS contact_id,
            d.owner, COALESCE(s.name, '') AS status, d.id AS open_id
     FROM ${workMatch('deals_fts', 'deal')} m CROSS JOIN deals d ON d.id = m.id
     LEFT JOIN contacts c ON c.id = d.contact_id AND c.cl % 2 = 1 LEFT JOIN stages s ON s.id = d.stage_id
     WHERE d.cl % 2 = 1 ORDER BY m.key DESC`,
  );
  const quotes = sqlite.prepare<[string, number], Row>(
    `SELECT q.id, 'Quote ' || q.number AS title, d.title || CASE WHEN c.name IS NULL THEN '' ELSE ' · ' || c.name END AS detail,
            q.updated_at AS at, NULLIF(q.contact_id, '') AS contact_id, d.owner, q.status, q.deal_id AS open_id
     FROM ${workMatch('quotes_fts', 'quote')} m CROSS JOIN quotes q ON q.id = m.id
     JOIN deals d ON d.id = q.deal_id AND d.cl % 2 = 1 LEFT JOIN contacts c ON c.id = q.contact_id AND c.cl % 2 = 1
     WHERE q.cl % 2 = 1 ORDER BY m.key DESC`,
  );
  const jobs = sqlite.prepare<[string, number], Row>(
    `SELECT j.id, j.title, COALESCE(c.name, '') || CASE WHEN j.address = '' THEN '' ELSE ' · ' || j.address END AS detail,
            COALESCE(j.scheduled_at, j.updated_at) AS at, NULLIF(j.contact_id, '') AS contact_id,
            j.assignee AS owner, j.status, j.id AS open_id
     FROM ${workMatch('jobs_fts', 'job')} m CROSS JOIN jobs j ON j.id = m.id
     LEFT JOIN contacts c ON c.id = j.contact_id AND c.cl % 2 = 1 WHERE j.cl % 2 = 1 ORDER BY m.key DESC`,
  );
  // The longer text a snippet is cut from, read only for the hits on the page: candidates are
  // read without it, since a note's body or a transcript can be most of its row.
  const bodySql: Partial<Record<SearchKind, string>> = {
    note: 'SELECT id, body FROM notes',
    call: "SELECT id, CASE WHEN transcript <> '' THEN transcript ELSE notes END AS body FROM calls",
    email: 'SELECT id, body_text AS body FROM mail_messages',
    company: 'SELECT id, notes AS body FROM companies',
    quote: 'SELECT id, notes AS body FROM quotes',
    job: 'SELECT id, description AS body FROM jobs',
  };
  const bodyStatements = new Map(
    Object.entries(bodySql).map(([kind, sql]) => [kind as SearchKind, sqlite.prepare<[string], { id: string; body: string }>(`${sql} WHERE id IN (SELECT value FROM json_each(?))`)]),
  );

  // Driven by the ids (up to ~1,500 a keystroke), each looked up in the covering index of present
  // tags (contact_tags_present_contact, the planner's choice): without the CROSS JOIN SQLite first
  // builds the ids into a list to probe (1.3-1.9x the CPU). Not named with INDEXED BY: a snapshot
  // load sets that index aside (sync/snapshot-indexes.ts), and the search page must still answer.
  const presentTags = sqlite.prepare<[string], { contact_id: string; tag: string }>(
    `SELECT t.contact_id, t.tag FROM json_each(?) j CROSS JOIN contact_tags t
     ON t.contact_id = j.value WHERE t.present = 1`,
  );

  const work = (statement: typeof companies) => (words: string[], cap: number) => (words.length > 0 ? statement.all(everyWordPrefix(words), cap) : []);

  return {
    contacts(typed: string, cap: number): Row[] {
      const match = buildSearchMatch(typed);
      if (!match) return [];
      const found = new Map<string, Row>();
      if (match.words) for (const row of contactsByWords.all(match.words, cap)) found.set(row.id, row);
      if (match.digits) for (const row of contactsByDigits.all(match.digits, cap)) found.set(row.id, row);
      return [...found.values()];
    },
    notes: (ftsWords: string, cap: number) => (ftsWords ? notes.all(ftsWords, cap) : []),
    calls(ftsWords: string, digits: string, cap: number): Row[] {
      const found = new Map<string, Row>();
      const add = (rows: Row[]) => {
        for (const row of rows) if (!found.has(row.id)) found.set(row.id, row);
      };
      if (ftsWords) {
        add(callsByTranscript.all(ftsWords, cap));
        add(callsByNotes.all(ftsWords, cap));
      }
      // Numbers are kept in E.164: a national "0117…" is found as "117…" after the country code.
      const significant = digits.replace(/^0+/, '');
      if (significant.length >= 3) add(callsByDigits.all(`"${significant}"`, cap));
      return [...found.values()].sort((a, b) => b.at - a.at).slice(0, cap);
    },
    emails(ftsWords: string, cap: number): Row[] {
      if (!ftsWords) return [];
      // An e-mail opens in its contact's mail tab: one that concerns no contact has nowhere to open.
      return emails
        .all(ftsWords, cap)
        .map(({ thread_id: _thread, ...row }) => ({ ...row, contact_id: emailContact.get(row.id)?.contact_id ?? null }))
        .filter((row) => row.contact_id !== null);
    },
    companies: work(companies),
    deals: work(deals),
    quotes: work(quotes),
    jobs: work(jobs),
    /** The snippet text of these records of one kind, by id (none for contacts and deals). */
    bodies(kind: SearchKind, ids: string[]): Map<string, string> {
      const statement = bodyStatements.get(kind);
      if (!statement || ids.length === 0) return new Map();
      return new Map(statement.all(JSON.stringify(ids)).map((row) => [row.id, row.body]));
    },
    /** The present tags of these contacts. */
    tagsOf(contactIds: string[]): { contact_id: string; tag: string }[] {
      if (contactIds.length === 0) return [];
      return presentTags.all(JSON.stringify(contactIds));
    },
  };
}
