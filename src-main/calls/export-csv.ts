import type { Call } from '../../src-shared/domain/call';
import { localDateTime } from '../../src-shared/office-time';
import type { JobControl } from '../exchange/deps';
import { writePeopleCsv } from '../exchange/export/people-csv';
import { callFlags, directionLabel, type OfficeClock } from './report-facts';

/** What the export reads: the ids the list shows, in its order, and those calls as the list shows them. */
export interface CallsToExport {
  ids: readonly string[];
  read(ids: readonly string[]): Call[];
}

interface CallColumn {
  header: string;
  /** A number or an ISO time Fieldbook wrote itself: left as it is, so the sheet reads it as one. */
  ours?: boolean;
  value(call: Call, office: OfficeClock): string;
}

const phone = (e164: string, office: OfficeClock) => (e164 ? office.formatPhone(e164) : '');
const fromNumber = (call: Call) => (call.direction === 'inbound' ? call.number : call.officeNumber);
const toNumber = (call: Call) => (call.direction === 'inbound' ? call.officeNumber : call.number);

/**
 * The calls list as a file for people (docs/exports.md, "The calls list"): the time as the office
 * reads it and the same moment in ISO form a spreadsheet reads as a date, the numbers as the office
 * writes them, labels as the screens show them.
 */
export const callCsvColumns: readonly CallColumn[] = [
  { header: 'Time', value: (call, office) => office.dateTime.format(call.startedAt) },
  { header: 'Time (ISO, office time zone)', ours: true, value: (call, office) => localDateTime(call.startedAt, office.timeZone) },
  { header: 'Direction', value: (call) => directionLabel(call) },
  { header: 'From', value: (call, office) => phone(fromNumber(call), office) },
  { header: 'To', value: (call, office) => phone(toNumber(call), office) },
  { header: 'Contact', value: (call) => call.contactName ?? '' },
  { header: 'Duration (seconds)', ours: true, value: (call) => String(call.durationSeconds) },
  { header: 'Outcome', value: (call) => call.disposition },
  { header: 'Owner', value: (call) => call.loggedBy },
  { header: 'Tags', value: (call) => call.tags.join('; ') },
  { header: 'Flags', value: (call) => callFlags(call).join('; ') },
  { header: 'Notes', value: (call) => call.notes },
];

/**
 * Writes the calls as CSV into `outPath` (as .part, renamed when whole), a chunk at a time, through
 * the writer every file for people uses (src-main/exchange/export/people-csv.ts): nothing a caller
 * or a colleague typed is run as a formula or turned into a number or a date by the spreadsheet.
 */
export async function writeCallsCsv(calls: CallsToExport, office: OfficeClock, outPath: string, control: JobControl = {}): Promise<{ rows: number; bytes: number }> {
  // The same few numbers come back call after call (the office line above all); parsing one is the
  // costliest cell, so each is formatted once.
  const phones = new Map<string, string>();
  const clock: OfficeClock = {
    ...office,
    formatPhone: (e164) => phones.get(e164) ?? (phones.size < 100_000 ? phones.set(e164, office.formatPhone(e164)).get(e164)! : office.formatPhone(e164)),
  };
  return writePeopleCsv(
    calls,
    callCsvColumns.map((column) => ({ header: column.header, ...(column.ours ? { ours: true } : {}), value: (call: Call) => column.value(call, clock) })),
    outPath,
    control,
  );
}
