import { api } from './api';
import { useUi } from './store';
import { endOfToday, startOfWeek } from './ui/dates';

// Runs before the rest of the app's modules are evaluated (main.tsx imports it first, and the
// bundle keeps that order): the event stream opens, and the calls the first screen makes are
// asked for, while the shell's and the screens' modules are still being evaluated.

api.listen();
// What the app asks before it can show its first screen, asked side by side now rather than one
// after another as the lock gate, the shell and the dashboard mount (api.prefetch says how). The
// inputs must be exactly those the components send, or the answer goes unused. The core answers
// them in this order, one after another: the lock status and the settings gate everything, the
// dashboard's figures are what the person opened the app for, the sync status's count of changes
// not yet sent is the slowest and only fills the sidebar's indicator.
api.prefetch('lock.status', {});
api.prefetch('settings.get', {});
if (useUi.getState().route.name === 'dashboard') api.prefetch('dashboard.get', { endOfToday: endOfToday(), startOfWeek: startOfWeek() });
api.prefetch('app.info', {});
api.prefetch('sync.status', {});
