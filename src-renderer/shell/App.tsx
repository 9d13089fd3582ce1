import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from '../api';
import { AllowedScreen } from '../features/access/AllowedScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { FollowUpsNavBadge } from '../features/followups/FollowUpsNavBadge';
import { ReminderCenter } from '../features/followups/ReminderCenter';
import { FirstRunChecklist } from '../features/onboarding/FirstRunChecklist';
import { ScreenPop } from '../features/phone/ScreenPop';
import { useGlobalShortcuts } from '../features/shortcuts/use-global-shortcuts';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { routeHash, type Route } from '../routes';
import { useUi } from '../store';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingState } from '../ui/LoadingState';
import { Toaster } from '../ui/Toaster';
import { Sidebar } from './Sidebar';
import { useTheme } from './use-theme';
import './shell.css';

// Screens other than the dashboard (where the app opens) and what opens only on demand (the
// palette, the shortcut sheet, the dialogs) load as their own chunks when first shown: the app
// opens parsing only what its first screen needs.
const CallsScreen = lazy(() => import('../features/calls/CallsScreen').then((module) => ({ default: module.CallsScreen })));
const JobsScreen = lazy(() => import('../features/jobs/JobsScreen').then((module) => ({ default: module.JobsScreen })));
const SegmentBuilderScreen = lazy(() => import('../features/segments/SegmentBuilderScreen').then((module) => ({ default: module.SegmentBuilderScreen })));
const SegmentsScreen = lazy(() => import('../features/segments/SegmentsScreen').then((module) => ({ default: module.SegmentsScreen })));
const AuditScreen = lazy(() => import('../features/audit/AuditScreen').then((module) => ({ default: module.AuditScreen })));
const SearchScreen = lazy(() => import('../features/search/SearchScreen').then((module) => ({ default: module.SearchScreen })));
const CompaniesScreen = lazy(() => import('../features/companies/CompaniesScreen').then((module) => ({ default: module.CompaniesScreen })));
const CompanyScreen = lazy(() => import('../features/companies/CompanyScreen').then((module) => ({ default: module.CompanyScreen })));
const SlaReportScreen = lazy(() => import('../features/calls/SlaReportScreen').then((module) => ({ default: module.SlaReportScreen })));
const TriageScreen = lazy(() => import('../features/calls/TriageScreen').then((module) => ({ default: module.TriageScreen })));
const ContactDetail = lazy(() => import('../features/contacts/ContactDetail').then((module) => ({ default: module.ContactDetail })));
const ContactsScreen = lazy(() => import('../features/contacts/ContactsScreen').then((module) => ({ default: module.ContactsScreen })));
const EditContactScreen = lazy(() => import('../features/contacts/EditContactScreen').then((module) => ({ default: module.EditContactScreen })));
const NewContactScreen = lazy(() => import('../features/contacts/NewContactScreen').then((module) => ({ default: module.NewContactScreen })));
const ExchangeScreen = lazy(() => import('../features/exchange/ExchangeScreen').then((module) => ({ default: module.ExchangeScreen })));
const FollowUpsScreen = lazy(() => import('../features/followups/FollowUpsScreen').then((module) => ({ default: module.FollowUpsScreen })));
const loadCommandPalette = () => import('../features/palette/CommandPalette');
const CommandPalette = lazy(() => loadCommandPalette().then((module) => ({ default: module.CommandPalette })));
const PipelineScreen = lazy(() => import('../features/pipeline/PipelineScreen').then((module) => ({ default: module.PipelineScreen })));
const PhoneScreen = lazy(() => import('../features/phone/PhoneScreen').then((module) => ({ default: module.PhoneScreen })));
const PhoneSettingsScreen = lazy(() => import('../features/phone/PhoneSettingsScreen').then((module) => ({ default: module.PhoneSettingsScreen })));
const MailSettingsScreen = lazy(() => import('../features/mail/MailSettingsScreen').then((module) => ({ default: module.MailSettingsScreen })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })));
const loadShortcutSheet = () => import('../features/shortcuts/ShortcutSheet');
const ShortcutSheet = lazy(() => loadShortcutSheet().then((module) => ({ default: module.ShortcutSheet })));
const loadGlobalDialogs = () => import('./GlobalDialogs');
const GlobalDialogs = lazy(() => loadGlobalDialogs().then((module) => ({ default: module.GlobalDialogs })));

/**
 * Once the first screen is up, what a key or a button opens (the palette, the shortcut sheet, the
 * app-wide dialogs) is fetched while idle, so it opens at once; before, it would compete with the
 * first screen (the dialogs' chunk carries the phone metadata and the contract's schemas).
 */
function usePrefetchOnDemand(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      void loadCommandPalette();
      void loadShortcutSheet();
      void loadGlobalDialogs();
    }, 1000);
    return () => clearTimeout(timer);
  }, [ready]);
}

/** The shell: sidebar, the routed screen, and the app-wide error banner, toasts and dialogs. */
export function App() {
  const route = useUi((state) => state.route);
  const settings = useUi((state) => state.settings);
  const paletteOpen = useUi((state) => state.paletteOpen);
  const dialogOpen = useUi((state) => state.dialog !== null);
  const mainRef = useRef<HTMLElement>(null);
  const key = routeKey(route);
  useAppBootstrap();
  usePrefetchOnDemand(settings !== null && settings !== undefined);
  useTheme(settings?.theme);
  const { sheetOpen, closeSheet } = useGlobalShortcuts();

  // A new screen starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [key]);

  return (
    <div className="app">
      <Sidebar badges={settings ? { followUps: <FollowUpsNavBadge /> } : {}} status={<SyncIndicator />} />
      <main ref={mainRef} className="app__main" aria-busy={settings ? undefined : true}>
        <ErrorBanner />
        {settings && route.name === 'dashboard' ? <FirstRunChecklist /> : null}
        {settings ? (
          <Suspense fallback={<LoadingState label="Opening…" size="page" />}>
            <RoutedScreen key={key} />
          </Suspense>
        ) : (
          <LoadingState label="Opening Fieldbook…" size="page" />
        )}
      </main>
      {/* Beside the screen in a wide window, above it in a narrow one: never over it. */}
      <div className="app__dock">{settings ? <ReminderCenter /> : null}</div>
      <Toaster />
      <Suspense fallback={null}>
        {settings && dialogOpen ? <GlobalDialogs /> : null}
        {settings && paletteOpen ? <CommandPalette /> : null}
        {sheetOpen ? <ShortcutSheet onClose={closeSheet} /> : null}
      </Suspense>
      {settings ? <ScreenPop /> : null}
    </div>
  );
}

function RoutedScreen() {
  const route = useUi((state) => state.route);
  const navigate = useUi((state) => state.navigate);
  switch (route.name) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'followUps':
      return <FollowUpsScreen view={route.view} />;
    case 'calls':
      return <CallsScreen />;
    case 'callTriage':
      return (
        <AllowedScreen title="Triage calls">
          <TriageScreen />
        </AllowedScreen>
      );
    case 'slaReport':
      return <SlaReportScreen />;
    case 'jobs':
      return <JobsScreen newFrom={route.newFrom} open={route.open} />;
    case 'search':
      return <SearchScreen initialQuery={route.query ?? ''} />;
    case 'companies':
      return <CompaniesScreen />;
    case 'company':
      return <CompanyScreen id={route.id} />;
    case 'segments':
      return <SegmentsScreen />;
    case 'segment':
      return <SegmentBuilderScreen id={route.id} />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'pipeline':
      return (
        <PipelineScreen
          pipelineId={route.pipelineId}
          view={route.view ?? 'board'}
          onLocationChange={(location) => navigate({ name: 'pipeline', ...location }, { replace: true })}
        />
      );
    case 'contacts':
      return <ContactsScreen />;
    case 'contactNew':
      return (
        <AllowedScreen title="New contact">
          <NewContactScreen phone={route.phone} callId={route.callId} />
        </AllowedScreen>
      );
    case 'contact':
      return <ContactDetail id={route.id} tab={route.tab ?? 'timeline'} />;
    case 'contactEdit':
      return (
        <AllowedScreen title="Edit contact">
          <EditContactScreen id={route.id} />
        </AllowedScreen>
      );
    case 'settings':
      return <SettingsScreen focusUserName={route.focus === 'userName'} />;
    case 'phone':
      return <PhoneScreen />;
    case 'phoneSettings':
      return <PhoneSettingsScreen />;
    case 'mailSettings':
      return (
        <AllowedScreen title="Mail accounts" why="Mail accounts bring e-mail into the team's records, which a read-only role cannot change. An admin can make you a member.">
          <MailSettingsScreen />
        </AllowedScreen>
      );
    case 'audit':
      return <AuditScreen />;
  }
}

/** Each screen starts fresh (form state, focus, scroll) when the route changes; a contact's tabs do not. */
export function routeKey(route: Route): string {
  return 'id' in route ? `${route.name}:${route.id}` : route.name;
}

/** Settings and app info, which every screen reads from the store; settings kept current. */
function useAppBootstrap() {
  const setSettings = useUi((state) => state.setSettings);
  const setAppInfo = useUi((state) => state.setAppInfo);
  const showError = useUi((state) => state.showError);
  const syncRouteFromLocation = useUi((state) => state.syncRouteFromLocation);

  useEffect(() => {
    window.addEventListener('hashchange', syncRouteFromLocation);
    // The address may have changed between the store reading it and this listener existing (a
    // link followed while the app was still starting): catch up once.
    if (window.location.hash !== routeHash(useUi.getState().route)) syncRouteFromLocation();
    return () => window.removeEventListener('hashchange', syncRouteFromLocation);
  }, [syncRouteFromLocation]);

  useEffect(() => {
    let live = true;
    const loadSettings = () =>
      api.invoke('settings.get', {}).then((settings) => {
        if (live) setSettings(settings);
      }, showError);
    void loadSettings();
    api.invoke('app.info', {}).then((info) => {
      if (live) setAppInfo(info);
    }, showError);
    const stops = [api.on('settings.changed', () => void loadSettings()), api.onResync(() => void loadSettings())];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [setSettings, setAppInfo, showError]);
}
