import { useEffect } from 'react';
import { api } from './api';
import { ContactDetail } from './features/contacts/ContactDetail';
import { ContactsScreen } from './features/contacts/ContactsScreen';
import { EditContactScreen } from './features/contacts/EditContactScreen';
import { NewContactScreen } from './features/contacts/NewContactScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { useUi } from './store';
import { ErrorBanner } from './ui/ErrorBanner';
import { Sidebar } from './ui/Sidebar';
import { Toaster } from './ui/Toaster';

/** The shell: sidebar, the routed screen, and the app-wide error banner and toasts. */
export function App() {
  const route = useUi((state) => state.route);
  const settings = useUi((state) => state.settings);
  useAppBootstrap();

  return (
    <div className="app">
      <Sidebar />
      <main className="main" aria-busy={settings ? undefined : true}>
        <ErrorBanner />
        {settings ? <RoutedScreen key={routeKey(route)} /> : <p className="loading-screen">Opening Fieldbook…</p>}
      </main>
      <Toaster />
    </div>
  );
}

function RoutedScreen() {
  const route = useUi((state) => state.route);
  switch (route.name) {
    case 'contacts':
      return <ContactsScreen />;
    case 'contactNew':
      return <NewContactScreen />;
    case 'contact':
      return <ContactDetail id={route.id} />;
    case 'contactEdit':
      return <EditContactScreen id={route.id} />;
    case 'settings':
      return <SettingsScreen focusUserName={route.focus === 'userName'} />;
  }
}

// Each screen starts fresh (form state, focus) when the route changes.
function routeKey(route: ReturnType<typeof useUi.getState>['route']): string {
  return 'id' in route ? `${route.name}:${route.id}` : route.name;
}

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
    const stop = api.on('settings.changed', () => void loadSettings());
    return () => {
      live = false;
      stop();
    };
  }, [setSettings, setAppInfo, showError]);
}
