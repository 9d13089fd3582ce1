import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/** What a spreadsheet cell holds after LibreOffice opened a file: its type, its value, the text it shows. */
export interface SheetCell {
  type: 'string' | 'float' | 'date' | 'time' | 'boolean' | 'percentage' | 'currency' | 'empty';
  /** The typed value (a number, an ISO date) for typed cells; the text for strings. */
  value: string;
  shown: string;
  formula: string | null;
}

export const sofficePath = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((candidate) => fs.existsSync(candidate));

const separatorCodes: Record<string, number> = { ',': 44, ';': 59, '\t': 9 };

/**
 * Opens a CSV file in LibreOffice Calc (headless) with the settings of its import dialog's
 * defaults — the separator, `"` quotes, UTF-8 — saves it as a flat OpenDocument spreadsheet and
 * reads back every cell of the first sheet. A profile of its own, so runs in parallel never share one.
 */
export async function openCsvInLibreOffice(csvPath: string, separator = ','): Promise<SheetCell[][]> {
  if (!sofficePath) throw new Error('LibreOffice is not installed (apt-get install libreoffice-calc-nogui)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-soffice-'));
  try {
    const filter = `CSV:${separatorCodes[separator]},34,76,1`;
    await promisify(execFile)(
      sofficePath,
      [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', `--infilter=${filter}`, '--convert-to', 'fods', '--outdir', work, csvPath],
      { timeout: 120_000 },
    );
    const fods = fs.readFileSync(path.join(work, `${path.basename(csvPath, path.extname(csvPath))}.fods`), 'utf8');
    return readFlatSheet(fods);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

type XmlNode = Record<string, unknown>;
const list = (value: unknown): XmlNode[] => (value === undefined ? [] : Array.isArray(value) ? (value as XmlNode[]) : [value as XmlNode]);

function shownText(cell: XmlNode): string {
  return list(cell['text:p'])
    .map((paragraph) => (typeof paragraph === 'object' ? String(paragraph['#text'] ?? '') : String(paragraph)))
    .join('\n');
}

function readFlatSheet(fods: string): SheetCell[][] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true });
  const document = parser.parse(fods) as XmlNode;
  const body = (document['office:document'] as XmlNode)['office:body'] as XmlNode;
  const table = list((body['office:spreadsheet'] as XmlNode)['table:table'])[0]!;
  return list(table['table:table-row']).map((row) =>
    list(row['table:table-cell']).flatMap((cell) => {
      const type = (cell['@office:value-type'] as SheetCell['type'] | undefined) ?? 'empty';
      const shown = shownText(cell);
      const value = String(cell['@office:date-value'] ?? cell['@office:time-value'] ?? cell['@office:boolean-value'] ?? cell['@office:value'] ?? shown);
      const repeat = Number(cell['@table:number-columns-repeated'] ?? 1);
      const one: SheetCell = { type, value, shown, formula: (cell['@table:formula'] as string | undefined) ?? null };
      // A run of empty cells to the sheet's edge is written as one repeated cell.
      return type === 'empty' && repeat > 50 ? [] : Array.from({ length: repeat }, () => one);
    }),
  );
}
