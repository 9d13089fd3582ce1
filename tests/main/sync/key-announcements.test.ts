import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { useTestRelay } from '../../helpers/test-relay';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { contactChanged, until } from '../../helpers/waits';

// A laptop asks the relay for the workspace's keys (GET /v1/keys) only when they may have changed:
// while its live channel is open to a relay that announces key changes (src-relay/live.ts), a
// push goes without it; an announcement (a teammate's new laptop) makes it ask at once. A relay of
// an earlier version greets with no hello and announces nothing: the laptop then asks every cycle.

const relay = useTestRelay('key-news');

/** A core that syncs on its own; its HTTP requests are logged in order as "GET /v1/keys" etc. */
function loggingCore(rewrite: (url: URL) => URL = (url) => url): TempCore & { requests: string[] } {
  const requests: string[] = [];
  const logging: typeof fetch = (input, init) => {
    const url = rewrite(new URL(String(input)));
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return fetch(url, init);
  };
  return Object.assign(createTempCore({ fetch: logging }), { requests });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

/** Ann (admin) and Ben in one workspace, both caught up, their live sockets open and their cycles settled. */
async function teamOf(relayUrl: string, ann: TempCore, ben: TempCore): Promise<string> {
  await ann.call('sync.createWorkspace', { relayUrl, workspaceName: 'Harbour Plumbing', memberName: 'Ann' });
  const { inviteCode } = await ann.call('sync.invite', {});
  await ben.call('sync.join', { relayUrl, inviteCode, memberName: 'Ben' });
  const { id } = await ann.call('contacts.create', { draft: { name: 'Dee Jones' }, allowDuplicate: true });
  await until(() => ann.sync.status().state === 'synced' && ann.sync.status().keyEpoch !== null, 'Ann has pushed, sealed');
  await ben.sync.syncNow();
  await until(() => ben.sync.status().keyEpoch !== null, 'Ben holds the key');
  await settle();
  await ann.sync.syncNow();
  await ben.sync.syncNow();
  await settle();
  return id;
}

/** Ann edits the contact three times, each pushed and seen by Ben before the next. */
async function threeEdits(ann: TempCore, ben: TempCore, id: string): Promise<void> {
  for (const jobTitle of ['Owner', 'Director', 'Chair']) {
    const seen = contactChanged(ben, id);
    await ann.call('contacts.update', { id, patch: { jobTitle } });
    await seen;
    expect((await ben.call('contacts.get', { id })).jobTitle).toBe(jobTitle);
  }
  await until(() => ann.sync.status().state === 'synced', 'Ann has nothing left to push');
}

const count = (requests: readonly string[], request: string) => requests.filter((entry) => entry === request).length;

describe('key checks before a push', () => {
  it("skips GET /v1/keys while the relay announces key changes, and asks once a teammate's new laptop is announced", async () => {
    const ann = loggingCore();
    const ben = loggingCore();
    const cal = loggingCore();
    try {
      const id = await teamOf(relay.url, ann, ben);
      const from = ann.requests.length;
      await threeEdits(ann, ben, id);
      const quiet = ann.requests.slice(from);
      expect(count(quiet, 'POST /v1/push')).toBe(3);
      expect(count(quiet, 'GET /v1/keys')).toBe(0);

      // Cal joins: his device key is announced, Ann asks for the keys at once and seals the key
      // ring to him, without an edit of hers and long before her periodic sync.
      const { inviteCode } = await ann.call('sync.invite', {});
      const beforeCal = ann.requests.length;
      await cal.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Cal' });
      await until(() => count(ann.requests.slice(beforeCal), 'GET /v1/keys') > 0, 'Ann asks for the keys');
      await cal.sync.syncNow();
      expect(cal.sync.status().keyEpoch).toBe(ann.sync.status().keyEpoch);
      expect((await cal.call('contacts.get', { id })).jobTitle).toBe('Chair');
    } finally {
      ann.dispose();
      ben.dispose();
      cal.dispose();
    }
  }, 90_000);

  it('asks before every push, and still syncs, with a relay of an earlier version (no hello, no announcements)', async () => {
    const earlier = await earlierRelay(relay.url);
    const toRelay = (url: URL) => new URL(url.pathname + url.search, relay.url);
    const ann = loggingCore(toRelay);
    const ben = loggingCore(toRelay);
    try {
      const id = await teamOf(earlier.url, ann, ben);
      expect(earlier.dropped()).toBeGreaterThan(0);
      const from = ann.requests.length;
      await threeEdits(ann, ben, id);
      const cycles = ann.requests.slice(from);
      expect(count(cycles, 'POST /v1/push')).toBe(3);
      expect(count(cycles, 'GET /v1/keys')).toBeGreaterThanOrEqual(3);
    } finally {
      ann.dispose();
      ben.dispose();
      await earlier.close();
    }
  }, 90_000);
});

/**
 * The live channel of a relay of an earlier version, in front of the real one: it passes every
 * message but the hello and key announcements, which earlier relays never sent. (The laptops'
 * HTTP requests go to the real relay through their fetch.)
 */
async function earlierRelay(relayUrl: string): Promise<{ url: string; dropped: () => number; close: () => Promise<void> }> {
  let dropped = 0;
  const server = http.createServer((_request, response) => response.writeHead(502).end());
  const sockets = new WebSocketServer({ server, handleProtocols: (offered) => [...offered][0] ?? false });
  sockets.on('connection', (laptop, request) => {
    const upstream = new WebSocket(new URL('/v1/live', relayUrl.replace(/^http/, 'ws')), [String(request.headers['sec-websocket-protocol'])]);
    upstream.on('message', (data) => {
      const type = (JSON.parse(String(data)) as { type?: string }).type;
      if (type === 'hello' || type === 'keys') dropped += 1;
      else laptop.send(String(data));
    });
    upstream.on('close', () => laptop.close());
    upstream.on('error', () => laptop.terminate());
    laptop.on('close', () => upstream.terminate());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
