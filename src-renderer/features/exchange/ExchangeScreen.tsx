import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import { VcardExportPanel } from './VcardExportPanel';
import './exchange.css';
import { WhenAllowed } from '../access/WhenAllowed';

/** Import & export: the import wizard, CSV, JSON and vCard exports, and backups. */
export function ExchangeScreen() {
  return (
    <Screen>
      <PageHeader title="Import & export" meta="Bring contacts in from other apps, take your data out, and keep backups." />
      <WhenAllowed>
        <ImportWizard />
      </WhenAllowed>
      <div className="exchange-columns">
        <ExportPanel />
        <VcardExportPanel />
        <BackupPanel />
      </div>
    </Screen>
  );
}
