import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScreenPop } from '../../../src-shared/domain/telephony';
import type { TwilioWebhook } from '../../../src-shared/sync/telephony';
import { postTwilioWebhook } from '../../support/twilio-webhook';
import { openRelayDatabase, type RelayDatabase } from '../../../src-relay/db/open';
import { createRelay, type Relay } from '../../../src-relay/server';
import { secretBox } from '../../../src-relay/telephony/secret-box';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { TwilioApi } from '../../support/twilio-api';

// An office: a relay on PGlite with its phone line, Twilio's REST API at tests/support/twilio-api.ts,
// and laptops (real cores) in its workspace, syncing live. Webhooks are posted as Twilio posts
// them: form-encoded and signed with the account's auth token over the relay's URL.

export const officeNumber = '+442079460000';
export const annMobile = '+447700900001';

export interface Office {
  relay: Relay;
  api: TwilioApi;
  laptops: TempCore[];
  workspaceId: string;
  /** The relay's database, to read what it keeps. */
  relayDatabase(): RelayDatabase;
  webhook(hook: TwilioWebhook, params: Record<string, string>, query?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Stops the relay (its database stays); `restartRelay` starts it again on the same data. */
  stopRelay(): Promise<void>;
  restartRelay(): Promise<void>;
  close(): Promise<void>;
}

export async function openOffice(options: { laptops?: number; handling?: Record<string, unknown> } = {}): Promise<Office> {
  const relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-phone-relay-'));
  const api = await new TwilioApi().start();
  api.addNumber(officeNumber);
  const box = secretBox(randomBytes(32), 'test key');
  let database: RelayDatabase = await openRelayDatabase({ dataDir: relayDir });
  const start = async (port = 0) =>
    createRelay({
      database,
      port,
      logger: () => {},
      rateLimit: { perSecond: 1e6, burst: 1e6 },
      telephony: { secretBox: box, twilioHttpClient: api.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 },
    });
  let relay = await start();
  const laptops: TempCore[] = [];
  const admin = createTempCore({ now: Date.now });
  laptops.push(admin);
  await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Whitfield Plumbing', memberName: 'Ann' });
  const workspace = await admin.call('sync.workspace', {});
  await admin.call('phone.saveSettings', {
    accountSid: api.accountSid,
    authToken: api.authToken,
    officeNumbers: [officeNumber],
    publicUrl: relay.url,
    handling: { ringTargets: [{ memberId: workspace.you.memberId, name: 'Ann', mobile: annMobile }], ...options.handling },
  });
  for (let index = 1; index < (options.laptops ?? 1); index += 1) {
    const laptop = createTempCore({ now: Date.now });
    const { inviteCode } = await admin.call('sync.invite', {});
    await laptop.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: `Teammate ${index}` });
    laptops.push(laptop);
  }
  const office: Office = {
    relay,
    api,
    laptops,
    workspaceId: workspace.workspace.id,
    relayDatabase: () => database,
    webhook: (hook, params, query) => postTwilioWebhook(relay.url, { workspaceId: office.workspaceId, authToken: api.authToken }, hook, params, query),
    async stopRelay() {
      await relay.close();
      await database.close();
    },
    async restartRelay() {
      database = await openRelayDatabase({ dataDir: relayDir });
      // The same port: the laptops and the configured public URL still point there.
      relay = await start(relay.port);
      office.relay = relay;
    },
    async close() {
      for (const laptop of laptops) laptop.dispose();
      await relay.close().catch(() => {});
      await database.close().catch(() => {});
      await api.stop();
      fs.rmSync(relayDir, { recursive: true, force: true });
    },
  };
  return office;
}

/** Waits until `check` returns something truthy (sync is asynchronous), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'the condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The next screen pop a laptop shows. */
export function nextScreenPop(laptop: TempCore, timeoutMs = 5000): Promise<ScreenPop> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no screen pop'));
    }, timeoutMs);
    const stop = laptop.on('phone.incomingCall', (pop) => {
      clearTimeout(timer);
      stop();
      resolve(pop);
    });
  });
}

export const voiceParams = (callSid: string, fields: Record<string, string>) => ({ AccountSid: 'AC', CallSid: callSid, ApiVersion: '2010-04-01', Direction: 'inbound', ...fields });
