import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import type { PhoneSettingsInput } from '../../../src-shared/domain/telephony';
import { twilioWebhookPath, type TwilioWebhook } from '../../../src-shared/sync/telephony';
import type { DeviceCredentials } from '../../../src-shared/sync/protocol';
import type { Relay } from '../../../src-relay/server';
import { secretBox } from '../../../src-relay/telephony/secret-box';
import { TwilioApi } from '../../support/twilio-api';
import { call, createWorkspace, openTestDatabase, startTestRelay, type TestDatabase } from '../helpers/relay-harness';

// A real relay on PGlite with a phone line, Twilio's REST API answered by tests/support/twilio-api.ts,
// and webhooks posted form-encoded as Twilio posts them, signed with the account's auth token
// over the URL the relay was configured with.

export const officeNumber = '+442079460000';
export const annMobile = '+447700900001';
export const benMobile = '+447700900002';

export interface PhoneRelay {
  relay: Relay;
  api: TwilioApi;
  admin: DeviceCredentials;
  testDb: TestDatabase;
  /** Posts a signed webhook; `signature` overrides the header (or `null` leaves it out). */
  webhook(hook: TwilioWebhook, params: Record<string, string>, options?: WebhookOptions): Promise<{ status: number; body: string }>;
  /** Every change of the workspace, as a laptop would pull it. */
  pull(): Promise<PulledChange[]>;
  /** The rows of a table as the changes so far make them (later changes win, field by field). */
  rows(table: string): Promise<Map<string, Record<string, string | number | null>>>;
  close(): Promise<void>;
}

export interface WebhookOptions {
  query?: Record<string, string>;
  signature?: string | null;
  workspaceId?: string;
  authToken?: string;
}

export interface PulledChange {
  seq: number;
  change: { tableName: string; rowId: string; fields: Record<string, string | number | null>; author: string; deviceId: string; hlc: string };
}

export async function startPhoneRelay(handling: PhoneSettingsInput['handling'] = {}, options: { adminName?: string } = {}): Promise<PhoneRelay> {
  const testDb = await openTestDatabase();
  const api = await new TwilioApi().start();
  api.addNumber(officeNumber);
  const relay = await startTestRelay(testDb.database, {
    telephony: { secretBox: secretBox(randomBytes(32), 'test key'), twilioHttpClient: api.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 },
  });
  const admin = await createWorkspace(relay.url, 'Whitfield Plumbing', options.adminName ?? 'Ann');
  const saved = await call(relay.url, 'POST', '/v1/telephony/settings', {
    token: admin.deviceToken,
    body: {
      accountSid: api.accountSid,
      authToken: api.authToken,
      officeNumbers: [officeNumber],
      publicUrl: relay.url,
      handling: { ringTargets: [{ memberId: admin.memberId, name: 'Ann', mobile: annMobile }], ...handling },
    } satisfies PhoneSettingsInput,
  });
  if (saved.status !== 200) throw new Error(`saving phone settings: ${saved.status} ${JSON.stringify(saved.body)}`);

  const pull = async (): Promise<PulledChange[]> => {
    const all: PulledChange[] = [];
    let after = 0;
    for (;;) {
      const page = await call(relay.url, 'GET', `/v1/pull?after=${after}&limit=1000`, { token: admin.deviceToken });
      all.push(...(page.body.changes as PulledChange[]));
      after = all[all.length - 1]?.seq ?? after;
      if (!page.body.hasMore) return all;
    }
  };

  return {
    relay,
    api,
    admin,
    testDb,
    async webhook(hook, params, webhookOptions = {}) {
      const search = webhookOptions.query ? `?${new URLSearchParams(webhookOptions.query)}` : '';
      const path = `${twilioWebhookPath(webhookOptions.workspaceId ?? admin.workspaceId, hook)}${search}`;
      const signature =
        webhookOptions.signature === undefined
          ? twilio.getExpectedTwilioSignature(webhookOptions.authToken ?? api.authToken, `${relay.url}${path}`, params)
          : webhookOptions.signature;
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (signature !== null) headers['x-twilio-signature'] = signature;
      const response = await fetch(`${relay.url}${path}`, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
      return { status: response.status, body: await response.text() };
    },
    pull,
    async rows(table) {
      const rows = new Map<string, Record<string, string | number | null>>();
      for (const { change } of await pull()) {
        if (change.tableName !== table) continue;
        rows.set(change.rowId, { ...(rows.get(change.rowId) ?? {}), ...change.fields });
      }
      return rows;
    },
    async close() {
      await relay.close();
      await api.stop();
      await testDb.close();
    },
  };
}

/** The parameters Twilio posts for a call (voice URL, status callback), per its documentation. */
export function callParams(callSid: string, fields: Record<string, string>, accountSid: string): Record<string, string> {
  return { AccountSid: accountSid, ApiVersion: '2010-04-01', CallSid: callSid, Direction: 'inbound', ...fields };
}
