import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { openRelayDatabase, type RelayDatabase } from '../../src-relay/db/open';
import { createRelay, type Relay } from '../../src-relay/server';
import { secretBox } from '../../src-relay/telephony/secret-box';
import { twilioWebhookPath, type TwilioWebhook } from '../../src-shared/sync/telephony';
import { TwilioApi } from '../support/twilio-api';
import { expect, test } from './app-fixture';

// The phone line for a spec: a relay on PGlite with its Twilio REST API answered locally
// (tests/support/twilio-api.ts), started before the spec's tests and stopped after, and Twilio's
// webhooks posted signed, as Twilio posts them.

export const officeNumber = '+442079460000';

export interface PhoneLine {
  readonly relay: Relay;
  readonly api: TwilioApi;
  /** Posts a webhook to the relay signed with the account's auth token; Twilio's documented form fields. */
  webhook(workspaceId: string, hook: TwilioWebhook, params: Record<string, string>, query?: Record<string, string>): Promise<void>;
}

export function usePhoneLine(): PhoneLine {
  let relayDir: string;
  let database: RelayDatabase | undefined;
  let relay: Relay | undefined;
  let api: TwilioApi | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-phone-e2e-relay-'));
    api = await new TwilioApi().start();
    api.addNumber(officeNumber);
    database = await openRelayDatabase({ dataDir: relayDir });
    relay = await createRelay({
      database,
      logger: () => {},
      telephony: { secretBox: secretBox(randomBytes(32), 'e2e key'), twilioHttpClient: api.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 },
    });
  });

  test.afterAll(async () => {
    await relay?.close();
    await database?.close();
    await api?.stop();
    fs.rmSync(relayDir, { recursive: true, force: true });
  });

  return {
    get relay() {
      return relay!;
    },
    get api() {
      return api!;
    },
    async webhook(workspaceId, hook, params, query) {
      const pathAndQuery = `${twilioWebhookPath(workspaceId, hook)}${query ? `?${new URLSearchParams(query)}` : ''}`;
      const response = await fetch(`${relay!.url}${pathAndQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(api!.authToken, `${relay!.url}${pathAndQuery}`, params) },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
    },
  };
}
