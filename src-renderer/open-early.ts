import { api } from './api';
import { useUi } from './store';
import { endOfToday, startOfWeek } from './ui/dates';
import { firstContactPageQuery } from './features/contacts/contact-pages';

// Runs before the rest of the app's modules are evaluated (main.tsx imports it first, and the
// bundle keeps that order): the call socket opens (the page's events come down it), and the calls
// the first screen makes are asked for, while the shell's and the screens' modules are still
// being evaluated.

api.listen();
// What the app asks before it can show its first screen, asked side by side now rather than one
// after another as the lock gate, the shell and the dashboard mount (api.prefetch says how). The
// inputs must be exactly those the components send, or the answer goes unused. The core answers
// them in this order, one after another: the lock status and the settings gate everything, the
// dashboard's figures or the first page of contacts are what the person opened the app for, the
// sync status's count of changes not yet sent is the slowest and only fills the sidebar's indicator.
const { route } = useUi.getState();
api.prefetch('lock.status', {});
api.prefetch('settings.get', {});
if (route.name === 'dashboard') api.prefetch('dashboard.get', { endOfToday: endOfToday(), startOfWeek: startOfWeek() });
if (route.name === 'contacts') {
  api.prefetch('contacts.list', firstContactPageQuery(useUi.getState()));
  // The screen's code is fetched beside the calls rather than once the settings are in and the
  // shell asks for it (App.tsx imports the same module lazily; the browser loads it once).
  void import('./features/contacts/ContactsScreen');
}
api.prefetch('app.info', {});
api.prefetch('sync.status', {});
