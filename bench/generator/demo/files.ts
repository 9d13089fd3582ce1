import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Core } from '../../../src-main/core/create-core';
import type { FileCategory } from '../../../src-shared/domain/file';
import type { Random } from '../random';
import type { ContactDealer } from './people';
import { dayMs, hourMs, type DemoEvent } from './schedule';

// Files a firm keeps on its customers: site photos (drawn here, nothing is downloaded) and a
// signed contract. The quote PDFs come from sending quotes.

function sitePhoto(label: string, hue: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420" viewBox="0 0 640 420">
  <rect width="640" height="420" fill="hsl(${hue} 45% 82%)"/>
  <rect y="300" width="640" height="120" fill="hsl(${hue + 60} 30% 55%)"/>
  <polygon points="170,170 320,70 470,170" fill="hsl(10 45% 42%)"/>
  <rect x="190" y="170" width="260" height="160" fill="hsl(35 35% 88%)"/>
  <rect x="300" y="240" width="44" height="90" fill="hsl(210 30% 35%)"/>
  <rect x="220" y="200" width="50" height="40" fill="hsl(200 60% 75%)"/>
  <rect x="370" y="200" width="50" height="40" fill="hsl(200 60% 75%)"/>
  <text x="24" y="400" font-family="sans-serif" font-size="22" fill="hsl(0 0% 15%)">${label}</text>
</svg>`;
  return Buffer.from(svg, 'utf8');
}

function contractPdf(customer: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: 'Contract of works' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text('Contract of works', { underline: false });
  doc.moveDown().fontSize(11).text(`Between Castle Roofing & Building and ${customer}.`);
  doc.moveDown().text('The works are as described in the accepted quote. Start date by agreement; the site is left clean and safe each day.');
  doc.moveDown().text('Signed for the customer: ________________________');
  doc.end();
  return done;
}

interface DemoFile {
  name: string;
  mimeType: string;
  category: FileCategory;
  bytes: (customer: string) => Buffer | Promise<Buffer>;
}

const files: DemoFile[] = [
  { name: 'Front elevation.svg', mimeType: 'image/svg+xml', category: 'photo', bytes: () => sitePhoto('Front elevation, before works', 205) },
  { name: 'Rear roof slope.svg', mimeType: 'image/svg+xml', category: 'photo', bytes: () => sitePhoto('Rear roof slope: slipped tiles', 30) },
  { name: 'Signed contract.pdf', mimeType: 'application/pdf', category: 'contract', bytes: contractPdf },
  { name: 'Garden wall.svg', mimeType: 'image/svg+xml', category: 'photo', bytes: () => sitePhoto('Garden wall, leaning section', 120) },
];

export function planFiles(core: Core, random: Random, dealer: ContactDealer, endAt: number): { events: DemoEvent[]; count: number } {
  const events = files.map((file, index): DemoEvent => {
    const contact = dealer.next((candidate) => candidate.type === 'customer');
    return {
      at: endAt - (index * 4 + random.int(1, 3)) * dayMs - random.int(1, 8) * hourMs,
      run: async () => {
        const staged = await core.files.stage(Readable.from([await file.bytes(contact.name)]), file.name);
        core.files.add({ contactId: contact.id, uploadId: staged.uploadId, name: file.name, mimeType: file.mimeType, category: file.category });
      },
    };
  });
  return { events, count: files.length };
}
