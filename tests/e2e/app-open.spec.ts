import { expect, test } from './app-fixture';

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
