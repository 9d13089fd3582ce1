import type { appChannels } from '../../src-shared/ipc/app';
import { mergeDistinct, type HandlerMap } from '../../src-shared/ipc/channel';
import type { ChannelOutput, Handlers } from '../../src-shared/ipc/contract';
import { callsHandlers } from '../calls/handlers';
import type { CallsService } from '../calls/service';
import type { CallExports } from '../calls/exports';
import { contactsHandlers } from '../contacts/handlers';
import type { ContactsService } from '../contacts/service';
import type { ContactPhotos } from '../files/contact-photos';
import { dashboardHandlers } from '../dashboard/handlers';
import type { DashboardService } from '../dashboard/service';
import { exchangeHandlers } from '../exchange/handlers';
import type { ExchangeService } from '../exchange/service';
import { filesHandlers } from '../files/handlers';
import type { FileTransfers } from '../files/jobs';
import type { FilesService } from '../files/service';
import { followUpsHandlers } from '../followups/handlers';
import { mailHandlers } from '../mail/handlers';
import type { MailService } from '../mail/service';
import type { FollowUpsService } from '../followups/service';
import { notesHandlers } from '../notes/handlers';
import type { NotesService } from '../notes/service';
import type { PipelineAnalytics } from '../pipeline/analytics';
import type { createPhoneModule } from '../phone';
import { pipelineHandlers } from '../pipeline/handlers';
import type { QuotesService } from '../pipeline/quotes';
import type { ContactScorer } from '../pipeline/scores';
import type { PipelineService } from '../pipeline/service';
import { searchHandlers } from '../search/handlers';
import type { SearchService } from '../search/service';
import { settingsHandlers } from '../settings/handlers';
import type { SettingsService } from '../settings/service';
import { syncHandlers } from '../sync/handlers';
import type { SyncService } from '../sync/service';
import type { SetAsideStore } from '../sync/set-aside';
import type { SyncEngine } from '../sync/sync-engine';
import { timelineHandlers } from '../timeline/handlers';
import type { TimelineService } from '../timeline/service';
import { intakeHandlers } from '../intake/handlers';
import { jobsHandlers } from '../jobs/handlers';
import { revenueHandlers } from '../revenue/handlers';
import type { RevenueService } from '../revenue/service';
import type { JobsService } from '../jobs/service';
import { lifecycleHandlers } from '../lifecycle/handlers';
import type { LifecycleService } from '../lifecycle/service';
import { companiesHandlers } from '../companies/handlers';
import type { CompanyLinker } from '../companies/linking';
import type { Merger } from '../companies/merge';
import type { CompaniesService } from '../companies/service';
import { privacyHandlers } from '../privacy/handlers';
import type { PrivacyService } from '../privacy/service';
import type { Retention } from '../privacy/retention';
import type { UpgradeProgressTracker } from '../privacy/upgrade-progress';
import { auditHandlers } from '../audit/handlers';
import type { AuditService } from '../audit/service';
import { segmentsHandlers } from '../segments/handlers';
import type { SegmentsService } from '../segments/service';
import { viewsHandlers } from '../views/handlers';
import type { ViewsService } from '../views/service';
import { lockHandlers } from '../lock/handlers';
import type { AppLock } from '../lock/app-lock';
import { bulkHandlers } from '../bulk/handlers';
import type { BulkService } from '../bulk/service';

export interface HandlerServices {
  app: ChannelOutput<'app.info'>;
  contacts: ContactsService;
  photos: ContactPhotos;
  settings: SettingsService;
  notes: NotesService;
  followUps: FollowUpsService;
  calls: CallsService;
  files: FilesService;
  fileTransfers: FileTransfers;
  timeline: TimelineService;
  dashboard: DashboardService;
  search: SearchService;
  syncEngine: SyncEngine;
  syncService: SyncService;
  setAside: SetAsideStore;
  exchange: ExchangeService;
  pipelines: PipelineService;
  quotes: QuotesService;
  analytics: PipelineAnalytics;
  scorer: ContactScorer;
  /** The phone line's handlers, built with its module (src-main/phone/index.ts). */
  phoneLine: ReturnType<typeof createPhoneModule>['handlers'];
  mail: MailService;
  jobs: JobsService;
  revenue: RevenueService;
  lifecycle: LifecycleService;
  companies: CompaniesService;
  companyLinker: CompanyLinker;
  merger: Merger;
  privacy: PrivacyService;
  upgradeProgress: UpgradeProgressTracker;
  retention: Retention;
  audit: AuditService;
  segments: SegmentsService;
  appLock: AppLock;
  views: ViewsService;
  bulk: BulkService;
  callExports: CallExports;
}

/**
 * The core's handler map: every domain's handlers (src-main/<domain>/handlers.ts) as one object.
 * `satisfies Handlers` makes a channel without a handler fail to compile; mergeDistinct makes a
 * channel handled by two domains stop the core at start.
 */
export function registerHandlers(services: HandlerServices) {
  const appHandlers = { 'app.info': () => services.app } satisfies HandlerMap<typeof appChannels>;
  return mergeDistinct('channel handler', [
    appHandlers,
    contactsHandlers(services.contacts, services.photos, services.merger),
    settingsHandlers(services.settings, services.files),
    notesHandlers(services.notes),
    followUpsHandlers(services.followUps),
    callsHandlers(services.calls, services.callExports),
    filesHandlers(services.files, services.fileTransfers),
    timelineHandlers(services.timeline),
    dashboardHandlers(services.dashboard),
    searchHandlers(services.search),
    syncHandlers(services.syncEngine, services.syncService, services.setAside),
    exchangeHandlers(services.exchange),
    pipelineHandlers(services.pipelines, services.quotes, services.analytics, services.scorer),
    services.phoneLine,
    mailHandlers(services.mail),
    intakeHandlers(services.syncEngine, services.settings),
    jobsHandlers(services.jobs),
    revenueHandlers(services.revenue),
    lifecycleHandlers(services.lifecycle),
    companiesHandlers(services.companies, services.companyLinker, services.merger),
    privacyHandlers(services.privacy, services.retention, services.upgradeProgress),
    auditHandlers(services.audit),
    segmentsHandlers(services.segments),
    lockHandlers(services.appLock),
    viewsHandlers(services.views),
    bulkHandlers(services.bulk, services.exchange, services.settings),
  ]) satisfies Handlers;
}
