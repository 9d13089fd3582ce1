import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import twilio from 'twilio';
import WebSocket from 'ws';
import { twilioWebhookPath } from '../../src-shared/sync/telephony';
import { openRelayDatabase } from '../../src-relay/db/open';
import { createRelay } from '../../src-relay/server';
import { secretBox } from '../../src-relay/telephony/secret-box';
import { createCore, type Core } from '../../src-main/core/create-core';
import { TwilioApi, sid } from '../../tests/support/twilio-api';
import { call, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, rate, type Figure } from '../lib/figures';
import { nowMs, summarise } from '../lib/stats';

// The phone line through an in-process relay on PGlite, Twilio's REST API answered by the local
// server the tests use (tests/support/twilio-api.ts): (a) a signed incoming-call webhook at the
// relay until the screen pop is emitted on a laptop's core, beside the relay's own live message
// reaching a bare WebSocket; (b) the catch-up import of calls from the paged Calls list, beside
// the same pages read by the twilio client alone.

const officeNumber = '+442079460000';

export async function phoneSuite(context: BenchContext, workDir: string): Promise<Figure[]> {
  const relayDir = path.join(workDir, 'phone-relay');
  const laptopDir = path.join(workDir, 'phone-laptop');
  for (const dir of [relayDir, laptopDir]) fs.rmSync(dir, { recursive: true, force: true });
  const api = await new TwilioApi().start();
  api.addNumber(officeNumber);
  const database = await openRelayDatabase({ dataDir: relayDir });
  const relay = await createRelay({
    database,
    logger: () => {},
    rateLimit: { perSecond: 1e6, burst: 1e6 },
    telephony: { secretBox: secretBox(randomBytes(32), 'bench key'), twilioHttpClient: api.httpClient(), twilioAutoRetry: false, catchUpIntervalMs: 0 },
  });
  let laptop: Core | undefined;
  try {
    // The workspace and its phone line are made over plain HTTP by an admin device; the laptop joins it.
    const post = async (pathname: string, body: unknown, token?: string) => {
      const response = await fetch(`${relay.url}${pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, string>>;
    };
    const admin = await post('/v1/workspaces', { workspaceName: 'Bench phone', memberName: 'Ann', deviceName: 'Bench' });
    const token = admin.deviceToken!;
    await post(
      '/v1/telephony/settings',
      { accountSid: api.accountSid, authToken: api.authToken, officeNumbers: [officeNumber], publicUrl: relay.url, handling: { ringTargets: [{ memberId: admin.memberId, name: 'Ann', mobile: '+447700900001' }] } },
      token,
    );
    const { inviteCode } = await post('/v1/invites', {}, token);
    laptop = createCore({ dataDir: laptopDir, shell: 'test', logError: (error) => console.error(error) });
    await call(laptop, 'sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Ben' });
    const postVoice = (callSid: string) => {
      const pathname = twilioWebhookPath(admin.workspaceId!, 'voice');
      const params = { AccountSid: api.accountSid, CallSid: callSid, From: '+447700900123', To: officeNumber, CallStatus: 'ringing', Direction: 'inbound' };
      return fetch(`${relay.url}${pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(api.authToken, `${relay.url}${pathname}`, params) },
        body: new URLSearchParams(params).toString(),
      });
    };
    return [await screenPop(context, laptop, relay.url, token, postVoice), await catchUp(context, api, relay.url, token)];
  } finally {
    laptop?.close();
    await relay.close();
    await database.close();
    await api.stop();
    for (const dir of [relayDir, laptopDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function screenPop(context: BenchContext, laptop: Core, relayUrl: string, token: string, postVoice: (callSid: string) => Promise<Response>): Promise<Figure> {
  const rounds = context.quick ? 40 : 100;
  const timeoutMs = 5000;
  // The baseline: the relay's live message itself, on a bare WebSocket of the workspace.
  const url = new URL('/v1/live', relayUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, [`fieldbook.${token}`]);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const subject: number[] = [];
  const baseline: number[] = [];
  let missed = 0;
  for (let round = 0; round < rounds + 5; round += 1) {
    const callSid = sid('CA');
    const popped = new Promise<number>((resolve) => {
      const timer = setTimeout(() => {
        stop();
        resolve(Number.NaN);
      }, timeoutMs);
      const stop = laptop.on('phone.incomingCall', (pop) => {
        if (!pop.callId) return;
        clearTimeout(timer);
        stop();
        resolve(nowMs());
      });
    });
    const raw = new Promise<number>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        if (!String(data).includes(callSid)) return;
        socket.off('message', onMessage);
        resolve(nowMs());
      };
      socket.on('message', onMessage);
    });
    const start = nowMs();
    const answer = await postVoice(callSid);
    if (answer.status !== 200) throw new Error(`the voice webhook answered ${answer.status}`);
    const [at, rawAt] = await Promise.all([popped, raw]);
    if (Number.isNaN(at)) missed += 1;
    else if (round >= 5) {
      subject.push(at - start);
      baseline.push(rawAt - start);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  socket.close();
  const value = latency(summarise(subject.length > 0 ? subject : [Number.NaN]));
  const base = latency(summarise(baseline.length > 0 ? baseline : [Number.NaN]));
  const p99 = value.kind === 'latency' ? value.distribution.p99 : Number.NaN;
  return finish({
    id: 'phone.screenPop',
    title: `Signed incoming-call webhook at the relay → screen pop emitted on a laptop (phone.incomingCall), loopback, PGlite relay, ${rounds} calls`,
    status: 'measured',
    value,
    baseline: { title: "the same webhook → the relay's live message on a bare WebSocket of the workspace", value: base },
    ratio: latencyRatio(value, base, 'p99'),
    target: "Twilio's webhook at the relay to a screen pop on a laptop under 1 s p99 on loopback",
    checks: [
      { text: 'p99 < 1000 ms', pass: p99 < 1000 },
      { text: `no pop missed (${timeoutMs / 1000} s timeout)`, pass: missed === 0 },
    ],
    details: { missed },
  });
}

async function catchUp(context: BenchContext, api: TwilioApi, relayUrl: string, token: string): Promise<Figure> {
  // 10,000 calls in every mode: the figure the phone line is held to, and under a minute.
  const count = 10_000;
  const pageSize = 1000;
  const start = Date.now() - 30 * 24 * 60 * 60 * 1000;
  for (let index = 0; index < count; index += 1) {
    api.calls.push({
      sid: sid('CA'),
      direction: 'inbound',
      from: `+4477009${String(index % 100_000).padStart(5, '0')}`,
      to: officeNumber,
      status: index % 4 === 0 ? 'no-answer' : 'completed',
      startTime: start + index * 60_000,
      durationSeconds: index % 4 === 0 ? 0 : 30 + (index % 300),
    });
  }
  // Baseline: the same pages through the twilio client, stored nowhere.
  const client = twilio(api.accountSid, api.authToken, { httpClient: api.httpClient(), autoRetry: false });
  const baseStart = nowMs();
  let page: { instances: unknown[]; nextPageUrl?: string; nextPage(): Promise<unknown> | undefined } = await client.calls.page({ startTimeAfter: new Date(start), pageSize });
  let read = page.instances.length;
  while (page.nextPageUrl) {
    page = (await page.nextPage()) as typeof page;
    read += page.instances.length;
  }
  const baseSeconds = (nowMs() - baseStart) / 1000;

  const importStart = nowMs();
  const response = await fetch(`${relayUrl}/v1/telephony/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ since: start, pageSize }),
  });
  const result = (await response.json()) as { seen: number; added: number; pages: number };
  const seconds = (nowMs() - importStart) / 1000;
  const value = rate(result.added, result.added, seconds);
  const base = rate(read, read, baseSeconds);
  return finish({
    id: 'phone.catchUp',
    title: `Catch-up import of ${count.toLocaleString('en')} calls from the paged Calls list (${pageSize} a page) into the workspace's change log, PGlite relay`,
    status: 'measured',
    value,
    baseline: { title: 'the same pages read by the twilio client alone, stored nowhere', value: base },
    ratio: { statistic: 'calls/s', value: value.kind === 'rate' && base.kind === 'rate' ? value.rate.rowsPerSecond / base.rate.rowsPerSecond : Number.NaN },
    target: 'no target of its own; reported in calls/s',
    checks: [{ text: `every call added once (${result.added} of ${count})`, pass: response.status === 200 && result.added === count && read === count }],
    details: { pages: result.pages, seen: result.seen },
  });
}
