import type twilio from 'twilio';
import type { RelayDb } from '../db/open';
import type { Route } from '../routes/types';
import { PhoneAccounts } from './accounts';
import { catchUpCalls, catchUpSince } from './catch-up';
import type { Telephony } from './context';
import { deviceRoutes } from './device-routes';
import { databaseRecordingStore } from './recording-store';
import { RelayAuthor } from './relay-author';
import type { SecretBox } from './secret-box';
import { textHooks } from './texts';
import { twilioGateway } from './twilio-gateway';
import { loadTwilio } from './twilio-sdk';
import { voiceHooks } from './voice-hooks';

// The office phone line at the relay: Twilio's webhooks, the device routes, and the periodic
// catch-up from Twilio's call history. The design is in docs/phone.md.

export interface TelephonyOptions {
  /** Seals the Twilio credentials at rest; without it the phone line cannot be set up. */
  secretBox?: SecretBox;
  /** The twilio package's documented `httpClient` option (tests point it at a local server). */
  twilioHttpClient?: twilio.RequestClient;
  /** Retry Twilio's 429 answers (default on). */
  twilioAutoRetry?: boolean;
  /** How often to catch up on calls missed while down; 0 turns it off (default 15 minutes). */
  catchUpIntervalMs?: number;
}

export interface TelephonyModule {
  routes: Route[];
  /** Catches up every workspace's calls now; also run at start and every catchUpIntervalMs. */
  catchUpAll(): Promise<void>;
  close(): void;
}

export function createTelephony(
  db: RelayDb,
  now: () => number,
  logError: (where: string, error: unknown) => void,
  options: TelephonyOptions = {},
): TelephonyModule {
  const t: Telephony = {
    db,
    now,
    accounts: new PhoneAccounts(db, options.secretBox, now),
    author: new RelayAuthor(db, now),
    recordings: databaseRecordingStore(db, now),
    gateway: (account) =>
      twilioGateway(account.credentials, {
        ...(options.twilioHttpClient ? { httpClient: options.twilioHttpClient } : {}),
        ...(options.twilioAutoRetry !== undefined ? { autoRetry: options.twilioAutoRetry } : {}),
      }),
    logError,
  };

  let running: Promise<void> | undefined;
  const catchUpAll = async () => {
    const workspaceIds = await t.accounts.workspaceIds();
    if (workspaceIds.length > 0) await loadTwilio();
    for (const workspaceId of workspaceIds) {
      try {
        const account = await t.accounts.load(workspaceId);
        if (account) await catchUpCalls(t, account, { since: catchUpSince(account, now()) });
      } catch (error) {
        logError('telephony.catch-up', error);
      }
    }
  };
  const runOnce = () => (running ??= catchUpAll().finally(() => (running = undefined)));

  const intervalMs = options.catchUpIntervalMs ?? 15 * 60 * 1000;
  const timers: NodeJS.Timeout[] = [];
  if (intervalMs > 0 && options.secretBox) {
    // Soon after start (calls missed while the relay was down), then periodically.
    timers.push(setTimeout(() => void runOnce(), 1000), setInterval(() => void runOnce(), intervalMs));
    for (const timer of timers) timer.unref();
  }

  return {
    routes: [...voiceHooks(t), ...textHooks(t), ...deviceRoutes(t)].map(loadingTwilioFirst),
    catchUpAll: runOnce,
    close() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

/** The route, with the twilio package loaded before its handler runs (twilio-sdk.ts says why). */
function loadingTwilioFirst(route: Route): Route {
  const handle = route.handle as (context: never) => Promise<unknown>;
  return {
    ...route,
    async handle(context: never) {
      await loadTwilio();
      return handle(context);
    },
  } as Route;
}
