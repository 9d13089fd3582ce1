import type { Call } from '../../src-shared/domain/call';
import type { SlaReport } from '../../src-shared/domain/sla';
import { callFlags, directionLabel, shareText, summariseCalls, type NamedCount, type OfficeClock } from './report-facts';

/** The calls listed one by one; the totals count every call of the period (the CSV lists them all). */
export const listedCallsLimit = 2000;

export interface CallReportInput {
  officeName: string;
  period: { from: number; to: number };
  /** Every call of the period, oldest first. */
  calls: readonly Call[];
  sla: SlaReport;
  office: OfficeClock;
  /** When the report was made. */
  at: number;
}

const left = 50;
const right = 545;
const bottom = 780;

/**
 * The printable report of a period (pdfkit, as the quote PDF): the totals — calls, answered and
 * missed, after hours, emergencies, call-backs made within their promise — by outcome and by
 * member, then the calls themselves.
 */
export async function renderCallReportPdf(input: CallReportInput): Promise<Buffer> {
  // pdfkit and its fonts are ~30 MB and a third of a second to load: loaded at the first PDF, not at start.
  const { default: PDFDocument } = await import('pdfkit');
  const { office, period } = input;
  const day = new Intl.DateTimeFormat(office.locale, { timeZone: office.timeZone, dateStyle: 'long' });
  // The period's end is exclusive: a report "to 6 December" ends at the start of the 7th.
  const title = `Calls from ${day.format(period.from)} to ${day.format(period.to - 1)}`;
  const doc = new PDFDocument({ size: 'A4', margin: left, info: { Title: title, Author: input.officeName || 'Fieldbook' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const summary = summariseCalls(input.calls);
  const sla = input.sla.total;

  doc.fontSize(9).fillColor('#555').text(input.officeName, left, 45, { width: right - left, align: 'right' });
  doc.fillColor('#000').fontSize(18).text(title, left, 60);
  doc.fontSize(9).fillColor('#555').text(`Made ${office.dateTime.format(input.at)} (${office.timeZone})`).fillColor('#000');
  let y = doc.y + 14;

  const figure = (label: string, value: string) => {
    doc.font('Helvetica').fontSize(10).text(label, left, y, { width: 300 });
    doc.font('Helvetica-Bold').text(value, 350, y, { width: right - 350, align: 'right' });
    y += 16;
  };
  const heading = (text: string) => {
    if (y > bottom - 80) newPage();
    y += 8;
    doc.font('Helvetica-Bold').fontSize(12).text(text, left, y);
    y += 20;
  };
  const newPage = () => {
    doc.addPage();
    y = 50;
  };

  heading('Totals');
  figure('Calls', String(summary.total));
  figure('Answered', String(summary.answered));
  figure('Missed', String(summary.missed));
  figure('Incoming / outgoing', `${summary.incoming} / ${summary.outgoing}`);
  figure('After hours', String(summary.afterHours));
  figure('Emergencies', String(summary.emergencies));
  figure('Call-backs made within their promise', `${shareText(sla)} (${sla.madeInTime} of ${sla.madeInTime + sla.madeLate + sla.openOverdue})`);

  const counts = (title: string, rows: NamedCount[]) => {
    heading(title);
    for (const row of rows) {
      if (y > bottom) newPage();
      figure(row.name, String(row.calls));
    }
    if (rows.length === 0) figure('No calls', '');
  };
  counts('By outcome', summary.byOutcome);
  counts('By member', summary.byMember);

  heading('Calls');
  const columns = [
    { header: 'Time', x: left, width: 90 },
    { header: 'Direction', x: 142, width: 50 },
    { header: 'Number', x: 194, width: 90 },
    { header: 'Contact', x: 286, width: 90 },
    { header: 'Length', x: 378, width: 36 },
    { header: 'Outcome', x: 416, width: 64 },
    { header: 'Flags', x: 482, width: 63 },
  ];
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8);
    for (const column of columns) doc.text(column.header, column.x, y, { width: column.width });
    doc.moveTo(left, y + 11).lineTo(right, y + 11).strokeColor('#999').stroke();
    y += 16;
    doc.font('Helvetica').fontSize(8);
  };
  header();
  for (const call of input.calls.slice(0, listedCallsLimit)) {
    const cells = [
      office.dateTime.format(call.startedAt),
      directionLabel(call),
      office.formatPhone(call.number),
      call.contactName ?? '',
      minutesAndSeconds(call.durationSeconds),
      call.disposition,
      callFlags(call).join(', '),
    ];
    const height = Math.max(...cells.map((text, index) => doc.heightOfString(text, { width: columns[index]!.width })), 10);
    if (y + height > bottom) {
      newPage();
      header();
    }
    cells.forEach((text, index) => doc.text(text, columns[index]!.x, y, { width: columns[index]!.width }));
    y += height + 4;
  }
  if (input.calls.length > listedCallsLimit) {
    doc.font('Helvetica-Oblique').text(`The first ${listedCallsLimit} of ${input.calls.length} calls are listed; the CSV export lists them all.`, left, y + 6);
  }
  if (input.calls.length === 0) doc.text('No calls in this period.', left, y);
  doc.end();
  return done;
}

function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
