import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../src-relay/server';
import { call, createWorkspace, openLive, openTestDatabase, startTestRelay, type TestDatabase } from './helpers/relay-harness';

// Guessing device tokens: after a few unknown tokens from one address the relay answers 429
// with when to retry, over HTTP and on the live socket alike; known devices are never held up.

let testDb: TestDatabase;
let relay: Relay;
beforeAll(async () => {
  testDb = await openTestDatabase();
  relay = await startTestRelay(testDb.database, { failedAuthLimit: { perSecond: 0.5, burst: 4 } });
}, 120_000);
afterAll(async () => {
  await relay?.close();
  await testDb?.close();
});

const guess = () => randomBytes(32).toString('base64url');

describe('unknown device tokens', () => {
  it('are limited per address, with a retry time, while known devices carry on', async () => {
    const admin = await createWorkspace(relay.url);
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    for (let index = 0; index < 7; index += 1) {
      const answer = await call(relay.url, 'GET', '/v1/pull?after=0', { token: guess() });
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429, 429]);
    expect(refused!.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/unknown device tokens/) });
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    await expect(openLive(relay.url, guess()).opened).rejects.toThrow('HTTP 429');
    expect((await call(relay.url, 'GET', '/v1/workspace', { token: admin.deviceToken })).status).toBe(200);
    const live = openLive(relay.url, admin.deviceToken);
    await live.opened;
    live.socket.close();
  });
});
