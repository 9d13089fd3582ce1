import { useCallback, useState } from 'react';
import { vcardVersions, type ExportVcardOptions } from '../../../src-shared/domain/exchange';
import { api } from '../../api';
import { Icon } from '../../ui/Icon';
import { ExportOutcome } from './ExportPanel';
import { useJob, useStartJob } from './hooks';

const versionLabels: Record<(typeof vcardVersions)[number], string> = { '3.0': 'vCard 3.0 (phones)', '4.0': 'vCard 4.0' };

/** Every contact as a vCard file, with photos, to put on a phone or into another address book. */
export function VcardExportPanel() {
  const [version, setVersion] = useState<ExportVcardOptions['version']>('3.0');
  const start = useCallback((options: ExportVcardOptions) => api.invoke('exchange.exportVcard', options), []);
  const vcard = useStartJob(start);
  const job = useJob(vcard.jobId);
  const status = job.status;
  const running = vcard.starting || (vcard.jobId !== null && (!status || status.state === 'running'));

  return (
    <section className="card" aria-labelledby="vcard-export-title">
      <h2 id="vcard-export-title" className="card__title">
        Contacts for a phone
      </h2>
      <p className="card__help">A vCard file of every contact, with their photos, for an iPhone, Android, Outlook or another address book.</p>
      <fieldset className="export-form__field">
        <legend className="field__label">Format</legend>
        <div className="segmented">
          {vcardVersions.map((key) => (
            <label key={key} className="segmented__option">
              <input type="radio" name="vcard-version" value={key} checked={version === key} onChange={() => setVersion(key)} />
              <span>{versionLabels[key]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="import-actions import-actions--start">
        <button type="button" className="button button--primary" onClick={() => void vcard.run({ version })} disabled={running}>
          <Icon name="download" size={16} /> Export contacts as vCard
        </button>
      </div>
      <ExportOutcome label="vCard export progress" jobId={vcard.jobId} startError={vcard.startError} status={status} />
    </section>
  );
}
