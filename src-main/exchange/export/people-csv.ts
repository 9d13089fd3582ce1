import Papa from 'papaparse';
import { AppError } from '../../../src-shared/errors';
import type { JobControl } from '../deps';
import { writeAtomically } from './csv';
import { protectFormula, protectLiteral } from '../formats/values';

/** Rows read and written per step: the export yields between steps, so a cancel gets in. */
export const rowsPerChunk = 1000;

/** One column of a file for people: a header and the cell of one row. */
export interface PeopleColumn<Row> {
  header: string;
  /**
   * A value Fieldbook wrote itself (a number, an amount, an ISO time): left for the sheet to read
   * as a number or a date, guarded only against a formula. Without it the cell is text a person typed.
   */
  ours?: boolean;
  value(row: Row): string;
}

/** What the file holds: the ids in the list's order, and those rows read a chunk at a time. */
export interface RowsToExport<Row> {
  ids: readonly string[];
  read(ids: readonly string[]): Row[];
}

/** A negative amount or count Fieldbook formatted itself ("-£500.00"): a number to the sheet, no formula. */
const negativeNumber = /^-[\d£$€¥]/;

const unparse = (rows: string[][]) => `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;

/**
 * Writes rows as CSV for a person in a spreadsheet into `outPath` (as .part, renamed when whole),
 * a chunk at a time with progress and cancel. Text a person typed is protected as the accountant's
 * file protects it (docs/exports.md): never run as a formula, never turned into a number or a date.
 */
export async function writePeopleCsv<Row>(
  rows: RowsToExport<Row>,
  columns: readonly PeopleColumn<Row>[],
  outPath: string,
  control: JobControl = {},
): Promise<{ rows: number; bytes: number }> {
  const cell = (column: PeopleColumn<Row>, row: Row) => {
    const value = column.value(row);
    if (!column.ours) return protectLiteral(value);
    return negativeNumber.test(value) ? value : protectFormula(value);
  };
  return writeAtomically(outPath, async (write) => {
    // A byte order mark, so Excel reads the file as UTF-8.
    await write(`\uFEFF${unparse([columns.map((column) => column.header)])}`);
    let written = 0;
    control.onProgress?.('writing', 0, rows.ids.length);
    for (let at = 0; at < rows.ids.length; at += rowsPerChunk) {
      if (control.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
      const chunk = rows.read(rows.ids.slice(at, at + rowsPerChunk));
      await write(unparse(chunk.map((row) => columns.map((column) => cell(column, row)))));
      written += chunk.length;
      control.onProgress?.('writing', Math.min(at + rowsPerChunk, rows.ids.length), rows.ids.length);
    }
    return written;
  });
}
