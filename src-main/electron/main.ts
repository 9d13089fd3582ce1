import { app, BrowserWindow, dialog } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { resolveDataDir } from '../core/data-dir';
import { appEntryUrl, registerAppScheme, serveRenderer } from './app-protocol';
import { registerFileIpc } from './files';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { startReminderNotifications } from './reminders';
import { safeStorageCipher } from './safe-storage-cipher';
import { keychainKeySource, passphraseKeySource } from '../security/key-source';
import { securePermissions } from '../core/private-files';
import { clockConversionPending } from '../db/open';
import { convertClocksInThread } from '../db/clock-conversion-thread';
import { openUpgradeWindow, type UpgradeWindow } from './upgrade-window';
import { hardenSession, restrictNavigation } from './security';
import { filesWhenUnlocked, osUnlock } from './os-unlock';

// The Electron entry (bundled as dist/electron/main.cjs, package.json "main"). Thin on purpose:
// a window, the app:// protocol, IPC and menus around the same core the browser host runs.

const dataDir = resolveDataDir(process.argv, process.env);
// Chromium's profile and the single-instance lock live in the data folder, so one data folder
// is opened by one process at a time while `--data-dir` copies (tests, demos) run side by side.
app.setPath('userData', path.join(dataDir, 'electron'));
registerAppScheme();
restrictNavigation();

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start, (error: unknown) => failAndQuit('Fieldbook could not start', error));
}

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  const secretCipher = safeStorageCipher();
  // The database key is sealed by the OS keychain. Without a real one (Linux with no keyring
  // running) it is sealed by FIELDBOOK_PASSPHRASE, which `npm start` asks for at the terminal.
  const passphrase = process.env.FIELDBOOK_PASSPHRASE;
  const migrationsFolder = path.join(appPath, 'migrations', 'local');
  const sqliteBinding = electronSqliteBinding(appPath);
  let upgradeWindow: UpgradeWindow | undefined;
  try {
    if (!secretCipher && passphrase === undefined) {
      throw new Error('this computer has no keychain to seal the database key; start Fieldbook with FIELDBOOK_PASSPHRASE set');
    }
    securePermissions(dataDir);
    const keys = (secretCipher ? keychainKeySource(secretCipher, passphrase) : passphraseKeySource(passphrase!)).unlock(dataDir);
    const file = path.join(dataDir, 'fieldbook.db');
    const key = keys.databaseKey ?? undefined;
    if (clockConversionPending({ file, key, ...sqliteBinding })) {
      // A data folder of an earlier version: updated first, in a worker thread, with a window saying how far.
      const window = openUpgradeWindow();
      upgradeWindow = window;
      const run = convertClocksInThread({ file, key, migrationsFolder, ...sqliteBinding, onProgress: (progress) => window.report(progress) });
      // Should the worker fail (a packaging that cannot start it), the open below converts in
      // this thread, and fails the same way if the data is at fault.
      await run.finished.catch((error: unknown) => console.error('Updating the data in a worker thread failed; updating it here instead:', error));
    }
    core = createCore({
      dataDir,
      shell: 'electron',
      keys,
      migrationsFolder,
      ...sqliteBinding,
      ...(secretCipher ? { secretCipher } : {}),
      lock: { ...withOsUnlock() },
    });
  } catch (error) {
    failAndQuit(`Fieldbook could not open its data folder (${dataDir})`, error);
    return;
  }
  hardenSession();
  const lock = core.lock;
  const files = filesWhenUnlocked(core.files, () => lock.isLocked());
  serveRenderer(path.join(appPath, 'dist', 'renderer'), files);
  registerIpc(core);
  registerFileIpc({ files });
  installMenu(dataDir);
  mainWindow = createWindow(path.join(appPath, 'dist', 'electron', 'preload.cjs'));
  // Closed once the app's window shows, so there is always one window (closing the last one quits).
  mainWindow.once('ready-to-show', () => upgradeWindow?.close());
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  startReminderNotifications(core, () => mainWindow);
}

function withOsUnlock(): { osUnlock?: ReturnType<typeof osUnlock> & object } {
  const found = osUnlock();
  return found ? { osUnlock: found } : {};
}

function createWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    title: 'Fieldbook',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

/**
 * better-sqlite3 for Electron's ABI. A release has node_modules rebuilt by electron-builder, so the
 * default binding is right there; in development node_modules holds the Node build (for tests and
 * the browser host), and scripts/start.mjs builds an Electron one into dist/native/electron.
 */
function electronSqliteBinding(appPath: string): { nativeBinding?: string } {
  const fromEnv = process.env.FIELDBOOK_ELECTRON_SQLITE;
  if (fromEnv) return { nativeBinding: fromEnv };
  if (app.isPackaged) return {};
  const built = path.join(appPath, 'dist', 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(built) ? { nativeBinding: built } : {};
}

function failAndQuit(title: string, error: unknown): void {
  console.error(title, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}
