import { useMemo, useRef, useState } from 'react';
import type { Deal } from '../../../src-shared/domain/pipeline';
import type { Quote, QuoteLine } from '../../../src-shared/domain/quote';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { fromDateInput, toDateInput } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { Dialog } from '../../ui/Dialog';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { blankLine, liveTotals, parseRow, rowFromLine, type LineErrors, type LineRow } from './quote-form';
import { QuoteLinesEditor } from './QuoteLinesEditor';
import { QuoteLinesView } from './QuoteLinesView';
import { QuotePdfLink } from './QuotePdfLink';
import { QuoteStatusBadge } from './QuoteStatusBadge';
import { QuoteTotalsBox } from './QuoteTotalsBox';

interface QuoteEditorProps {
  deal: Deal;
  /** Absent: a new quote, created on the first save. */
  quote?: Quote;
  onClose: () => void;
}

const isBlank = (row: LineRow) => !row.description.trim() && !row.unitPrice.trim();

/** A quote for a deal: lines with live totals while a draft; then sent as a PDF, then answered. */
export function QuoteEditor({ deal, quote: initial, onClose }: QuoteEditorProps) {
  const defaultTaxRateBp = useUi((state) => state.settings?.defaultTaxRateBp ?? 0);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [quote, setQuote] = useState<Quote | undefined>(initial);
  const [rows, setRows] = useState<LineRow[]>(() =>
    initial && initial.lines.length > 0 ? initial.lines.map((line) => rowFromLine(line, initial.currency)) : [blankLine(defaultTaxRateBp)],
  );
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [validUntil, setValidUntil] = useState(toDateInput(initial?.validUntil ?? null));
  const [errors, setErrors] = useState<Record<string, LineErrors>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState<'saving' | 'sending' | 'answering' | null>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const currency = quote?.currency ?? deal.currency;
  const draft = !quote || quote.status === 'draft';
  const totals = useMemo(() => liveTotals(rows.filter((row) => !isBlank(row)), currency), [rows, currency]);

  const focusFirstError = () =>
    window.requestAnimationFrame(() => editorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  /** The lines to store, or null (with errors shown) when some line is not right yet. */
  const collectLines = (requireOne: boolean): QuoteLine[] | null => {
    const kept = rows.filter((row) => !isBlank(row));
    const found: Record<string, LineErrors> = {};
    const lines = kept.map((row) => {
      const parsed = parseRow(row, currency);
      if (Object.keys(parsed.errors).length > 0) found[row.key] = parsed.errors;
      return parsed.line;
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(undefined);
      focusFirstError();
      return null;
    }
    if (requireOne && lines.length === 0) {
      setFormError('Add at least one line before sending the quote.');
      return null;
    }
    setFormError(undefined);
    return lines;
  };

  const saveDraft = async (lines: QuoteLine[]): Promise<Quote> => {
    const validUntilAt = validUntil ? fromDateInput(validUntil) : null;
    const saved = quote
      ? await api.invoke('quotes.update', { id: quote.id, patch: { lines, notes, validUntil: validUntilAt } })
      : await api.invoke('quotes.create', { dealId: deal.id, lines, notes, validUntil: validUntilAt });
    setQuote(saved);
    return saved;
  };

  const onSave = async () => {
    const lines = collectLines(false);
    if (!lines) return;
    setBusy('saving');
    try {
      const saved = await saveDraft(lines);
      pushToast({ message: `Saved quote ${saved.number}` });
      onClose();
    } catch (error) {
      showError(error);
      setBusy(null);
    }
  };

  const onSend = async () => {
    const lines = collectLines(true);
    if (!lines) return;
    setBusy('sending');
    try {
      const saved = await saveDraft(lines);
      const sent = await api.invoke('quotes.send', { id: saved.id });
      setQuote(sent);
      pushToast({ message: `Quote ${sent.number} sent. Its PDF is in ${deal.contactName || 'the contact'}’s files.` });
    } catch (error) {
      showError(error);
    }
    setBusy(null);
  };

  const answer = async (status: 'accepted' | 'rejected') => {
    if (!quote) return;
    setBusy('answering');
    try {
      setQuote(await api.invoke('quotes.update', { id: quote.id, patch: { status } }));
      pushToast({ message: `Quote ${quote.number} marked ${status}` });
    } catch (error) {
      showError(error);
    }
    setBusy(null);
  };

  const remove = async () => {
    if (!quote) return onClose();
    try {
      await api.invoke('quotes.delete', { id: quote.id });
      pushToast({ message: `Deleted quote ${quote.number}` });
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  const title = quote ? `Quote ${quote.number}` : 'New quote';
  const working = busy !== null;
  return (
    <Dialog
      title={title}
      size="xl"
      description={
        <Cluster as="span" className="quote-editor__subtitle">
          <QuoteStatusBadge status={quote?.status ?? 'draft'} />
          <span>
            For <strong>{deal.title}</strong>
            {deal.contactName ? <> · {deal.contactName}</> : null}
            {quote?.sentAt ? <> · sent {formatDate(quote.sentAt)}</> : null}
          </span>
        </Cluster>
      }
      onClose={onClose}
      secondaryActions={
        draft ? (
          <Button variant="danger" icon="trash" onClick={() => void remove()}>
            {quote ? 'Delete draft' : 'Discard'}
          </Button>
        ) : quote.status !== 'rejected' ? (
          <Button disabled={working} onClick={() => void answer('rejected')}>
            Mark rejected
          </Button>
        ) : null
      }
      actions={
        draft ? (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button disabled={working} busy={busy === 'saving'} busyLabel="Saving…" onClick={() => void onSave()}>
              Save draft
            </Button>
            {/* Named for what it does: Fieldbook does not e-mail the quote (yet); the person sends the PDF. */}
            <Button variant="primary" icon="file" disabled={working} busy={busy === 'sending'} busyLabel="Making the PDF…" onClick={() => void onSend()}>
              Make PDF and mark as sent
            </Button>
          </>
        ) : (
          <>
            {quote.status !== 'accepted' ? (
              <Button icon="check" disabled={working} onClick={() => void answer('accepted')}>
                Mark accepted
              </Button>
            ) : null}
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </>
        )
      }
    >
      <div ref={editorRef} className="stack stack--md">
        {quote && !draft ? <QuotePdfLink quote={quote} /> : null}
        {draft ? (
          <QuoteLinesEditor
            rows={rows}
            errors={errors}
            currency={currency}
            lineTotals={rows.map((row) => (isBlank(row) ? null : (liveTotals([row], currency).lines[0]?.netMinor ?? 0)))}
            onChange={(next) => {
              setRows(next);
              setFormError(undefined);
            }}
            onAdd={() => setRows((current) => [...current, blankLine(defaultTaxRateBp)])}
          />
        ) : (
          <QuoteLinesView lines={quote?.lines ?? []} currency={currency} />
        )}
        {formError ? (
          <Notice tone="danger" role="alert" icon="alert">
            {formError}
          </Notice>
        ) : null}
        <div className="quote-editor__footer">
          <Stack gap="md" className="quote-editor__details">
            {draft ? (
              <>
                <TextField label="Valid until" type="date" width="short" hint="After this date an unanswered quote shows as expired" value={validUntil} onChange={setValidUntil} />
                <TextAreaField
                  label="Notes for the customer"
                  maxLength={5000}
                  placeholder="Payment terms, what is not included, access needed…"
                  value={notes}
                  onChange={setNotes}
                />
              </>
            ) : (
              <DetailList
                items={[
                  { term: 'Valid until', value: quote?.validUntil ? formatDate(quote.validUntil) : <span className="muted">No end date</span> },
                  { term: 'Notes', value: <span className="summary-text">{quote?.notes || <span className="muted">None</span>}</span> },
                ]}
              />
            )}
          </Stack>
          <QuoteTotalsBox totals={totals} currency={currency} />
        </div>
      </div>
    </Dialog>
  );
}
