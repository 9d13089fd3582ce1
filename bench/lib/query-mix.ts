import type Database from 'better-sqlite3-multiple-ciphers';
import { Random, WeightedPicker } from '../generator/random';

// What people type into the search box, keystroke by keystroke, derived from contacts that are
// in the data set: 1-4 letters of a first or last name (sometimes followed by the start of the
// other name), the start of a company word, a piece of an e-mail address, 3-6 digits of a phone
// number as it is written nationally or internationally, a tag or its start.

export type QueryKind = 'name' | 'company' | 'email' | 'phone' | 'tag';
export interface TypedQuery {
  kind: QueryKind;
  text: string;
}

interface SourceRow {
  name: string;
  company: string;
  emails: string;
  phones: string;
}

const kinds = new WeightedPicker<QueryKind>([
  ['name', 40],
  ['company', 20],
  ['email', 15],
  ['phone', 15],
  ['tag', 10],
]);
const companyWordsToSkip = new Set(['ltd', 'llc', 'inc', 'inc.', 'co.', '&', 'group', 'services', 'limited', 'llp', 'corp', 'sons']);

/** About `count` typed queries; each sampled word contributes its successive keystrokes. */
export function buildQueryMix(db: Database.Database, count: number, seed: number): TypedQuery[] {
  const random = new Random(`${seed}:search-mix`);
  const rows = db.prepare('SELECT name, company, emails, phones FROM contacts WHERE cl % 2 = 1 ORDER BY created_at, name').all() as SourceRow[];
  const tags = (db.prepare('SELECT DISTINCT tag FROM contact_tags WHERE present = 1 ORDER BY tag').all() as { tag: string }[]).map((row) => row.tag);
  if (rows.length === 0) throw new Error('The data set has no contacts to search for');
  const queries: TypedQuery[] = [];
  while (queries.length < count) {
    const row = random.pick(rows);
    const kind = kinds.pick(random);
    const typed = typedFor(kind, row, tags, random);
    for (const text of typed) queries.push({ kind, text });
  }
  return queries.slice(0, count);
}

function typedFor(kind: QueryKind, row: SourceRow, tags: string[], random: Random): string[] {
  switch (kind) {
    case 'name': {
      const parts = row.name.split(/\s+/).filter((part) => /\p{L}/u.test(part));
      if (parts.length === 0) return [];
      const word = random.pick(parts).toLowerCase();
      const keystrokes = prefixes(word, 1, 4);
      // Sometimes the first name in full and the start of the last: "james s", "james sm".
      if (parts.length > 1 && random.chance(0.25)) {
        const first = parts[0]!.toLowerCase();
        const last = parts[parts.length - 1]!.toLowerCase();
        keystrokes.push(...prefixes(last, 1, 2).map((start) => `${first} ${start}`));
      }
      return keystrokes;
    }
    case 'company': {
      const words = row.company.split(/\s+/).filter((word) => word.length > 1 && !companyWordsToSkip.has(word.toLowerCase()));
      if (words.length === 0) return [];
      const word = random.pick(words).toLowerCase();
      return prefixes(word, 2, Math.min(6, word.length));
    }
    case 'email': {
      const emails = JSON.parse(row.emails) as { address: string }[];
      if (emails.length === 0) return [];
      const address = random.pick(emails).address.toLowerCase();
      const [local = '', domain = ''] = address.split('@');
      if (random.chance(0.7) || !domain) return prefixes(local, 3, Math.min(6, local.length));
      return [domain.split('.')[0]!];
    }
    case 'phone': {
      const phones = JSON.parse(row.phones) as { e164: string }[];
      if (phones.length === 0) return [];
      const e164 = random.pick(phones).e164;
      // As written nationally (0…) for UK numbers, or the digits after +1 for US ones.
      const digits = e164.startsWith('+44') ? `0${e164.slice(3)}` : e164.slice(2);
      const length = random.int(3, 6);
      // The start of the number or, as often, its last digits.
      return [random.chance(0.5) ? digits.slice(0, length) : digits.slice(-length)];
    }
    case 'tag': {
      if (tags.length === 0) return [];
      const tag = random.pick(tags);
      return random.chance(0.5) ? [tag] : prefixes(tag.toLowerCase(), 2, Math.min(4, tag.length));
    }
  }
}

function prefixes(word: string, from: number, to: number): string[] {
  const result: string[] = [];
  for (let length = from; length <= Math.min(to, word.length); length += 1) result.push(word.slice(0, length));
  return result;
}
