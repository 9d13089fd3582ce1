import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeClockConversion } from '../db/clock-conversion-thread';
import type { ClockConversionProgress } from '../writes/clock-conversion';
import { createLaunchToken, hasValidToken, isAllowedHost, isAllowedOrigin, tokenCookie, tokensEqual } from './access';
import type { RunningHost } from './server';

// While a data folder of an earlier version is updated (the clocks' conversion, minutes at 100k),
// the browser host has no core yet: this small server holds its port meanwhile and serves one page
// saying how far the update is, fed by a stream of events. When the core is ready it stops
// listening, the app's host (server.ts) takes the same port, and the page, still connected, is
// told the app's tokened address and goes there. Same access rules as the app's host (access.ts).

export const upgradeEventsPath = '/upgrade/events';

export interface UpgradePage {
  /** Open this to follow the update: it carries this page's own token. */
  url: string;
  port: number;
  report(progress: ClockConversionProgress): void;
  /** Says on the page why the update stopped; the folder is as it was. */
  fail(message: string): void;
  /** Frees the port for the app's host, started by `startApp` on it, and sends the open pages there. */
  handOver(startApp: (port: number) => Promise<RunningHost>): Promise<RunningHost>;
  close(): Promise<void>;
}

interface PageState {
  percent: number;
  /** What the status line under the heading says. */
  detail: string;
}

export async function startUpgradePage(options: { port: number }): Promise<UpgradePage> {
  const token = createLaunchToken();
  const streams = new Set<ServerResponse>();
  let state: PageState = describeClockConversion(undefined);
  let port = 0;

  const server = http.createServer((request, response) => route(request, response));

  function route(request: IncomingMessage, response: ServerResponse): void {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isAllowedHost(request.headers.host, port)) return sendText(response, 403, 'Forbidden: unexpected Host header');
    if (!isAllowedOrigin(request.headers.origin, port)) return sendText(response, 403, 'Forbidden: foreign Origin');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (request.method === 'GET' && queryToken !== null) {
      if (!tokensEqual(queryToken, token)) return sendText(response, 403, 'Forbidden: wrong token');
      response.writeHead(302, { 'Set-Cookie': tokenCookie(token, port), Location: '/' });
      response.end();
      return;
    }
    if (!hasValidToken(request, token, port)) return sendText(response, 403, 'Forbidden: open Fieldbook with the address it printed at start (it carries the token)');
    if (request.method === 'GET' && url.pathname === upgradeEventsPath) return openStream(response);
    if (request.method === 'GET' && url.pathname === '/') return sendPage(response, state);
    request.resume();
    response.setHeader('Retry-After', '5');
    sendText(response, 503, 'Fieldbook is updating your data for this version; it opens when that is done.');
  }

  function openStream(response: ServerResponse): void {
    // Connection: close, so that once the stream ends the browser's next request (the app) goes
    // to whichever server listens then, not down this connection to this one.
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'close' });
    response.write(event('progress', JSON.stringify({ percent: state.percent, detail: state.detail })));
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const broadcast = (text: string) => {
    for (const stream of streams) stream.write(text);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const endStreams = () => {
    for (const stream of streams) stream.end();
    streams.clear();
  };

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    report(progress) {
      const next = describeClockConversion(progress);
      if (next.detail === state.detail) return;
      state = next;
      broadcast(event('progress', JSON.stringify({ percent: state.percent, detail: state.detail })));
    },
    fail(message) {
      state = { percent: state.percent, detail: `The update stopped: ${message} Your data is as it was.` };
      broadcast(event('failed', state.detail));
    },
    async handOver(startApp) {
      // Stops listening; the open streams stay up to be told where the app is.
      server.close();
      const host = await startApp(port);
      const app = new URL(host.url);
      broadcast(event('ready', `/${app.search}`));
      endStreams();
      server.closeAllConnections();
      return host;
    },
    close: () =>
      new Promise<void>((resolve) => {
        endStreams();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function event(name: string, data: string): string {
  return `event: ${name}\ndata: ${data}\n\n`;
}

// The page's script and style are inline and allowed by their hashes, and nothing else is.
const pageScript = `
const bar = document.getElementById('bar');
const status = document.getElementById('status');
const events = new EventSource('${upgradeEventsPath}');
let settled = false;
events.addEventListener('progress', (message) => {
  const state = JSON.parse(message.data);
  bar.value = state.percent;
  status.textContent = state.detail;
});
events.addEventListener('ready', (message) => {
  settled = true;
  events.close();
  status.textContent = 'Your data is up to date. Opening Fieldbook…';
  location.replace(message.data);
});
events.addEventListener('failed', (message) => {
  settled = true;
  events.close();
  status.textContent = message.data;
});
events.addEventListener('error', () => {
  if (!settled && events.readyState === EventSource.CLOSED) {
    status.textContent = 'Fieldbook stopped before the update was done. Your data is as it was: start Fieldbook again to finish it.';
  }
});`;

const pageStyle = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f6f7f9; color: #1d2430; }
main { max-width: 32rem; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 12%); }
h1 { font-size: 1.25rem; margin: 0 0 1rem; }
progress { width: 100%; height: 0.75rem; }
#status { font-weight: 600; }
.note { color: #4a5568; font-size: 0.9rem; }
@media (prefers-color-scheme: dark) { body { background: #14171c; color: #e6e9ee; } main { background: #1f242b; } .note { color: #a8b0bd; } }`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** The page's policy: its own inline script and style by their hashes, its event stream, nothing else. */
export const upgradePagePolicy = [
  "default-src 'none'",
  `script-src ${sha256(pageScript)}`,
  `style-src ${sha256(pageStyle)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The update's page as it stands; `live` adds the script that follows the host's events (the Electron window is updated from its main process instead). */
export function upgradePageHtml(state: PageState, live: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Updating your data — Fieldbook</title>
<style>${pageStyle}</style>
</head>
<body>
<main aria-labelledby="title">
<h1 id="title">Updating your data for this version</h1>
<progress id="bar" max="100" value="${state.percent}" aria-label="Updating your data"></progress>
<p id="status" role="status">${escapeHtml(state.detail)}</p>
<p class="note">Fieldbook opens by itself when this is done; it happens once, after an update. Stopping Fieldbook meanwhile is safe: your data stays as it was and the update starts again at the next start.</p>
</main>
${live ? `<script>${pageScript}</script>` : ''}
</body>
</html>`;
}

function sendPage(response: ServerResponse, state: PageState): void {
  const html = upgradePageHtml(state, true);
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': upgradePagePolicy,
  });
  response.end(html);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  response.end(text);
}
