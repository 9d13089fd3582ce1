import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callIdForCallSid } from '../../../src-shared/domain/telephony';
import type { Relay } from '../../../src-relay/server';
import { secretBox } from '../../../src-relay/telephony/secret-box';
import { sid, TwilioApi } from '../../support/twilio-api';
import { call, createWorkspace, openTestDatabase, startTestRelay, type TestDatabase } from '../helpers/relay-harness';

// A relay that starts (again) fetches by itself the calls Twilio took while it was down.

const officeNumber = '+442079460000';
let testDb: TestDatabase;
let api: TwilioApi;
let relay: Relay | undefined;

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await new TwilioApi().start();
}, 120_000);

afterAll(async () => {
  await relay?.close();
  await api?.stop();
  await testDb?.close();
});

it('catches up on calls taken while it was down, soon after it starts', async () => {
  const box = secretBox(randomBytes(32), 'test key');
  const options = { secretBox: box, twilioHttpClient: api.httpClient(), twilioAutoRetry: false };
  const first = await startTestRelay(testDb.database, { telephony: { ...options, catchUpIntervalMs: 0 } });
  const admin = await createWorkspace(first.url);
  await call(first.url, 'POST', '/v1/telephony/settings', {
    token: admin.deviceToken,
    body: { accountSid: api.accountSid, authToken: api.authToken, officeNumbers: [officeNumber], publicUrl: first.url },
  });
  await first.close();

  const whileDown = { sid: sid('CA'), direction: 'inbound' as const, from: '+447700900135', to: officeNumber, status: 'completed', startTime: Date.now() - 20 * 60_000, durationSeconds: 75 };
  api.calls.push(whileDown, { sid: sid('CA'), parentCallSid: whileDown.sid, direction: 'outbound-dial', from: officeNumber, to: '+447700900001', status: 'completed', startTime: whileDown.startTime, durationSeconds: 70 });
  relay = await startTestRelay(testDb.database, { telephony: { ...options, catchUpIntervalMs: 60_000 } });
  const deadline = Date.now() + 20_000;
  let row: Record<string, unknown> | undefined;
  while (!row && Date.now() < deadline) {
    const pulled = await call(relay.url, 'GET', '/v1/pull?after=0&limit=1000', { token: admin.deviceToken });
    const changes = (pulled.body.changes as { change: { rowId: string; fields: Record<string, unknown> } }[]).filter((entry) => entry.change.rowId === callIdForCallSid(whileDown.sid));
    if (changes.length > 0) row = Object.assign({}, ...changes.map((entry) => entry.change.fields));
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(row).toMatchObject({ status: 'completed', number: '+447700900135', duration_seconds: 70, direction: 'inbound' });
}, 60_000);
