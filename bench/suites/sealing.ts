import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openRelayDatabase } from '../../src-relay/db/open';
import { createRelay } from '../../src-relay/server';
import { openChanges, sealChanges } from '../../src-main/sync/keys/sealed-changes';
import { RelayClient } from '../../src-main/sync/relay-client';
import { formatHlc } from '../../src-shared/hlc';
import { maxPushBatch, type WireChange } from '../../src-shared/sync/protocol';
import { newEpochKeys, type EpochKeys } from '../../src-shared/sync/sealing';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { nowMs, summarise } from '../lib/stats';

// What end-to-end sealing costs a sync: 10,000 contact changes pushed to an in-process relay on
// PGlite and pulled back by a teammate's device, sealed (XChaCha20-Poly1305 per field before the
// push, opened after the pull) and plain, in alternating rounds of the same run so that the load
// of the machine falls on both alike. The relay stores and folds either; sealed values are larger.

const changeCount = Number(process.env.BENCH_SEALING_CHANGES ?? 10_000);

function contactChanges(round: string, deviceId: string): WireChange[] {
  const wallMs = Date.now();
  return Array.from({ length: changeCount }, (_, index) => ({
    changeId: uuidv7(),
    hlc: formatHlc({ wallMs, counter: index % 65_536, deviceId: `${deviceId}${Math.floor(index / 65_536)}` }),
    tableName: 'contacts',
    rowId: `${round}-${index}`,
    fields: {
      name: `Contact ${index} of ${round}`,
      company: `Company ${index % 400}`,
      phones: JSON.stringify([{ type: 'mobile', e164: `+4479${String(index).padStart(8, '0')}` }]),
      emails: JSON.stringify([{ type: 'work', address: `contact${index}@example.com` }]),
      address_city: 'Leeds',
      cl: 1,
    },
    schemaVersion: 3,
    deviceId: '',
    author: 'Ann',
  }));
}

async function pushThenPull(pusher: RelayClient, puller: RelayClient, changes: WireChange[], keys: EpochKeys | undefined, after: number): Promise<{ ms: number; newestSeq: number }> {
  const started = nowMs();
  const wire = sealChanges(keys, changes);
  // Sealing 10k changes on a loaded machine can outlast the relay's keep-alive (5 s): the pooled
  // connection is closed under the next request. One idempotent request first takes that hit.
  await fetch(`${pusher.baseUrl}/health`).catch(() => undefined);
  let newestSeq = after;
  for (let start = 0; start < wire.length; start += maxPushBatch) newestSeq = (await pusher.push(wire.slice(start, start + maxPushBatch))).newestSeq;
  let cursor = after;
  for (;;) {
    const page = await puller.pull(cursor, 1000);
    const { unopened } = openChanges((epoch) => (epoch === keys?.epoch ? keys : undefined), page.changes.map((entry) => entry.change));
    if (unopened.length > 0) throw new Error(`a change did not open: ${unopened[0]!.reason}`);
    cursor = page.changes.reduce((highest, entry) => Math.max(highest, entry.seq), cursor);
    if (!page.hasMore) break;
  }
  return { ms: nowMs() - started, newestSeq };
}

export async function sealingSuite(options: { workDir: string; quick: boolean }): Promise<Figure[]> {
  const relayDir = path.join(options.workDir, 'relay-sealing');
  fs.rmSync(relayDir, { recursive: true, force: true });
  const database = await openRelayDatabase({ dataDir: relayDir });
  const relay = await createRelay({ database, port: 0, logger: (line) => { if (process.env.BENCH_TRACE) console.error(JSON.stringify(line).slice(0, 400)); }, rateLimit: { perSecond: 1e6, burst: 1e6 } });
  try {
    const anonymous = new RelayClient(relay.url);
    const ann = await anonymous.createWorkspace({ workspaceName: 'Bench sealing', memberName: 'Ann', deviceName: 'Ann laptop' });
    const annClient = new RelayClient(relay.url, ann.deviceToken);
    const { inviteCode } = await annClient.invite();
    const ben = await anonymous.join({ inviteCode, memberName: 'Ben', deviceName: 'Ben laptop' });
    const benClient = new RelayClient(relay.url, ben.deviceToken);
    const keys = newEpochKeys(1);
    const plain: number[] = [];
    const sealed: number[] = [];
    let seq = 0;
    const rounds = options.quick ? 2 : 4;
    for (let round = 0; round < rounds; round += 1) {
      // Alternating which goes first, so neither always meets a warmer relay.
      const order = round % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const);
      for (const kind of order) {
        if (process.env.BENCH_TRACE) console.error(`round ${round} ${kind}`);
        const result = await pushThenPull(annClient, benClient, contactChanges(`${kind}${round}`, ann.deviceId.slice(0, 8)), kind === 'sealed' ? keys : undefined, seq);
        seq = result.newestSeq;
        (kind === 'sealed' ? sealed : plain).push(result.ms);
      }
    }
    const subject = latency(summarise(sealed));
    const baseline = latency(summarise(plain));
    return [
      finish({
        id: 'sync.sealing',
        title: `Push + pull of ${changeCount.toLocaleString('en-GB')} contact changes, sealed end to end`,
        status: 'measured',
        value: subject,
        baseline: { title: 'the same push + pull, plain', value: baseline },
        ratio: latencyRatio(subject, baseline, 'p50'),
        details: { roundsEach: rounds, sealedMs: sealed, plainMs: plain },
      }),
    ];
  } finally {
    await relay.close();
    await database.close();
    fs.rmSync(relayDir, { recursive: true, force: true });
  }
}
