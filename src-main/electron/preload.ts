import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { bridgeGlobalName, type FieldbookBridge, type NavigationTarget } from '../../src-shared/ipc/bridge';
import { eventIpcChannel, navigateIpcChannel, openFileIpcChannel, rpcIpcChannel, stageFileIpcChannel } from './ipc-channels';

// Runs sandboxed with context isolation, so it is bundled into one CommonJS file
// (dist/electron/preload.cjs) and may only require 'electron'. The page gets `window.fieldbook`
// and nothing else: no ipcRenderer, no Node. The counterpart is ipc.ts; the browser host's
// transport for the same bridge is in src-renderer/api.ts.

// The contract's channel and event names, written in by scripts/build.mjs: importing the
// contract itself would pack its zod schemas (all of zod) into this bundle. The main process still
// checks every call against the real contract (core.invoke).
declare const FIELDBOOK_CHANNEL_NAMES: readonly string[];
declare const FIELDBOOK_EVENT_NAMES: readonly string[];
const channelNames = new Set<string>(FIELDBOOK_CHANNEL_NAMES);
const eventNames = new Set<string>(FIELDBOOK_EVENT_NAMES);

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all subscriptions, so subscribing many times never piles up on ipcRenderer.
ipcRenderer.on(eventIpcChannel, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const navigateListeners = new Set<(target: NavigationTarget) => void>();
ipcRenderer.on(navigateIpcChannel, (_event, target: unknown) => {
  if (!isNavigationTarget(target)) return;
  for (const listener of navigateListeners) listener(target);
});

function isNavigationTarget(value: unknown): value is NavigationTarget {
  const candidate = value as Partial<NavigationTarget> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.kind === 'contact' && typeof candidate.contactId === 'string';
}

const bridge: FieldbookBridge = {
  invoke(channel, input) {
    if (!channelNames.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: `There is no channel named "${String(channel)}"` },
      });
    }
    return ipcRenderer.invoke(rpcIpcChannel, channel, input);
  },
  on(event, listener) {
    if (!eventNames.has(event)) throw new Error(`There is no event named "${String(event)}"`);
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped: Listener = (payload) => listener(payload as never);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
  stageFile(file, purpose = 'file') {
    // Only a real File from a picker or a drop has a path; the main process reads it from disk.
    const filePath = webUtils.getPathForFile(file as File);
    if (!filePath) {
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'Fieldbook cannot read that file.', field: 'file' } });
    }
    return ipcRenderer.invoke(stageFileIpcChannel, filePath, purpose);
  },
  openFile(sha256) {
    return ipcRenderer.invoke(openFileIpcChannel, sha256);
  },
  onNavigate(listener) {
    navigateListeners.add(listener);
    return () => {
      navigateListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
