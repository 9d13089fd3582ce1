import { BrowserWindow } from 'electron';
import { describeClockConversion } from '../db/clock-conversion-thread';
import { upgradePageHtml, upgradePagePolicy } from '../host/upgrade-page';
import type { ClockConversionProgress } from '../writes/clock-conversion';

// The small window shown while a data folder of an earlier version is updated before the app
// opens (the clocks' conversion, minutes at 100k). The same page as the browser host's
// (host/upgrade-page.ts) without its script: the conversion runs in a worker thread
// (db/clock-conversion-thread.ts), so this main process stays free to update the page itself.
// Closing the window quits; the update is one transaction, so the folder stays as it was.

export interface UpgradeWindow {
  report(progress: ClockConversionProgress): void;
  fail(message: string): void;
  close(): void;
}

export function openUpgradeWindow(): UpgradeWindow {
  let state = describeClockConversion(undefined);
  const window = new BrowserWindow({
    width: 560,
    height: 320,
    resizable: false,
    title: 'Updating your data — Fieldbook',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
  });
  window.setMenuBarVisibility(false);
  const page = upgradePageHtml(state, false).replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${upgradePagePolicy}">`);
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
  const show = (text: string, percent: number) => {
    if (window.isDestroyed()) return;
    window.setProgressBar(percent / 100);
    // Run by the main process in the page, which has no script of its own.
    void window.webContents
      .executeJavaScript(`document.getElementById('bar').value = ${percent}; document.getElementById('status').textContent = ${JSON.stringify(text)};`)
      .catch(() => {});
  };
  return {
    report(progress) {
      const next = describeClockConversion(progress);
      if (next.detail === state.detail) return;
      state = next;
      show(state.detail, state.percent);
    },
    fail(message) {
      show(`The update stopped: ${message} Your data is as it was.`, state.percent);
    },
    close() {
      if (!window.isDestroyed()) window.close();
    },
  };
}
