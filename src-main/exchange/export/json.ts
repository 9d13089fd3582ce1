import type { Contact } from '../../../src-shared/domain/contact';
import { AppError } from '../../../src-shared/errors';
import type { Sqlite } from '../../db/open';
import type { SettingsService } from '../../settings/service';
import { writeAtomically } from './csv';
import type { JobControl } from '../deps';
import { allContactsReader, keysetById, type ChunkReader } from './queries';
import { formatIsoMoment } from '../formats/values';

// Everything in one JSON file, so that leaving Fieldbook is always possible: settings, and
// every live contact, note, follow-up, call and file record (the bytes of files are in the
// backup, under the path each file record names). Times are ISO 8601 UTC; money stays in
// integer minor units with its currency, exactly as stored. Written as a stream.

export const jsonExportFormat = { format: 'fieldbook-export', version: 1 } as const;

type JsonRow = Record<string, unknown>;

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());

/** A table row as JSON: camelCase keys, ISO times, booleans as booleans, local columns dropped. */
function tableRow(booleans: string[]) {
  return (row: JsonRow): JsonRow => {
    const out: JsonRow = {};
    for (const [column, value] of Object.entries(row)) {
      // Bookkeeping of this laptop, not the record: the causal length, search keys, derived flags.
      if (column === 'cl' || column === 'search_rowid' || column === 'contact_live') continue;
      if (column.endsWith('_at')) out[camel(column)] = typeof value === 'number' ? formatIsoMoment(value) : value;
      else if (booleans.includes(column)) out[camel(column)] = value === 1;
      else out[camel(column)] = value;
    }
    return out;
  };
}

function contactJson(contact: Contact): JsonRow {
  return {
    ...contact,
    nextFollowUpAt: formatIsoMoment(contact.nextFollowUpAt) || null,
    createdAt: formatIsoMoment(contact.createdAt),
    updatedAt: formatIsoMoment(contact.updatedAt),
  };
}

export async function exportJson(
  deps: { sqlite: Sqlite; settings: SettingsService; now?: () => number },
  outPath: string,
  control: JobControl = {},
): Promise<{ rows: number; bytes: number }> {
  const { sqlite } = deps;
  const sections: [string, ChunkReader<JsonRow>][] = [
    ['contacts', mapReader(allContactsReader(sqlite), (contact) => contactJson(contact.toContact()))],
    ['notes', keysetById(sqlite, 'SELECT n.* FROM notes n WHERE n.cl % 2 = 1', 'n', [], tableRow(['pinned']))],
    ['followUps', keysetById(sqlite, 'SELECT f.* FROM follow_ups f WHERE f.cl % 2 = 1', 'f', [], tableRow([]))],
    ['calls', keysetById(sqlite, 'SELECT k.* FROM calls k WHERE k.cl % 2 = 1', 'k', [], tableRow(['spam', 'emergency']))],
    [
      'files',
      keysetById(sqlite, 'SELECT f.* FROM files f WHERE f.cl % 2 = 1', 'f', [], (row: JsonRow) => ({
        ...tableRow([])(row),
        blob: `files/${String(row.sha256).slice(0, 2)}/${String(row.sha256)}`,
      })),
    ],
  ];
  const total = sections.reduce((sum, [, reader]) => sum + reader.total, 0);
  const exportedAt = formatIsoMoment((deps.now ?? Date.now)());
  return writeAtomically(outPath, async (write) => {
    await write(`{${JSON.stringify(jsonExportFormat).slice(1, -1)},"exportedAt":${JSON.stringify(exportedAt)},"settings":${JSON.stringify(deps.settings.get())}`);
    let rows = 0;
    for (const [name, reader] of sections) {
      await write(`,\n"${name}":[`);
      let first = true;
      for (let chunk = reader.next(); chunk.length > 0; chunk = reader.next()) {
        if (control.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
        await write((first ? '\n' : ',\n') + chunk.map((row) => JSON.stringify(row)).join(',\n'));
        first = false;
        rows += chunk.length;
        control.onProgress?.('writing', rows, total);
      }
      await write('\n]');
    }
    await write('}\n');
    return rows;
  });
}

function mapReader<From, To>(reader: ChunkReader<From>, convert: (row: From) => To): ChunkReader<To> {
  return { total: reader.total, next: () => reader.next().map(convert) };
}
