import type { Locator, Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app-fixture';

// The app opened at the contacts list asks for the list's first page with its opening calls
// (src-renderer/open-early.ts), so the core reads it while the page is still loading the screen,
// and the screen takes that answer instead of asking again.

test('opened at the contacts list, the first page is asked for once, with the opening calls, and shown', async ({ app, page }) => {
  const created = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name: 'Ada Lovelace' } } });
  expect(await created.json()).toMatchObject({ ok: true });
  // Only the hash changes here; the reload below opens the app at it.
  await page.goto(`${app.origin}/#/contacts`);
  const channelsSent: string[] = [];
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname !== '/rpc-socket') return;
    socket.on('framesent', (frame) => channelsSent.push((JSON.parse(String(frame.payload)) as { channel: string }).channel));
  });
  const listsOverHttp: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/contacts.list')) listsOverHttp.push(request.postData() ?? '');
  });
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  // The screen's own calls (its saved views) come after the opening ones; the page was asked before them.
  await expect.poll(() => channelsSent.includes('views.list')).toBe(true);
  expect(channelsSent.filter((channel) => channel === 'contacts.list')).toHaveLength(1);
  expect(listsOverHttp).toEqual([]);
  expect(channelsSent.indexOf('contacts.list')).toBeLessThan(channelsSent.indexOf('views.list'));
});

/** Opens the app at the contacts list with Ada Lovelace in it, noting each `/events` request from the reload on. */
async function openListNotingStreams(app: RunningApp, page: Page) {
  await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name: 'Ada Lovelace' } } });
  await page.goto(`${app.origin}/#/contacts`);
  const streams: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/events') streams.push(request.url());
  });
  await page.reload();
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  return { grid, streams };
}

/** Another window (here: a plain HTTP call) adds a contact while the list is shown: it appears. */
async function addedElsewhereAppears(app: RunningApp, page: Page, grid: Locator, name: string) {
  const created = await page.request.post(`${app.origin}/rpc/contacts.create`, { data: { draft: { name } } });
  expect(await created.json()).toMatchObject({ ok: true });
  await expect(grid.getByRole('link', { name })).toBeVisible();
}

test('a contact added from elsewhere after the list showed appears in it, its event carried by the call socket: no event stream opened', async ({ app, page }) => {
  const { grid, streams } = await openListNotingStreams(app, page);
  await addedElsewhereAppears(app, page, grid, 'Grace Hopper');
  expect(streams).toEqual([]);
});

test('where the call socket cannot be made, the app opens over HTTP and the event stream keeps the list current', async ({ app, page }) => {
  await page.addInitScript(() => {
    // As a browser or proxy that allows no WebSocket: the page's socket cannot be made.
    window.WebSocket = class {
      constructor() {
        throw new Error('WebSocket is not allowed here');
      }
    } as unknown as typeof WebSocket;
  });
  const { grid, streams } = await openListNotingStreams(app, page);
  await addedElsewhereAppears(app, page, grid, 'Katherine Johnson');
  expect(streams).toHaveLength(1);
});
