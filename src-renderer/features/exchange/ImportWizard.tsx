import { useRef, useState } from 'react';
import type { ColumnMapping, DuplicateAction, ImportPreview, ImportReport } from '../../../src-shared/domain/exchange';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { cx } from '../../ui/class-names';
import { DropZone } from '../../ui/DropZone';
import { formatCount } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Cluster } from '../../ui/Cluster';
import { DuplicatesStep } from './DuplicatesStep';
import { useJob } from './hooks';
import { ImportHistory } from './ImportHistory';
import { ImportReportView } from './ImportReportView';
import { JobProgress } from './JobProgress';
import { MappingStep } from './MappingStep';
import { PreviewTable } from './PreviewTable';

type StepName = 'choose' | 'mapping' | 'duplicates' | 'running' | 'report';

const stepLabels: { name: StepName; label: string }[] = [
  { name: 'choose', label: 'Choose a file' },
  { name: 'mapping', label: 'Match columns' },
  { name: 'duplicates', label: 'Duplicates' },
  { name: 'running', label: 'Import' },
];

interface Choices {
  mapping: ColumnMapping[] | undefined;
  onDuplicate: DuplicateAction;
  decisions: Record<string, DuplicateAction>;
}

/**
 * Upload -> exchange.previewImport (again on every change of a choice) -> exchange.runImport ->
 * progress and cancel -> report with undo. Nothing is stored before the run.
 */
export function ImportWizard() {
  const [step, setStep] = useState<StepName>('choose');
  const [upload, setUpload] = useState<{ uploadId: string; fileName: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Choices>({ mapping: undefined, onDuplicate: 'skip', decisions: {} });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const previewRequest = useRef(0);
  // The job's outcome moves the wizard on: a report, or back a step with the reason.
  const job = useJob(jobId, (settled) => {
    if (settled.importReport) {
      setReport(settled.importReport);
      setStep('report');
    } else {
      setError(settled.error ? `The import stopped. ${settled.error.message}` : 'The import stopped before it finished. Nothing from it was kept.');
      setJobId(null);
      setCancelling(false);
      setStep('duplicates');
    }
  });

  const options = (chosen: Choices) => ({
    uploadId: upload!.uploadId,
    fileName: upload!.fileName,
    ...(chosen.mapping ? { mapping: chosen.mapping } : {}),
    onDuplicate: chosen.onDuplicate,
    decisions: chosen.decisions,
  });

  const refreshPreview = async (chosen: Choices) => {
    setChoices(chosen);
    if (!upload) return;
    const request = ++previewRequest.current;
    setBusy(true);
    try {
      const next = await api.invoke('exchange.previewImport', options(chosen));
      if (request === previewRequest.current) setPreview(next);
      setError(null);
    } catch (caught) {
      if (request === previewRequest.current) setError(`The file could not be checked again. ${describeError(caught)}`);
    } finally {
      if (request === previewRequest.current) setBusy(false);
    }
  };

  const chooseFile = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const staged = await api.uploadFile(file, 'import');
      const first = await api.invoke('exchange.previewImport', { uploadId: staged.uploadId, fileName: file.name });
      setUpload({ uploadId: staged.uploadId, fileName: file.name });
      setPreview(first);
      setChoices({ mapping: first.format === 'csv' ? first.mapping : undefined, onDuplicate: 'skip', decisions: {} });
      setStep(first.format === 'csv' ? 'mapping' : 'duplicates');
    } catch (caught) {
      setError(`${file.name} could not be read. ${describeError(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      const started = await api.invoke('exchange.runImport', options(choices));
      setJobId(started.jobId);
      setStep('running');
    } catch (caught) {
      setError(`The import could not start. ${describeError(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    try {
      await api.invoke('exchange.cancel', { jobId });
    } catch (caught) {
      setError(`The import could not be stopped. ${describeError(caught)}`);
      setCancelling(false);
    }
  };

  const startOver = () => {
    setStep('choose');
    setUpload(null);
    setPreview(null);
    setReport(null);
    setJobId(null);
    setCancelling(false);
    setError(null);
    setChoices({ mapping: undefined, onDuplicate: 'skip', decisions: {} });
    setHistoryKey((key) => key + 1);
  };

  const importable = preview ? preview.counts.created + preview.counts.updated : 0;
  const currentIndex = stepLabels.findIndex((item) => item.name === (step === 'report' ? 'running' : step));

  return (
    <Card title="Import contacts" aside={upload && step !== 'choose' ? upload.fileName : undefined}>
      <Cluster as="ol" className="wizard-steps meta strong" aria-label="Import steps">
        {stepLabels.map((item, index) => (
          <li key={item.name} className={cx('wizard-steps__step', index < currentIndex && 'wizard-steps__step--done')} aria-current={index === currentIndex ? 'step' : undefined}>
            <span className="wizard-steps__number" aria-hidden="true">
              {index + 1}
            </span>
            {item.label}
          </li>
        ))}
      </Cluster>

      {error ? (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      ) : null}

      {step === 'choose' ? (
        <>
          <DropZone
            title="Drag a contacts file here"
            dropTitle="Drop to read the file"
            description="A CSV from Google Contacts, Outlook, HubSpot, Salesforce, Pipedrive or a spreadsheet, or a vCard (.vcf) from a phone. Nothing is stored until you confirm."
            buttonLabel="Choose a CSV or vCard file"
            busy={busy}
            busyLabel="Reading…"
            accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/vcard"
            onFiles={([file]) => {
              if (file) void chooseFile(file);
            }}
          />
          <ImportHistory reloadKey={historyKey} />
        </>
      ) : null}

      {step === 'mapping' && preview && choices.mapping ? (
        <>
          <MappingStep preview={preview} mapping={choices.mapping} onChange={(mapping) => void refreshPreview({ ...choices, mapping })} />
          <Cluster justify="end">
            <Button onClick={startOver}>Choose another file</Button>
            <Button variant="primary" onClick={() => setStep('duplicates')} disabled={busy}>
              Next: duplicates
            </Button>
          </Cluster>
        </>
      ) : null}

      {step === 'duplicates' && preview ? (
        <>
          {preview.format === 'vcard' ? (
            // A vCard has no columns to match, so its cards are first seen here.
            <section className="exchange-section" aria-labelledby="import-cards-title">
              <h3 id="import-cards-title" className="exchange-subtitle">
                Cards as they will be stored
              </h3>
              <PreviewTable rows={preview.preview} />
            </section>
          ) : null}
          <DuplicatesStep
            preview={preview}
            onDuplicate={choices.onDuplicate}
            decisions={choices.decisions}
            onChangeDefault={(onDuplicate) => void refreshPreview({ ...choices, onDuplicate, decisions: {} })}
            onChangeRow={(line, action) => void refreshPreview({ ...choices, decisions: { ...choices.decisions, [String(line)]: action } })}
          />
          <Cluster justify="end">
            <Button onClick={() => (preview.format === 'csv' ? setStep('mapping') : startOver())}>Back</Button>
            <Button variant="primary" onClick={() => void run()} disabled={busy || importable === 0}>
              {importable === 0 ? 'Nothing to import' : `Import ${formatCount(importable, 'contact')}`}
            </Button>
          </Cluster>
        </>
      ) : null}

      {step === 'running' ? <JobProgress label="Import progress" status={job.status} onCancel={() => void cancel()} cancelling={cancelling} /> : null}

      {step === 'report' && report ? <ImportReportView report={report} onStartOver={startOver} /> : null}
    </Card>
  );
}
