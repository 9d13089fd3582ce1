import { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { quoteTotals } from '../../src-shared/domain/quote-math';
import { formatQuoteNumber, quoteNumberPrefix } from '../../src-shared/domain/quote-number';
import { quoteStatuses, type Quote, type QuoteDraftSchema, type QuoteLine, type QuotePatchSchema } from '../../src-shared/domain/quote';
import { AppError } from '../../src-shared/errors';
import type { ContactsService } from '../contacts/service';
import type { FilesService } from '../files/service';
import type { NotesService } from '../notes/service';
import type { FieldValues } from '../writes/synced-tables';
import type { PipelineService } from './service';
import { officeLocale, renderQuotePdf } from './quote-pdf';
import { createQuoteQueries, type QuoteRow } from './queries';
import { WritingService, type WriteDeps } from '../writes/write-deps';

function rowToQuote(row: QuoteRow, now: number): Quote {
  const lines = JSON.parse(row.lines) as QuoteLine[];
  const totals = quoteTotals(lines);
  const stored = quoteStatuses.find((status) => status === row.status) ?? 'draft';
  const expired = stored === 'sent' && row.valid_until !== null && row.valid_until < now;
  return {
    id: row.id,
    dealId: row.deal_id,
    contactId: row.contact_id,
    number: row.number,
    status: expired ? 'expired' : stored,
    currency: row.currency,
    lines,
    notes: row.notes,
    validUntil: row.valid_until,
    sentAt: row.sent_at,
    fileId: row.file_id,
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    createdAt: row.created_at,
  };
}

export interface QuotesDeps extends WriteDeps {
  pipelines: PipelineService;
  contacts: ContactsService;
  /** The sent quote's PDF is attached to the contact as a file, and noted on its timeline. */
  files: FilesService;
  notes: NotesService;
  /** The series this laptop numbers its quotes in (quoteSeries in src-shared/domain/quote-number.ts). */
  quoteSeries: () => string;
  /** The office's year of a moment, in its time zone: a quote made on New Year's Eve counts in the old year. */
  officeYear: (at: number) => number;
}

export class QuotesService extends WritingService {
  private readonly queries;
  private readonly pipelines: PipelineService;
  private readonly contacts: ContactsService;
  private readonly files: FilesService;
  private readonly notes: NotesService;
  private readonly quoteSeries: () => string;
  private readonly officeYear: (at: number) => number;

  constructor(deps: QuotesDeps) {
    super(deps);
    this.pipelines = deps.pipelines;
    this.contacts = deps.contacts;
    this.files = deps.files;
    this.notes = deps.notes;
    this.quoteSeries = deps.quoteSeries;
    this.officeYear = deps.officeYear;
    this.queries = createQuoteQueries(deps.sqlite);
  }

  get(id: string): Quote {
    const row = this.queries.byId.get(id);
    if (!row) throw new AppError('not_found', 'That quote does not exist or was deleted.', 'id');
    return rowToQuote(row, this.now());
  }

  listForDeal(dealId: string): Quote[] {
    return this.queries.ofDeal.all(dealId).map((row) => rowToQuote(row, this.now()));
  }

  /** Sent, not yet answered and not expired: what the dashboard shows as pending. */
  pendingQuotes(): Quote[] {
    return this.queries.pending
      .all()
      .map((row) => rowToQuote(row, this.now()))
      .filter((quote) => quote.status === 'sent');
  }

  create(draft: z.output<typeof QuoteDraftSchema>): Quote {
    const deal = this.pipelines.getDeal(draft.dealId);
    const id = uuidv7();
    const timestamp = this.now();
    const year = this.officeYear(timestamp);
    const series = this.quoteSeries();
    this.engine.transaction((tx) => {
      // Counted inside the write's transaction: no other write of this laptop can take the same
      // count, and no other laptop counts in this series.
      const last = this.queries.lastCount.get({ prefix: quoteNumberPrefix(year, series) })?.last ?? 0;
      const number = formatQuoteNumber(year, series, last + 1);
      tx.write('quotes', id, {
        deal_id: deal.id,
        contact_id: deal.contactId,
        number,
        status: 'draft',
        currency: deal.currency,
        lines: JSON.stringify(draft.lines),
        notes: draft.notes,
        valid_until: draft.validUntil,
        sent_at: null,
        file_id: null,
        created_at: timestamp,
        updated_at: timestamp,
        cl: 1,
      });
    });
    return this.get(id);
  }

  update(id: string, patch: z.output<typeof QuotePatchSchema>): Quote {
    const current = this.get(id);
    if (patch.lines !== undefined && current.status !== 'draft') {
      throw new AppError('conflict', 'A sent quote cannot be changed; make a new one.', 'lines');
    }
    const fields: FieldValues = {};
    if (patch.lines !== undefined) fields.lines = JSON.stringify(patch.lines);
    if (patch.notes !== undefined) fields.notes = patch.notes;
    if (patch.validUntil !== undefined) fields.valid_until = patch.validUntil;
    if (patch.status !== undefined) fields.status = patch.status;
    this.engine.transaction((tx) => tx.write('quotes', id, { ...fields, updated_at: this.now() }));
    return this.get(id);
  }

  /**
   * Marks a quote sent: renders its PDF with the office's name and logo, attaches it to the
   * contact as a quote file and notes it on the contact's timeline.
   */
  async send(id: string): Promise<Quote> {
    const quote = this.get(id);
    if (quote.lines.length === 0) throw new AppError('invalid_input', 'Add at least one line before sending the quote.', 'lines');
    const deal = this.pipelines.getDeal(quote.dealId);
    const contact = this.contacts.get(quote.contactId);
    const settings = this.settings.get();
    const logo = settings.officeLogoSha256 ? this.files.open(settings.officeLogoSha256) : undefined;
    const sentAt = this.now();
    const pdf = await renderQuotePdf(
      { ...quote, sentAt },
      {
        officeName: settings.officeName,
        officeAddress: settings.officeAddress,
        officePhone: settings.officePhone,
        officeEmail: settings.officeEmail,
        officeTaxNumber: settings.officeTaxNumber,
        logo: logo ? logo.bytes() : null,
        locale: officeLocale(settings.defaultRegion),
        paymentTerms: settings.quotePaymentTerms,
        validDays: settings.quoteValidDays,
      },
      {
        name: contact.name,
        company: contact.company,
        address: [contact.address.street, contact.address.city, contact.address.postcode, contact.address.country].filter(Boolean).join(', '),
      },
      deal.title,
    );
    const staged = await this.files.stage(Readable.from([pdf]), `${quote.number}.pdf`);
    this.engine.transaction(() => {
      const file = this.files.add({
        contactId: contact.id,
        uploadId: staged.uploadId,
        name: `Quote ${quote.number}.pdf`,
        mimeType: 'application/pdf',
        category: 'quote',
      });
      this.engine.transaction((tx) => tx.write('quotes', id, { status: 'sent', sent_at: sentAt, file_id: file.id, updated_at: sentAt }));
      this.notes.create({
        contactId: contact.id,
        kind: 'quote_sent',
        body: `Quote ${quote.number} sent for ${deal.title}.`,
        pinned: false,
      });
    });
    return this.get(id);
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('quotes', id, 'quote');
    return { id };
  }
}
