import { useEffect, useRef } from 'react';
import { api } from '../api';
import { AuditScreen } from '../features/audit/AuditScreen';
import { CallsScreen } from '../features/calls/CallsScreen';
import { JobsScreen } from '../features/jobs/JobsScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { CompaniesScreen } from '../features/companies/CompaniesScreen';
import { CompanyScreen } from '../features/companies/CompanyScreen';
import { TriageScreen } from '../features/calls/TriageScreen';
import { ContactDetail } from '../features/contacts/ContactDetail';
import { ContactsScreen } from '../features/contacts/ContactsScreen';
import { EditContactScreen } from '../features/contacts/EditContactScreen';
import { NewContactScreen } from '../features/contacts/NewContactScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { FollowUpsNavBadge } from '../features/followups/FollowUpsNavBadge';
import { FollowUpsScreen } from '../features/followups/FollowUpsScreen';
import { ReminderCenter } from '../features/followups/ReminderCenter';
import { CommandPalette } from '../features/palette/CommandPalette';
import { PipelineScreen } from '../features/pipeline/PipelineScreen';
import { PhoneScreen } from '../features/phone/PhoneScreen';
import { PhoneSettingsScreen } from '../features/phone/PhoneSettingsScreen';
import { MailSettingsScreen } from '../features/mail/MailSettingsScreen';
import { FirstRunChecklist } from '../features/onboarding/FirstRunChecklist';
import { ScreenPop } from '../features/phone/ScreenPop';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ShortcutSheet } from '../features/shortcuts/ShortcutSheet';
import { useGlobalShortcuts } from '../features/shortcuts/use-global-shortcuts';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import type { Route } from '../routes';
import { useUi } from '../store';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingState } from '../ui/LoadingState';
import { Toaster } from '../ui/Toaster';
import { GlobalDialogs } from './GlobalDialogs';
import { Sidebar } from './Sidebar';
import { useTheme } from './use-theme';
import './shell.css';

/** The shell: sidebar, the routed screen, and the app-wide error banner, toasts and dialogs. */
export function App() {
  const route = useUi((state) => state.route);
  const settings = useUi((state) => state.settings);
  const paletteOpen = useUi((state) => state.paletteOpen);
  const mainRef = useRef<HTMLElement>(null);
  const key = routeKey(route);
  useAppBootstrap();
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
        {settings ? <RoutedScreen key={key} /> : <LoadingState label="Opening Fieldbook…" size="page" />}
      </main>
      {/* Beside the screen in a wide window, above it in a narrow one: never over it. */}
      <div className="app__dock">{settings ? <ReminderCenter /> : null}</div>
      <Toaster />
      {settings ? <GlobalDialogs /> : null}
      {settings ? <ScreenPop /> : null}
      {settings && paletteOpen ? <CommandPalette /> : null}
      {sheetOpen ? <ShortcutSheet onClose={closeSheet} /> : null}
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
      return <TriageScreen />;
    case 'jobs':
      return <JobsScreen newFrom={route.newFrom} open={route.open} />;
    case 'search':
      return <SearchScreen initialQuery={route.query ?? ''} />;
    case 'companies':
      return <CompaniesScreen />;
    case 'company':
      return <CompanyScreen id={route.id} />;
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
      return <NewContactScreen phone={route.phone} callId={route.callId} />;
    case 'contact':
      return <ContactDetail id={route.id} tab={route.tab ?? 'timeline'} />;
    case 'contactEdit':
      return <EditContactScreen id={route.id} />;
    case 'settings':
      return <SettingsScreen focusUserName={route.focus === 'userName'} />;
    case 'phone':
      return <PhoneScreen />;
    case 'phoneSettings':
      return <PhoneSettingsScreen />;
    case 'mailSettings':
      return <MailSettingsScreen />;
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
