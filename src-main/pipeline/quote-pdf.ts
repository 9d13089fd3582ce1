import { formatMoney } from '../../src-shared/money';
import { quoteTotals } from '../../src-shared/domain/quote-math';
import type { Quote } from '../../src-shared/domain/quote';

export interface QuoteLetterhead {
  officeName: string;
  officeAddress: string;
  officePhone: string;
  officeEmail: string;
  officeTaxNumber: string;
  /** PNG or JPEG bytes of the office's logo. */
  logo: Buffer | null;
  /** BCP 47 locale dates and money are written in ("en-GB"). */
  locale: string;
  paymentTerms: string;
  /** Used when the quote has no validity date of its own. */
  validDays: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The locale an office in `region` writes dates and money in: English, that country's conventions. */
export function officeLocale(region: string): string {
  try {
    return new Intl.Locale('en', { region }).toString();
  } catch {
    return 'en-GB';
  }
}

export interface QuoteRecipient {
  name: string;
  company: string;
  address: string;
}

/** Renders a printable quote: letterhead, recipient, lines, tax by rate and totals. */
export async function renderQuotePdf(quote: Quote, letterhead: QuoteLetterhead, recipient: QuoteRecipient, dealTitle: string): Promise<Buffer> {
  // pdfkit and its fonts are ~30 MB and a third of a second to load: loaded at the first PDF, not at start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Quote ${quote.number}`, Author: letterhead.officeName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (minor: number) => formatMoney(minor, quote.currency, letterhead.locale);
  const longDate = new Intl.DateTimeFormat(letterhead.locale, { dateStyle: 'long' });
  const totals = quoteTotals(quote.lines);

  if (letterhead.logo) {
    try {
      doc.image(letterhead.logo, 50, 45, { fit: [120, 60] });
    } catch {
      // A logo pdfkit cannot read is left out rather than failing the quote.
    }
  }
  doc.fontSize(18).text(letterhead.officeName || 'Quote', 200, 50, { align: 'right' });
  const contactLines = [letterhead.officeAddress, [letterhead.officePhone, letterhead.officeEmail].filter(Boolean).join('  ·  ')];
  if (letterhead.officeTaxNumber) contactLines.push(`VAT / tax number: ${letterhead.officeTaxNumber}`);
  doc.fontSize(9).fillColor('#555').text(contactLines.filter(Boolean).join('\n'), 200, doc.y, { align: 'right' });
  doc.moveDown(2).fillColor('#000');

  doc.fontSize(20).text(`Quote ${quote.number}`, 50, 130);
  doc.fontSize(10).text(dealTitle, 50, doc.y + 2);
  const issuedAt = quote.sentAt ?? quote.createdAt;
  const validUntil = quote.validUntil ?? issuedAt + letterhead.validDays * dayMs;
  doc.text(`Date: ${longDate.format(issuedAt)}`, 350, 130, { width: 195, align: 'right' });
  doc.text(`Valid until: ${longDate.format(validUntil)}`, 350, doc.y, { width: 195, align: 'right' });

  doc.moveDown(2).fontSize(10).text('For:', 50, 190).font('Helvetica-Bold').text(recipient.name).font('Helvetica');
  if (recipient.company) doc.text(recipient.company);
  if (recipient.address) doc.text(recipient.address);

  const columns = { description: 50, quantity: 300, price: 350, discount: 420, amount: 480 };
  let y = 280;
  doc.font('Helvetica-Bold').fontSize(9);
  doc.text('Description', columns.description, y).text('Qty', columns.quantity, y).text('Unit price', columns.price, y);
  doc.text('Discount', columns.discount, y).text('Amount', columns.amount, y, { width: 65, align: 'right' });
  doc.moveTo(50, y + 14).lineTo(545, y + 14).strokeColor('#999').stroke();
  doc.font('Helvetica');
  y += 22;
  quote.lines.forEach((line, index) => {
    const computed = totals.lines[index]!;
    const height = Math.max(14, doc.heightOfString(line.description, { width: 240 }));
    if (y + height > 740) {
      doc.addPage();
      y = 50;
    }
    doc.text(line.description, columns.description, y, { width: 240 });
    doc.text(String(line.quantityMilli / 1000), columns.quantity, y);
    doc.text(money(line.unitPriceMinor), columns.price, y);
    doc.text(line.discountBp ? `${line.discountBp / 100}%` : '', columns.discount, y);
    doc.text(money(computed.netMinor), columns.amount, y, { width: 65, align: 'right' });
    y += height + 6;
  });
  doc.moveTo(300, y).lineTo(545, y).stroke();
  y += 8;
  const totalLine = (label: string, amount: string, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, 300, y).text(amount, columns.amount, y, { width: 65, align: 'right' });
    y += 16;
  };
  totalLine('Subtotal', money(totals.subtotalMinor));
  for (const tax of totals.taxes) totalLine(`Tax ${tax.rateBp / 100}% on ${money(tax.baseMinor)}`, money(tax.taxMinor));
  totalLine('Total', money(totals.totalMinor), true);
  y += 20;
  if (quote.notes) {
    doc.font('Helvetica').text(quote.notes, 50, y, { width: 495 });
    y = doc.y + 12;
  }
  if (letterhead.paymentTerms) {
    doc.font('Helvetica-Bold').text('Payment terms', 50, y).font('Helvetica').text(letterhead.paymentTerms, 50, doc.y + 2, { width: 495 });
  }
  doc.end();
  return done;
}
