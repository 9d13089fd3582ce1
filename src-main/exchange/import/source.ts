import type { ColumnMapping, ImportFormat, ImportSource } from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors';
import { compileMapping } from './apply-mapping';
import type { CollectedContact } from './contact-builder';
import { parseCsv, type ParsedCsv } from '../formats/csv-read';
import { suggestMapping } from './header-mapping';
import { decodeText } from '../formats/text-decode';
import { looksLikeVCard, parseVCards, type ParsedVCards } from '../formats/vcard/read';
import { vcardDisplayName, vcardToCollected } from '../formats/vcard/to-collected';

/** One row of a CSV file or one card of a vCard file, read but not yet checked. */
export interface SourceRow {
  line: number;
  /** The raw cells (CSV), or the card's name (vCard): what the error file shows. */
  cells: string[];
  /**
   * Null when the row could not even be read (broken quoting, a ragged row, a bad card). A CSV
   * row reads its cells through the mapping each time this is asked: the planner asks once.
   */
  readonly collected: CollectedContact | null;
  problem: string | null;
}

/**
 * A CSV record read through the mapping only when the planner reaches it. Reading every record
 * up front kept all of them alive (and promoted by the garbage collector) for the whole preview
 * and run: ~2.6 KB a row, 265 MB of heap at 100k rows that every full collection marked again.
 */
class CsvRow implements SourceRow {
  readonly problem: string | null = null;

  constructor(
    readonly line: number,
    readonly cells: string[],
    private readonly read: (cells: readonly string[]) => CollectedContact,
  ) {}

  get collected(): CollectedContact {
    return this.read(this.cells);
  }
}

export interface ReadSource {
  format: ImportFormat;
  encoding: string;
  delimiter: string | null;
  source: ImportSource;
  headers: string[];
  mapping: ColumnMapping[];
  rows: SourceRow[];
}

/** A file decoded and split into records, before any mapping: the same for every preview of it. */
export type ParsedFile =
  | { format: 'csv'; encoding: string; csv: ParsedCsv }
  | { format: 'vcard'; encoding: string; vcard: ParsedVCards };

export function parseFile(bytes: Uint8Array, format: ImportFormat | undefined): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new AppError('invalid_input', 'The file is empty.', 'uploadId');
  if ((format ?? (looksLikeVCard(text) ? 'vcard' : 'csv')) === 'vcard') return { format: 'vcard', encoding, vcard: parseVCards(text, { fileEncoding: encoding }) };
  return { format: 'csv', encoding, csv: parseCsv(text) };
}

/** The rows of a parsed file; CSV rows are read through `mapping` (the suggested one when absent). */
export function readSource(file: ParsedFile, mapping: ColumnMapping[] | undefined, customFields: readonly CustomFieldDef[]): ReadSource {
  const { format, encoding } = file;
  if (file.format === 'vcard') {
    const parsed = file.vcard;
    if (parsed.cards.length === 0 && parsed.problems.length === 0) {
      throw new AppError('invalid_input', 'The file has no vCards (BEGIN:VCARD … END:VCARD).', 'format');
    }
    const rows: SourceRow[] = [
      ...parsed.cards.map((card) => ({ line: card.line, cells: [vcardDisplayName(card)], collected: vcardToCollected(card, customFields), problem: null })),
      ...parsed.problems.map((problem) => ({ line: problem.line, cells: [''], collected: null, problem: problem.reason })),
    ].sort((a, b) => a.line - b.line);
    return { format, encoding, delimiter: null, source: 'generic', headers: [], mapping: [], rows };
  }

  const csv = file.csv;
  if (csv.headers.length === 0) throw new AppError('invalid_input', 'The file has no header row.', 'uploadId');
  const suggestion = suggestMapping(csv.headers, [...customFields]);
  const used = mapping ?? suggestion.mapping;
  const read = compileMapping(used, csv.headers, customFields);
  const rows: SourceRow[] = [
    ...csv.records.map((record): SourceRow => new CsvRow(record.line, record.cells, read)),
    ...csv.problems.map((problem) => ({ line: problem.line, cells: problem.cells, collected: null, problem: problem.reason })),
  ].sort((a, b) => a.line - b.line);
  return { format, encoding, delimiter: csv.delimiter, source: suggestion.source, headers: csv.headers, mapping: used, rows };
}
