import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src-main/core/create-core';
import type { ChangeRecord } from '../../src-main/writes/change-log';
import { startChildServer } from '../lib/child-process';
import { call, type BenchContext } from '../lib/context';
import { finish, rate, type Figure } from '../lib/figures';

// "The relay fits a small server": the relay as `npm run relay` runs it (its own process, its build
// dist/relay/main.mjs made by the suite first, embedded PGlite in a new data folder), its resident
// memory (VmRSS from /proc) at idle after start, then while `devices` devices (each its own
// workspace and token) push batches of 100 change records as fast as the relay takes them, with
// the push rate beside the peak.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const devices = 21;
const batch = 100;

export async function relayMemorySuite(context: BenchContext, workDir: string): Promise<Figure[]> {
  const relayDir = path.join(workDir, 'relay-memory');
  fs.rmSync(relayDir, { recursive: true, force: true });
  const template = await changeTemplate(context, path.join(workDir, 'relay-memory-source'));
  execFileSync(process.execPath, ['scripts/build.mjs', 'relay'], { cwd: repoRoot, stdio: 'ignore' });
  const relay = await startChildServer([path.join('bin', 'fieldbook-relay.mjs'), '--port', '0', '--data-dir', relayDir], {
    cwd: repoRoot,
    ready: /listening on (http:\/\/\S+)/,
    loader: 'none',
  });
  try {
    const url = relay.match[1]!;
    await sleep(3_000);
    const idleMb = residentMb(relay.pid);
    const idleHighWater = highWaterMb(relay.pid);
    const tokens: string[] = [];
    for (let device = 0; device < devices; device += 1) {
      const answer = await post(`${url}/v1/workspaces`, { workspaceName: `Office ${device}`, memberName: `Member ${device}`, deviceName: `Laptop ${device}` });
      tokens.push(((await answer.json()) as { deviceToken: string }).deviceToken);
    }
    const seconds = context.quick ? 10 : 30;
    let peakMb = residentMb(relay.pid);
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, residentMb(relay.pid))), 250);
    const started = Date.now();
    let pushed = 0;
    let refused = 0;
    await Promise.all(
      tokens.map(async (token) => {
        while (Date.now() - started < seconds * 1000) {
          const changes = template.map((change) => ({ ...change, changeId: crypto.randomUUID() }));
          const answer = await post(`${url}/v1/push`, { changes }, token);
          if (answer.status === 429) {
            refused += 1;
            await answer.body?.cancel();
            await sleep(Number(answer.headers.get('retry-after') ?? 1) * 1000);
            continue;
          }
          if (!answer.ok) throw new Error(`push answered ${answer.status}: ${await answer.text()}`);
          pushed += ((await answer.json()) as { acknowledged: string[] }).acknowledged.length;
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    clearInterval(sampler);
    peakMb = Math.max(peakMb, residentMb(relay.pid));
    const highWater = highWaterMb(relay.pid);
    const note = `PGlite in a new data folder; ${devices} devices, one workspace each, batches of ${batch}; ${refused} pushes answered 429 (rate limit) and retried`;
    return [
      finish({
        id: 'relay.memory.idle',
        title: 'Relay memory at idle (RSS of `npm run relay`: Node, the built relay, embedded PGlite, after start)',
        status: 'measured',
        value: { kind: 'amount', amount: { value: idleMb, unit: 'MB' } },
        target: 'the relay fits a small server: under 256 MB idle',
        checks: [{ text: 'RSS < 256 MB', pass: idleMb < 256 }],
        note,
        details: { highWaterAtIdleMb: idleHighWater },
      }),
      finish({
        id: 'relay.memory.push',
        title: `Relay memory while ${devices} devices push (peak RSS), beside its push rate over ${seconds} s`,
        status: 'measured',
        value: { kind: 'amount', amount: { value: peakMb, unit: 'MB' } },
        baseline: { title: 'the push rate the relay sustained meanwhile (change records acknowledged)', value: rate(pushed, pushed, elapsed) },
        target: 'under 512 MB while devices push',
        checks: [{ text: 'peak RSS < 512 MB', pass: peakMb < 512 }],
        details: { idleMb, peakMb, highWaterSinceStartMb: highWater, pushed, seconds: elapsed, refused },
      }),
    ];
  } finally {
    await relay.stop();
    fs.rmSync(relayDir, { recursive: true, force: true });
  }
}

/** 100 real change records (new contacts), to push again and again under fresh change ids. */
async function changeTemplate(context: BenchContext, dataDir: string): Promise<ChangeRecord[]> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const core = createCore({ dataDir, shell: 'test', logError: () => {}, now: context.now });
  try {
    for (let index = 0; index < batch; index += 1) await call(core, 'contacts.create', { draft: { name: `Pushed ${index}`, tags: ['bench'] } });
    return core.engine.outbox(batch).map(({ change }) => change);
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function residentMb(pid: number): number {
  return statusKb(pid, 'VmRSS') / 1024;
}

function highWaterMb(pid: number): number {
  return statusKb(pid, 'VmHWM') / 1024;
}

function statusKb(pid: number, field: string): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? 0);
}

function post(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
