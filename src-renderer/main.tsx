// The design tokens and element defaults load first: tokens.css declares the cascade layers
// (tokens, base, ui, features) that every other stylesheet puts its rules in.
import './ui/tokens.css';
import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './shell/App';
import { LockGate } from './features/lock/LockGate';
import { useUi } from './store';
import { endOfToday, startOfWeek } from './ui/dates';

api.listen();
// What the app asks before it can show its first screen, asked side by side now rather than one
// after another as the lock gate, the shell and the dashboard mount (api.prefetch says how). The
// inputs must be exactly those the components send, or the answer goes unused.
api.prefetch('lock.status', {});
api.prefetch('settings.get', {});
api.prefetch('app.info', {});
api.prefetch('sync.status', {});
if (useUi.getState().route.name === 'dashboard') api.prefetch('dashboard.get', { endOfToday: endOfToday(), startOfWeek: startOfWeek() });
const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>,
);
