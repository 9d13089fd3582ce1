import { useCallback, useState } from 'react';
import { vcardVersions, type ExportVcardOptions } from '../../../src-shared/domain/exchange';
import { api } from '../../api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Segmented } from '../../ui/Segmented';
import { ExportOutcome } from './ExportOutcome';
import { useJob, useStartJob } from './hooks';

const versionLabels: Record<ExportVcardOptions['version'], string> = { '3.0': 'vCard 3.0 (phones)', '4.0': 'vCard 4.0' };

/** Every contact as a vCard file, with their photos, to put on a phone or into another address book. */
export function VcardExportPanel() {
  const [version, setVersion] = useState<ExportVcardOptions['version']>('3.0');
  const start = useCallback((options: ExportVcardOptions) => api.invoke('exchange.exportVcard', options), []);
  const vcard = useStartJob(start);
  const status = useJob(vcard.jobId).status;
  const running = vcard.starting || (vcard.jobId !== null && (!status || status.state === 'running'));

  return (
    <Card title="Contacts for a phone" help="A vCard file of every contact, with their photos, for an iPhone, Android, Outlook or another address book.">
      <Segmented label="Format" showLabel options={vcardVersions} labels={versionLabels} value={version} onChange={setVersion} />
      <div className="exchange-actions exchange-actions--start">
        <Button variant="primary" icon="download" onClick={() => void vcard.run({ version })} disabled={running}>
          Export contacts as vCard
        </Button>
      </div>
      <ExportOutcome label="vCard export progress" jobId={vcard.jobId} startError={vcard.startError} status={status} />
    </Card>
  );
}
