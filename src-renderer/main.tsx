// The design tokens and element defaults load first: tokens.css declares the cascade layers
// (tokens, base, ui, features) that every other stylesheet puts its rules in.
import './ui/tokens.css';
import './ui/base.css';
// First of our modules: it opens the event stream and asks the first screen's calls.
import './open-early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { LockGate } from './features/lock/LockGate';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>,
);
