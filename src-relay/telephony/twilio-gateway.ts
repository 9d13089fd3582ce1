import type twilio from 'twilio';
import type { CallInstance } from 'twilio/lib/rest/api/v2010/account/call';
import { twilioSdk } from './twilio-sdk';

// Everything the relay asks of Twilio's REST API, through the `twilio` package. Tests point the
// package at a local server with its documented `httpClient` option (a RequestClient subclass);
// nothing here knows whether the other end is Twilio or that server.

export interface TwilioCredentials {
  accountSid: string;
  /** Signs webhooks; also authenticates REST calls when no API key is set. */
  authToken: string;
  apiKeySid?: string;
  apiKeySecret?: string;
}

export interface TwilioClientOptions {
  /** A RequestClient of the caller's (tests: one that rewrites the origin). */
  httpClient?: twilio.RequestClient;
  /** Retry 429 answers with backoff (default on; tests turn it off). */
  autoRetry?: boolean;
}

/** A refusal or failure of Twilio, in words for the admin. */
export class TwilioProblem extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly twilioCode?: number,
  ) {
    super(message);
    this.name = 'TwilioProblem';
  }
}

export interface CallsPage {
  calls: CallInstance[];
  next(): Promise<CallsPage | undefined>;
}

const audioClients = new WeakSet<twilio.RequestClient>();

/**
 * The package's RequestClient decodes every body as text; a recording is bytes. Requests that
 * ask for audio get the raw bytes instead (axios's documented `responseType`).
 */
function returnAudioAsBytes(client: twilio.RequestClient): void {
  if (audioClients.has(client)) return;
  audioClients.add(client);
  client.axios.interceptors.request.use((config) => {
    const accept = String(config.headers?.Accept ?? config.headers?.accept ?? '');
    if (accept.startsWith('audio/')) config.responseType = 'arraybuffer';
    return config;
  });
}

export function twilioGateway(credentials: TwilioCredentials, options: TwilioClientOptions = {}) {
  const sdk = twilioSdk();
  const httpClient = options.httpClient ?? new sdk.RequestClient({ autoRetry: options.autoRetry ?? true });
  returnAudioAsBytes(httpClient);
  const clientOptions = { accountSid: credentials.accountSid, httpClient, autoRetry: options.autoRetry ?? true };
  const client =
    credentials.apiKeySid && credentials.apiKeySecret
      ? sdk(credentials.apiKeySid, credentials.apiKeySecret, clientOptions)
      : sdk(credentials.accountSid, credentials.authToken, clientOptions);
  const account = client.api.v2010.accounts(credentials.accountSid);

  const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw describeTwilioError(what, error);
    }
  };

  type TwilioPage = { instances: CallInstance[]; nextPageUrl?: string; nextPage(): Promise<unknown> | undefined };
  const wrapPage = (page: TwilioPage): CallsPage => ({
    calls: page.instances,
    next: async () => {
      if (!page.nextPageUrl) return undefined;
      const next = (await attempt('read the call history', async () => page.nextPage())) as TwilioPage | undefined;
      return next ? wrapPage(next) : undefined;
    },
  });

  return {
    /** Checks the credentials by reading the account; the answer is for the admin, in plain words. */
    async test(): Promise<{ ok: boolean; message: string }> {
      try {
        const fetched = await account.fetch();
        if (fetched.status !== 'active') {
          return { ok: false, message: `Twilio knows this account ("${fetched.friendlyName}"), but it is ${fetched.status}, not active.` };
        }
        return { ok: true, message: `Connected to the Twilio account "${fetched.friendlyName}".` };
      } catch (error) {
        return { ok: false, message: describeTwilioError('check the account', error).message };
      }
    },

    /** Points the number's voice and messaging webhooks at the relay. */
    async configureNumber(number: string, urls: { voice: string; voiceStatus: string; messaging: string }): Promise<void> {
      const [found] = await attempt(`find ${number}`, () => client.incomingPhoneNumbers.list({ phoneNumber: number, limit: 1 }));
      if (!found) throw new TwilioProblem(`The number ${number} is not in this Twilio account.`, 404);
      await attempt(`configure ${number}`, () =>
        client.incomingPhoneNumbers(found.sid).update({
          voiceUrl: urls.voice,
          voiceMethod: 'POST',
          statusCallback: urls.voiceStatus,
          statusCallbackMethod: 'POST',
          smsUrl: urls.messaging,
          smsMethod: 'POST',
        }),
      );
    },

    /** The first page of calls started at or after `since`, newest first (Twilio's order). */
    async callsSince(since: Date, pageSize: number): Promise<CallsPage> {
      const page = await attempt('read the call history', () => client.calls.page({ startTimeAfter: since, pageSize }));
      return wrapPage(page);
    },

    async createCall(input: { to: string; from: string; url: string; statusCallback: string }): Promise<{ sid: string; status: string }> {
      const call = await attempt(`call ${input.to}`, () =>
        client.calls.create({
          to: input.to,
          from: input.from,
          url: input.url,
          method: 'POST',
          statusCallback: input.statusCallback,
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
        }),
      );
      return { sid: call.sid, status: call.status };
    },

    async createMessage(input: { to: string; from: string; body: string; statusCallback: string }): Promise<{ sid: string; status: string }> {
      const message = await attempt(`text ${input.to}`, () => client.messages.create(input));
      return { sid: message.sid, status: message.status };
    },

    /** The recording as MP3 bytes (Twilio answers the media URL with a redirect to the file). */
    async downloadRecording(recordingSid: string): Promise<Buffer> {
      const uri = `https://api.twilio.com/2010-04-01/Accounts/${credentials.accountSid}/Recordings/${recordingSid}.mp3`;
      const response = await attempt('download the recording', () =>
        client.request({ method: 'get', uri, headers: { Accept: 'audio/mpeg' }, allowRedirects: true }),
      );
      if (response.statusCode !== 200) {
        throw new TwilioProblem(`Twilio did not give the recording ${recordingSid} (HTTP ${response.statusCode}).`, response.statusCode);
      }
      return Buffer.from(response.body as ArrayBuffer);
    },

    async deleteRecording(recordingSid: string): Promise<void> {
      await attempt('delete the recording at Twilio', () => account.recordings(recordingSid).remove());
    },
  };
}

export type TwilioGateway = ReturnType<typeof twilioGateway>;

function describeTwilioError(what: string, error: unknown): TwilioProblem {
  if (error instanceof TwilioProblem) return error;
  const rest = error as { status?: number; code?: number; message?: string };
  if (typeof rest.status === 'number') {
    if (rest.status === 401 || rest.code === 20003) {
      return new TwilioProblem('Twilio refused the Account SID and auth token (or API key): check them in the Twilio console.', 401, rest.code);
    }
    return new TwilioProblem(`Twilio could not ${what}: ${rest.message ?? `HTTP ${rest.status}`}.`, rest.status, rest.code);
  }
  const code = (error as { code?: string }).code;
  return new TwilioProblem(`The relay could not reach Twilio to ${what}${code ? ` (${code})` : ''}. Check the relay's internet connection.`, 0);
}
