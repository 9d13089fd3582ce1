import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './app-fixture';

// The browser-level counterpart of tests/main/host/server.test.ts: the page got in through the
// tokened URL, while a client without the cookie or from another origin is turned away.

test('the page that opened the tokened URL is in, at a URL without the token', async ({ app, page }) => {
  expect(page.url()).toBe(`${app.origin}/`);
  const answer = await page.request.post(`${app.origin}/rpc/app.info`, { data: {} });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ ok: true, data: { shell: 'browser', dataDir: app.dataDir } });
});

test('a client without the token gets 403 for the page and for rpc', async ({ app }) => {
  const stranger = await playwrightRequest.newContext();
  try {
    expect((await stranger.get(`${app.origin}/`)).status()).toBe(403);
    expect((await stranger.post(`${app.origin}/rpc/app.info`, { data: {} })).status()).toBe(403);
  } finally {
    await stranger.dispose();
  }
});

test('a request from a foreign Origin gets 403 even with the cookie', async ({ app, page }) => {
  const answer = await page.request.post(`${app.origin}/rpc/app.info`, {
    data: {},
    headers: { origin: 'http://evil.example' },
  });
  expect(answer.status()).toBe(403);
});

test('the page calls the core over its own WebSocket once it is open, not a request per call', async ({ app, page }) => {
  const created = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name: 'Ada Lovelace' } } });
  expect(await created.json()).toMatchObject({ ok: true });
  const framesSent: string[] = [];
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname === '/rpc-socket') socket.on('framesent', (frame) => framesSent.push(String(frame.payload)));
  });
  const searchesOverHttp: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/contacts.list') && request.postData()?.includes('lovel')) searchesOverHttp.push(request.postData() ?? '');
  });
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('lovel');
  await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  expect(framesSent.some((frame) => frame.includes('"channel":"contacts.list"') && frame.includes('"query":"lovel"'))).toBe(true);
  expect(searchesOverHttp).toEqual([]);
});
