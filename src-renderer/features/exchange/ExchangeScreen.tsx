import { PageTitle } from '../../ui/PageTitle';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import { VcardExportPanel } from './VcardExportPanel';
import './exchange.css';

/** Import & export: the import wizard, CSV, JSON and vCard exports, and backups. */
export function ExchangeScreen() {
  return (
    <div className="screen exchange-screen">
      <header className="page-header">
        <div>
          <PageTitle>Import &amp; export</PageTitle>
          <p className="page-header__meta">Bring contacts in from other apps, take your data out, and keep backups.</p>
        </div>
      </header>
      <ImportWizard />
      <div className="exchange-columns">
        <ExportPanel />
        <VcardExportPanel />
        <BackupPanel />
      </div>
    </div>
  );
}
