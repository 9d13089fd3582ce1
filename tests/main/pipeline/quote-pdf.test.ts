import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readPdf } from '../../helpers/pdf-text';
import { solidPng } from '../../helpers/png';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The quote a customer receives carries the office (name, address, phone, e-mail, tax number,
// logo), dates and money as the office writes them, a validity date and the payment terms.

const day = 24 * 60 * 60 * 1000;
const sentAt = Date.UTC(2026, 11, 5, 10);
let core: TempCore;
beforeEach(() => {
  core = createTempCore({ now: () => sentAt });
});
afterEach(() => core.dispose());

async function sentQuotePdf(region: string) {
  const staged = await core.files.stage(Readable.from([solidPng(64, 32, [16, 96, 160])]), 'logo.png');
  await core.call('settings.setLogo', { uploadId: staged.uploadId });
  await core.call('settings.update', {
    defaultRegion: region,
    officeName: 'Harbour Plumbing Ltd',
    officeAddress: '12 Quay Street\nBristol BS1 4DJ',
    officePhone: '0117 496 0123',
    officeEmail: 'office@harbour-plumbing.example',
    officeTaxNumber: 'GB 123 4567 89',
    quotePaymentTerms: 'Payment within 14 days of completion, by bank transfer.',
    quoteValidDays: 30,
  });
  const contact = await core.call('contacts.create', { draft: { name: 'Ann Example', address: { street: '4 Mill Lane', city: 'Bath', postcode: 'BA1 1AA' } } });
  const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
  const deal = await core.call('deals.create', { contactId: contact.id, pipelineId: pipeline.id, title: 'Boiler replacement' });
  const quote = await core.call('quotes.create', {
    dealId: deal.id,
    lines: [
      { description: 'Combi boiler, fitted', quantityMilli: 1000, unitPriceMinor: 150_000, taxRateBp: 0 },
      { description: 'Deposit already paid', quantityMilli: 1000, unitPriceMinor: -50_000, taxRateBp: 0 },
    ],
  });
  await core.call('quotes.send', { id: quote.id });
  const [file] = await core.call('files.list', { contactId: contact.id });
  return readPdf(core.files.open(file!.sha256)!.bytes());
}

it('prints the office, its logo, long dates in the office’s locale, the validity date and the payment terms', async () => {
  const pdf = await sentQuotePdf('GB');
  for (const expected of [
    'Harbour Plumbing Ltd',
    '12 Quay Street',
    'Bristol BS1 4DJ',
    '0117 496 0123',
    'office@harbour-plumbing.example',
    'GB 123 4567 89',
    'Date: 5 December 2026',
    'Valid until: 4 January 2027',
    'Payment within 14 days of completion, by bank transfer.',
    'Ann Example',
    '4 Mill Lane',
    '£1,500.00',
    '-£500.00',
    'Total £1,000.00',
  ]) {
    expect(pdf.text, `the PDF should say "${expected}"`).toContain(expected);
  }
  expect(pdf.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(pdf.imagesPerPage[0]).toBe(1);
});

it('writes dates the way an office in the United States does', async () => {
  const pdf = await sentQuotePdf('US');
  expect(pdf.text).toContain('Date: December 5, 2026');
  expect(pdf.text).toContain(`Valid until: ${new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(sentAt + 30 * day)}`);
});
