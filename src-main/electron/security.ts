import { app, session, shell, type Session } from 'electron';
import { contentSecurityPolicy } from '../host/content-security-policy';
import { isAppUrl, isStoredFileUrl } from './app-protocol';

// The checklist of Electron's security guide that is not a webPreferences flag (those are set in
// main.ts): a CSP on every response, no permissions, no navigation away from our page, no new
// windows. Links to the web open in the user's browser instead.

export function hardenSession(target: Session = session.defaultSession): void {
  // app:// responses carry the policy already (app-protocol.ts); this covers anything else the
  // page might load, so no response escapes it.
  target.webRequest.onHeadersReceived((details, callback) => {
    // DevTools (development only) is a page of its own and would break under our policy.
    if (details.url.startsWith('devtools:') || isStoredFileUrl(details.url)) return callback({});
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  // Camera, notifications, geolocation…: nothing the CRM page asks for; notifications come from main.
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

export function restrictNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isWebUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
