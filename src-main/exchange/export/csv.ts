import { once } from 'node:events';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { ExportCsvOptions } from '../../../src-shared/domain/exchange';
import { AppError } from '../../../src-shared/errors';
import { privateFileMode } from '../../core/private-files';
import type { Sqlite } from '../../db/open';
import { raisePageCache } from '../../db/page-cache';
import type { SettingsService } from '../../settings/service';
import type { JobControl } from '../deps';
import { resolveColumns, type ColumnDef, type ExportRowTypes, type FormatOptions } from './columns';
import { readerFor, type ChunkReader } from './queries';
import { officeTimeZone } from '../../../src-shared/office-time';
import { protectFormula, protectLiteral } from '../formats/values';

/**
 * SQLite's page cache while contacts are exported, in KiB (the everyday size comes back when the
 * export ends). Contacts are read in the view's order (by name, say), a chunk of 1,000 at a time,
 * and such a chunk lies spread over the whole table: at 100k contacts (a 53 MB table, a 16 MB
 * everyday cache) nearly every row was a page read from the file and decrypted again, ~100,000
 * reads for the table's ~13,000 pages. With the table's pages kept, each is read once: 128 MB
 * holds the contacts table to ~240k contacts; past that, it saves the reads of the share it holds.
 */
export const contactsExportPageCacheKiB = 131_072;

/** A phone number in E.164 or an amount such as -12.50: no spreadsheet runs it as a formula. */
const plainNumber = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Streams a CSV export to `outPath`: rows are read in chunks, each chunk written with
 * papaparse's unparse, waiting for the file stream to drain (so memory stays flat for any
 * size). The file appears under its name only once complete (written as .part, then renamed).
 */
export async function exportCsv(
  deps: { sqlite: Sqlite; settings: SettingsService },
  options: ExportCsvOptions,
  outPath: string,
  control: JobControl = {},
): Promise<{ rows: number; bytes: number }> {
  const settings = deps.settings.get();
  const columns = resolveColumns(options.entity, options.preset, options.columns, settings.customFields) as ColumnDef<unknown>[];
  const reader = readerFor(deps.sqlite, options, settings.userName, columns.map((column) => column.key)) as ChunkReader<ExportRowTypes[typeof options.entity]>;
  // The accountant's file is read by people in a spreadsheet; the others are read back by programs.
  const forPeople = options.preset === 'accountant';
  const format: FormatOptions = {
    decimalComma: options.decimalComma,
    ...(forPeople ? { forPeople: { timeZone: officeTimeZone(settings.timeZone), region: settings.defaultRegion } } : {}),
  };
  const cell = (column: ColumnDef<unknown>, row: unknown) => {
    const value = column.value(row, format);
    if (!options.protectFormulas) return value;
    if (forPeople && column.text) return protectLiteral(value);
    // Columns Fieldbook formats itself (phones, numbers, dates) can still hold what another
    // device or an older version wrote; only a plain number there is left as it is.
    return column.text || !plainNumber.test(value) ? protectFormula(value) : value;
  };
  const unparse = (rows: string[][]) => `${Papa.unparse(rows, { delimiter: options.delimiter, newline: '\r\n' })}\r\n`;

  const givePageCacheBack = options.entity === 'contacts' ? raisePageCache(deps.sqlite, contactsExportPageCacheKiB) : () => undefined;
  try {
    return await writeAtomically(outPath, async (write) => {
      await write((options.bom ? '\uFEFF' : '') + unparse([columns.map((column) => column.header)]));
      let rows = 0;
      control.onProgress?.('writing', 0, reader.total);
      for (let chunk = reader.next(); chunk.length > 0; chunk = reader.next()) {
        if (control.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
        await write(unparse(chunk.map((row) => columns.map((column) => cell(column, row)))));
        rows += chunk.length;
        control.onProgress?.('writing', rows, Math.max(rows, reader.total));
      }
      return rows;
    });
  } finally {
    givePageCacheBack();
  }
}

/** Writes through `work` into `<path>.part` and renames it to `path` when work succeeds; removes it otherwise. */
export async function writeAtomically(
  outPath: string,
  work: (write: (text: string) => Promise<void>) => Promise<number>,
): Promise<{ rows: number; bytes: number }> {
  const partPath = `${outPath}.part`;
  const stream = fs.createWriteStream(partPath, { flags: 'w', mode: privateFileMode });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  const write = async (text: string) => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    const rows = await work(write);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    // Windows cannot rename a file that is still open.
    if (!stream.closed) await once(stream, 'close');
    fs.renameSync(partPath, outPath);
    return { rows, bytes: fs.statSync(outPath).size };
  } catch (error) {
    stream.destroy();
    fs.rmSync(partPath, { force: true });
    throw error;
  }
}
