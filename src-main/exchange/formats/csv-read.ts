import Papa from 'papaparse';

// Reading CSV files as people have them: any of `,` `;` tab `|` as delimiter (or Excel's
// `sep=;` first line), quoted fields spanning lines, ragged rows, and broken quoting that
// must not swallow the rest of the file. Decoding bytes to text is text-decode.ts.

export interface CsvRecord {
  /** 1-based line of the file where the record starts (quoted newlines make it differ from the row index). */
  line: number;
  cells: string[];
}

export interface CsvProblem extends CsvRecord {
  reason: string;
}

export interface ParsedCsv {
  delimiter: string;
  headers: string[];
  records: CsvRecord[];
  /** Records that cannot be read as rows of this table; the rest of the file still is. */
  problems: CsvProblem[];
}

/** Unclosed or stray quotes: papaparse tells them apart, but for the person fixing the file it is one mistake. */
export const quotesReason = 'A quoted field starting on this line is not closed properly (a " inside a field must be written "").';

const candidateDelimiters = [',', ';', '\t', '|'] as const;
const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' };

export function parseCsv(input: string, options: { delimiter?: string } = {}): ParsedCsv {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let firstLine = 1;
  let delimiter = options.delimiter;
  // Excel writes and reads a first line `sep=;` naming the delimiter.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) {
    delimiter ??= hint[1]!;
    text = text.slice(hint[0].length);
    firstLine = 2;
  }
  delimiter ??= detectDelimiter(text);

  const newline = text.includes('\n') ? '\n' : '\r';
  const rows: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let offset = 0;
  let lineAtOffset = firstLine;
  while (offset < text.length) {
    const segment = text.slice(offset);
    const state = { rowStart: 0, line: lineAtOffset, restartAt: -1 };
    Papa.parse<string[]>(segment, {
      delimiter,
      newline: newline === '\n' ? undefined : '\r',
      step(result, parser) {
        const cursor = result.meta.cursor;
        const quoteError = result.errors.find((error) => error.type === 'Quotes');
        if (quoteError) {
          // An unclosed quote swallows everything after it: report the row where it starts and
          // read on from the next line, so one bad row does not lose the rest of the file.
          const nextLine = segment.indexOf(newline, state.rowStart);
          problems.push({
            line: state.line,
            cells: [segment.slice(state.rowStart, nextLine === -1 ? undefined : nextLine).replace(/\r$/, '')],
            reason: quotesReason,
          });
          state.restartAt = nextLine === -1 ? segment.length : nextLine + 1;
          parser.abort();
          return;
        }
        rows.push({ line: state.line, cells: result.data });
        state.line += countNewlines(segment, state.rowStart, cursor, newline);
        state.rowStart = cursor;
      },
    });
    if (state.restartAt === -1) break;
    lineAtOffset = state.line + countNewlines(segment, state.rowStart, state.restartAt, newline);
    offset += state.restartAt;
  }

  const nonBlank = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const headerRow = nonBlank.shift();
  const headers = (headerRow?.cells ?? []).map((header) => header.replace(/^\uFEFF/, '').trim());
  const records: CsvRecord[] = [];
  for (const row of nonBlank) {
    if (row.cells.length > headers.length) {
      const extra = row.cells.slice(headers.length);
      if (extra.some((cell) => cell.trim() !== '')) {
        problems.push({
          ...row,
          reason: `The row has ${row.cells.length} fields but the header has ${headers.length}; is a ${
            delimiterNames[delimiter] ?? `"${delimiter}"`
          } inside a field missing its quotes?`,
        });
        continue;
      }
      row.cells.length = headers.length;
    }
    while (row.cells.length < headers.length) row.cells.push('');
    records.push(row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { delimiter, headers, records, problems };
}

/**
 * The delimiter that splits the first rows into the same number (at least two) of fields, the
 * header's; ties go to the more fields, then to the order of candidateDelimiters.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = { delimiter: ',', score: -1, fields: 0 };
  for (const delimiter of candidateDelimiters) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 30 });
    const counts = parsed.data.filter((row) => row.some((cell) => cell.trim() !== '')).map((row) => row.length);
    const fields = counts[0] ?? 0;
    if (fields < 2) continue;
    const rest = counts.slice(1);
    const score = rest.length === 0 ? 1 : rest.filter((count) => count === fields).length / rest.length;
    if (score > best.score || (score === best.score && fields > best.fields)) best = { delimiter, score, fields };
  }
  return best.delimiter;
}

function countNewlines(text: string, from: number, to: number, newline: string): number {
  let count = 0;
  for (let index = text.indexOf(newline, from); index !== -1 && index < to; index = text.indexOf(newline, index + 1)) {
    count += 1;
  }
  return count;
}
