import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

// What a PDF says, read back with PDF.js (Mozilla's reader, the one browsers use), so a test
// checks the text a customer sees rather than how our writer happened to encode it.

export interface PdfContents {
  /** Each page's text, its runs joined by spaces and lines by newlines. */
  pages: string[];
  /** All pages' text in one string, whitespace collapsed to single spaces. */
  text: string;
  /** Images painted on each page (a logo is one). */
  imagesPerPage: number[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const imagesPerPage: number[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join(''));
    const operators = await page.getOperatorList();
    imagesPerPage.push(operators.fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject).length);
  }
  await document.destroy();
  return { pages, text: pages.join('\n').replace(/\s+/g, ' ').trim(), imagesPerPage };
}
