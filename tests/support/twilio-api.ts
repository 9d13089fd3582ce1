import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type BaseRequestClient from 'twilio/lib/base/RequestClient';

// A local HTTP server answering the part of Twilio's REST API (2010-04-01) that Fieldbook uses,
// with the JSON Twilio documents for each resource: the account, the Calls list (paged with
// next_page_uri, newest first, filtered by StartTime>=), creating calls and messages, recording
// media (a redirect to the file, as Twilio does), deleting recordings, and the incoming phone
// numbers. The real `twilio` package talks to it through its documented `httpClient` option:
// a RequestClient subclass that sends each request to this server instead of api.twilio.com.
// It is the double at Twilio's HTTP boundary; nothing inside Fieldbook knows about it.

export const sid = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;

const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

export interface FakeCall {
  sid: string;
  parentCallSid?: string;
  direction: 'inbound' | 'outbound-api' | 'outbound-dial';
  from: string;
  to: string;
  status: string;
  startTime: number;
  durationSeconds: number;
}

export interface TwilioApiOptions {
  accountSid?: string;
  authToken?: string;
  friendlyName?: string;
  accountStatus?: 'active' | 'suspended' | 'closed';
}

export class TwilioApi {
  readonly accountSid: string;
  readonly authToken: string;
  friendlyName: string;
  accountStatus: string;
  /** The account's call log, as the Calls list serves it. */
  readonly calls: FakeCall[] = [];
  readonly recordings = new Map<string, Buffer>();
  readonly deletedRecordings: string[] = [];
  readonly createdCalls: Record<string, string>[] = [];
  readonly createdMessages: Record<string, string>[] = [];
  readonly numbers = new Map<string, { sid: string; settings: Record<string, string> }>();
  /** How many Calls list pages were served. */
  pagesServed = 0;
  private server: http.Server | undefined;
  url = '';

  constructor(options: TwilioApiOptions = {}) {
    this.accountSid = options.accountSid ?? sid('AC');
    this.authToken = options.authToken ?? randomBytes(16).toString('hex');
    this.friendlyName = options.friendlyName ?? 'Whitfield Plumbing';
    this.accountStatus = options.accountStatus ?? 'active';
  }

  addNumber(number: string): string {
    const numberSid = sid('PN');
    this.numbers.set(number, { sid: numberSid, settings: {} });
    return numberSid;
  }

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ code: 20500, message: String(error), status: 500 }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** The `httpClient` for the twilio package: every request goes to this server. */
  httpClient(): twilio.RequestClient {
    return localTwilioClient(() => this.url);
  }

  callJson(call: FakeCall) {
    const uri = `/2010-04-01/Accounts/${this.accountSid}/Calls/${call.sid}.json`;
    return {
      account_sid: this.accountSid,
      annotation: null,
      answered_by: null,
      api_version: '2010-04-01',
      caller_name: null,
      date_created: rfc2822(call.startTime),
      date_updated: rfc2822(call.startTime + call.durationSeconds * 1000),
      direction: call.direction,
      duration: String(call.durationSeconds),
      end_time: call.status === 'completed' ? rfc2822(call.startTime + call.durationSeconds * 1000) : null,
      forwarded_from: null,
      from: call.from,
      from_formatted: call.from,
      group_sid: null,
      parent_call_sid: call.parentCallSid ?? null,
      phone_number_sid: null,
      price: null,
      price_unit: 'USD',
      sid: call.sid,
      start_time: rfc2822(call.startTime),
      status: call.status,
      subresource_uris: { recordings: uri.replace('.json', '/Recordings.json') },
      to: call.to,
      to_formatted: call.to,
      trunk_sid: null,
      uri,
      queue_time: '0',
    };
  }

  private authorised(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const [user, password] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
    return user === this.accountSid && password === this.authToken;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    // The recording file itself, where Twilio's media URL redirects to: no Twilio auth.
    const media = /^\/media\/(RE[0-9a-f]{32})\.mp3$/.exec(url.pathname);
    if (media) {
      const bytes = this.recordings.get(media[1]!);
      if (!bytes) return send(404, { message: 'Not found' });
      response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(bytes.length) });
      response.end(bytes);
      return;
    }
    if (!this.authorised(request)) {
      return send(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    const form = new URLSearchParams(await readBody(request));
    const base = `/2010-04-01/Accounts/${this.accountSid}`;
    const path = url.pathname;
    const method = request.method ?? 'GET';

    if (method === 'GET' && path === `${base}.json`) {
      return send(200, { sid: this.accountSid, friendly_name: this.friendlyName, status: this.accountStatus, type: 'Full', uri: `${base}.json` });
    }
    if (method === 'GET' && path === `${base}/Calls.json`) return send(200, this.callsPage(url, base));
    if (method === 'POST' && path === `${base}/Calls.json`) {
      const fields = Object.fromEntries(form);
      this.createdCalls.push(fields);
      const call: FakeCall = { sid: sid('CA'), direction: 'outbound-api', from: fields.From ?? '', to: fields.To ?? '', status: 'queued', startTime: Date.now(), durationSeconds: 0 };
      this.calls.push(call);
      return send(201, this.callJson(call));
    }
    if (method === 'POST' && path === `${base}/Messages.json`) {
      const fields = Object.fromEntries(form);
      this.createdMessages.push(fields);
      const messageSid = sid('SM');
      return send(201, {
        account_sid: this.accountSid,
        api_version: '2010-04-01',
        body: fields.Body,
        date_created: rfc2822(Date.now()),
        date_sent: null,
        date_updated: rfc2822(Date.now()),
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: fields.From,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid: messageSid,
        status: 'queued',
        subresource_uris: { media: `${base}/Messages/${messageSid}/Media.json` },
        to: fields.To,
        uri: `${base}/Messages/${messageSid}.json`,
      });
    }
    const recording = new RegExp(`^${base}/Recordings/(RE[0-9a-f]{32})\\.(mp3|json)$`).exec(path);
    if (recording && method === 'GET' && recording[2] === 'mp3') {
      if (!this.recordings.has(recording[1]!)) return send(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      response.writeHead(302, { location: `${this.url}/media/${recording[1]}.mp3` });
      response.end();
      return;
    }
    if (recording && method === 'DELETE' && recording[2] === 'json') {
      this.deletedRecordings.push(recording[1]!);
      return send(204);
    }
    if (method === 'GET' && path === `${base}/IncomingPhoneNumbers.json`) {
      const wanted = url.searchParams.get('PhoneNumber');
      const found = [...this.numbers].filter(([number]) => !wanted || number === wanted);
      return send(200, {
        incoming_phone_numbers: found.map(([number, entry]) => this.numberJson(base, number, entry)),
        next_page_uri: null,
        page: 0,
        page_size: 50,
        uri: `${path}${url.search}`,
      });
    }
    const numberUpdate = new RegExp(`^${base}/IncomingPhoneNumbers/(PN[0-9a-f]{32})\\.json$`).exec(path);
    if (numberUpdate && method === 'POST') {
      const entry = [...this.numbers].find(([, value]) => value.sid === numberUpdate[1]);
      if (!entry) return send(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      Object.assign(entry[1].settings, Object.fromEntries(form));
      return send(200, this.numberJson(base, entry[0], entry[1]));
    }
    return send(404, { code: 20404, message: `The requested resource ${path} was not found`, status: 404 });
  }

  private numberJson(base: string, number: string, entry: { sid: string; settings: Record<string, string> }) {
    return {
      account_sid: this.accountSid,
      phone_number: number,
      friendly_name: number,
      sid: entry.sid,
      voice_url: entry.settings.VoiceUrl ?? '',
      voice_method: entry.settings.VoiceMethod ?? 'POST',
      sms_url: entry.settings.SmsUrl ?? '',
      sms_method: entry.settings.SmsMethod ?? 'POST',
      status_callback: entry.settings.StatusCallback ?? '',
      status_callback_method: entry.settings.StatusCallbackMethod ?? 'POST',
      capabilities: { voice: true, sms: true, mms: false },
      uri: `${base}/IncomingPhoneNumbers/${entry.sid}.json`,
    };
  }

  /** Newest first, StartTime>= filter, pages of PageSize with a next_page_uri as Twilio writes it. */
  private callsPage(url: URL, base: string) {
    this.pagesServed += 1;
    const pageSize = Math.min(1000, Number(url.searchParams.get('PageSize') ?? 50));
    const page = Number(url.searchParams.get('Page') ?? 0);
    const after = url.searchParams.get('StartTime>');
    const since = after ? Date.parse(after) : 0;
    const matching = this.calls.filter((call) => call.startTime >= since).sort((a, b) => b.startTime - a.startTime || a.sid.localeCompare(b.sid));
    const slice = matching.slice(page * pageSize, (page + 1) * pageSize);
    const query = (pageNumber: number) => {
      const params = new URLSearchParams({ PageSize: String(pageSize), Page: String(pageNumber) });
      if (after) params.set('StartTime>', after);
      if (pageNumber > 0) params.set('PageToken', `PA${slice[slice.length - 1]?.sid ?? ''}`);
      return `${base}/Calls.json?${params}`;
    };
    const hasMore = (page + 1) * pageSize < matching.length;
    return {
      calls: slice.map((call) => this.callJson(call)),
      end: page * pageSize + Math.max(0, slice.length - 1),
      first_page_uri: query(0),
      next_page_uri: hasMore ? query(page + 1) : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? query(page - 1) : null,
      start: page * pageSize,
      uri: `${url.pathname}${url.search}`,
    };
  }
}

/** A RequestClient sending every request of the twilio package to the server at `origin()`. */
export function localTwilioClient(origin: () => string): twilio.RequestClient {
  class LocalTwilio extends twilio.RequestClient {
    override request<TData>(options: BaseRequestClient.RequestOptions<TData>) {
      const uri = new URL(options.uri);
      return super.request<TData>({ ...options, uri: `${origin()}${uri.pathname}${uri.search}` });
    }
  }
  return new LocalTwilio({ autoRetry: false });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
