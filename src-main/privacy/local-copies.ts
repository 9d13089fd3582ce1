import fs from 'node:fs';
import path from 'node:path';
import type { Sqlite } from '../db/open';

// What a laptop holds of a forgotten person outside its database, taken out once the erasure is
// committed (here or pulled from another laptop): the records the CSV import keeps under
// imports/ (each chunk's created and updated contacts, the rows that could not be stored, the
// report's problems and duplicates) and the files exported under exports/ that name them, which
// are deleted (an export is a copy made at a moment; it cannot be trusted to be edited in place).
// The bytes of their files and photo go too, unless another row still refers to the same bytes.

/** What identifies a person in text: their contact ids and the words of their name, e-mails and numbers. */
export interface PersonTraces {
  contactIds: string[];
  /** Lower case: full names, e-mail addresses, numbers in E.164. */
  texts: string[];
  /** National digits of their numbers (no country code), matched against a line's digits. */
  digits: string[];
  /** SHA-256 of their files' and photo's bytes. */
  blobs: string[];
  /** Their e-mail addresses, lower case (mail waiting to be sent to them, headers of mail from them). */
  emails: string[];
}

/** The traces of the contacts about to be erased, read while their rows are still there. */
export function tracesOf(sqlite: Sqlite, contactIds: readonly string[]): PersonTraces {
  const traces: PersonTraces = { contactIds: [...contactIds], texts: [], digits: [], blobs: [], emails: [] };
  const read = sqlite.prepare('SELECT name, phones, emails FROM contacts WHERE id = ?');
  const items = sqlite.prepare("SELECT lower(address) AS address FROM contact_email_items WHERE contact_id = ? AND address != ''");
  const blobs = sqlite.prepare("SELECT sha256 FROM files WHERE contact_id = ? AND sha256 != '' UNION SELECT photo_sha256 FROM contacts WHERE id = ? AND photo_sha256 IS NOT NULL");
  for (const id of contactIds) {
    const row = read.get(id) as { name: string; phones: string; emails: string } | undefined;
    if (!row) continue;
    for (const { sha256 } of blobs.all(id, id) as { sha256: string }[]) traces.blobs.push(sha256);
    if (row.name.trim().length >= 3) traces.texts.push(row.name.trim().toLowerCase());
    const emails = new Set((items.all(id) as { address: string }[]).map((item) => item.address));
    for (const email of parseList<{ address?: string }>(row.emails)) if (email.address) emails.add(email.address.toLowerCase());
    traces.emails.push(...emails);
    traces.texts.push(...emails);
    for (const phone of parseList<{ e164?: string }>(row.phones)) {
      if (!phone.e164) continue;
      traces.texts.push(phone.e164);
      // The number as a person types it in their own country: its last nine or more digits.
      const national = phone.e164.replace(/\D/g, '').slice(-10);
      if (national.length >= 7) traces.digits.push(national);
    }
  }
  return traces;
}

function mentions(text: string, traces: PersonTraces): boolean {
  const lower = text.toLowerCase();
  if (traces.contactIds.some((id) => lower.includes(id.toLowerCase()))) return true;
  if (traces.texts.some((trace) => lower.includes(trace))) return true;
  const digits = text.replace(/\D/g, '');
  return traces.digits.some((trace) => digits.includes(trace));
}

/** Takes the person out of the import records and deletes the exports that name them. Returns how many files changed. */
export function scrubLocalCopies(dataDir: string, traces: PersonTraces): number {
  if (traces.contactIds.length === 0) return 0;
  let changed = 0;
  const importsDir = path.join(dataDir, 'imports');
  for (const name of filesIn(importsDir)) {
    const file = path.join(importsDir, name);
    const before = fs.readFileSync(file, 'utf8');
    const after = name.endsWith('.log.jsonl') ? scrubLog(before, traces) : name.endsWith('.json') ? scrubReport(before, traces) : scrubLines(before, traces);
    if (after !== before) {
      replaceFile(file, after);
      changed += 1;
    }
  }
  const exportsDir = path.join(dataDir, 'exports');
  for (const name of filesIn(exportsDir)) {
    const file = path.join(exportsDir, name);
    if (mentions(fs.readFileSync(file, 'latin1'), traces) || mentions(fs.readFileSync(file, 'utf8'), traces)) {
      fs.rmSync(file, { force: true });
      changed += 1;
    }
  }
  return changed;
}

/** An import's chunks without the person: undo of the rest still works. */
function scrubLog(text: string, traces: PersonTraces): string {
  const erased = new Set(traces.contactIds);
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '' || !mentions(line, traces)) return line;
      try {
        const chunk = JSON.parse(line) as { created?: string[]; updated?: { id: string }[] };
        return JSON.stringify({
          ...chunk,
          created: (chunk.created ?? []).filter((id) => !erased.has(id)),
          updated: (chunk.updated ?? []).filter((update) => !erased.has(update.id) && !mentions(JSON.stringify(update), traces)),
        });
      } catch {
        return '';
      }
    })
    .join('\n');
}

/** A report without the problems, warnings and duplicates that name the person. */
function scrubReport(text: string, traces: PersonTraces): string {
  if (!mentions(text, traces)) return text;
  try {
    const summary = JSON.parse(text) as { report?: Record<string, unknown> };
    const report = summary.report;
    if (!report) return text;
    for (const list of ['problems', 'warnings', 'duplicates']) {
      const entries = report[list];
      if (Array.isArray(entries)) report[list] = entries.filter((entry) => !mentions(JSON.stringify(entry), traces));
    }
    return JSON.stringify(summary);
  } catch {
    return text;
  }
}

/** A file of rows (the rows an import could not store) without those that name the person. */
function scrubLines(text: string, traces: PersonTraces): string {
  return text
    .split('\n')
    .filter((line) => !mentions(line, traces))
    .join('\n');
}

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

/** Whole or not at all: a crash leaves the old file or the new one. */
function replaceFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.scrub`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function parseList<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** Of the forgotten person's file bytes, those no file and no contact photo refers to any more. */
export function unreferencedBlobs(sqlite: Sqlite, traces: PersonTraces): string[] {
  const referenced = sqlite.prepare('SELECT 1 FROM files WHERE sha256 = ? UNION ALL SELECT 1 FROM contacts WHERE photo_sha256 = ? LIMIT 1');
  return [...new Set(traces.blobs)].filter((sha256) => referenced.get(sha256, sha256) === undefined);
}
