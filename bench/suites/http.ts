import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { call, rounds, sameIds, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, notMeasured, type Figure } from '../lib/figures';
import { buildQueryMix } from '../lib/query-mix';
import { measurePairs, summarise } from '../lib/stats';
import { listCases } from './list';

// The same search and list calls through the browser host: `POST /rpc/contacts.list` with the
// bearer token over a keep-alive loopback connection, as the renderer makes them when Fieldbook
// runs in a browser. The baseline is the same call made in-process (core.invoke), so the ratio
// is the cost of HTTP and JSON on both ends. Client and host share this process (and its event
// loop), as they would not in real use; the figure is, if anything, a little pessimistic.

interface Host {
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function httpSuite(context: BenchContext): Promise<Figure[]> {
  let host: Host;
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bench-renderer-'));
  try {
    const { startHost } = await import('../../src-main/host/server');
    host = await startHost({ core: context.core, port: 0, rendererDir });
  } catch (error) {
    fs.rmSync(rendererDir, { recursive: true, force: true });
    const reason = `the browser host could not be started: ${error instanceof Error ? error.message : String(error)}`;
    return [
      notMeasured('search.http', 'Search as you type through the browser host (HTTP)', 'not measured', reason),
      notMeasured('list.http', 'A page of 50 contacts through the browser host (HTTP)', 'not measured', reason),
    ];
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const rpc = (channel: string, input: unknown) => post(agent, host, channel, input);
  try {
    const searchQueries = buildQueryMix(context.bareDb, context.quick ? 100 : 150, context.seed + 1);
    const mismatches: string[] = [];
    const search = await measurePairs({
      cases: searchQueries,
      warmupRounds: 1,
      rounds: rounds(context, 2, 2),
      subject: (query) => rpc('contacts.list', { query: query.text }),
      baseline: (query) => call(context.core, 'contacts.list', { query: query.text }),
      check: (query, viaHttp, inProcess) => {
        if (!sameIds(viaHttp, (inProcess as { items: { id: string }[] }).items)) mismatches.push(query.text);
      },
    });
    const cases = listCases(context);
    const list = await measurePairs({
      cases,
      warmupRounds: 1,
      rounds: rounds(context, 6, 6),
      subject: ({ testCase }) => rpc('contacts.list', testCase),
      baseline: ({ testCase }) => call(context.core, 'contacts.list', testCase),
    });
    const figure = (id: string, title: string, samples: { subject: number[]; baseline: number[] }, target: string, limitMs: number) => {
      const value = latency(summarise(samples.subject));
      const base = latency(summarise(samples.baseline));
      const p95 = summarise(samples.subject).p95;
      return finish({
        id,
        title,
        status: 'measured',
        value,
        baseline: { title: 'the same call in-process (core.invoke)', value: base },
        ratio: latencyRatio(value, base, 'p95'),
        target: `${target} (the core's target, held to what the browser sees)`,
        checks: [{ text: `p95 < ${limitMs} ms`, pass: p95 < limitMs }],
        ...(mismatches.length > 0 && id === 'search.http' ? { note: `HTTP and in-process answers differ for ${mismatches.length} queries` } : {}),
      });
    };
    return [
      figure('search.http', 'Search as you type through the browser host (HTTP round-trip)', search, 'p95 under 10 ms', 10),
      figure('list.http', 'A page of 50 contacts through the browser host (HTTP round-trip)', list, 'p95 under 5 ms', 5),
    ];
  } finally {
    agent.destroy();
    await host.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
}

/** One RPC: the answer's `data` (the items for sameIds), or an error for a failed call. */
function post(agent: http.Agent, host: Host, channel: string, input: unknown): Promise<{ items: { id: string }[] }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/rpc/${channel}`,
        headers: {
          host: `127.0.0.1:${host.port}`,
          authorization: `Bearer ${host.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; data?: unknown; error?: { message: string } };
          if (response.statusCode !== 200 || !answer.ok) reject(new Error(`${channel}: HTTP ${response.statusCode} ${answer.error?.message ?? ''}`));
          else resolve(answer.data as { items: { id: string }[] });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
