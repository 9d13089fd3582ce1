import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { openBenchDatabase } from './lib/data-file';
import { call } from './lib/context';
import { pushContactChanges } from './lib/seed-contact-changes';
import { openRelayDatabase } from '../src-relay/db/open';
import { createRelay } from '../src-relay/server';
import { createCore, type Core } from '../src-main/core/create-core';

// A new laptop joining a relay whose snapshot was built from its log (as the sync suite's
// bootstrap, at a chosen size): the first N contact/tag change records of a data folder are sealed
// and pushed by one device, then a fresh laptop's sync.join is timed. Relay and laptops share this
// process, so `node --cpu-prof --import tsx bench/bootstrap-join.ts …` profiles all of it.
// With PROFILE=<file.cpuprofile>, the join alone is profiled (relay and laptop, one process).
// `tsx bench/bootstrap-join.ts <data folder> <change records>`

const [source, countArg = '20000'] = process.argv.slice(2);
if (!source) throw new Error('usage: tsx bench/bootstrap-join.ts <data folder> <change records>');
const wanted = Number(countArg);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-join-'));
const database = await openRelayDatabase({ dataDir: path.join(workDir, 'relay') });
const relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 } });
const cores: Core[] = [];
const newCore = (name: string) => {
  const core = createCore({ dataDir: path.join(workDir, name), shell: 'test', logError: (error) => console.error(error), autoSync: false });
  cores.push(core);
  return core;
};
try {
  const seeder = newCore('seeder');
  await call(seeder, 'sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Join', memberName: 'Ann' });
  seeder.sync.stop();
  const local = openBenchDatabase(source, { readonly: true });
  const { pushed, seconds: pushSeconds } = await pushContactChanges(seeder, local, { limit: wanted });
  local.close();

  const { inviteCode } = (await call(seeder, 'sync.invite', {})) as { inviteCode: string };
  const fresh = newCore('fresh');
  const load = os.loadavg()[0]!.toFixed(1);
  const session = process.env.PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const start = performance.now();
  const status = (await call(fresh, 'sync.join', { relayUrl: relay.url, inviteCode, memberName: 'New' })) as { state: string };
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
    session.disconnect();
  }
  const count = (core: Core, table: string) => (core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const contacts = count(fresh, 'contacts');
  const same = contacts === count(seeder, 'contacts') || count(seeder, 'contacts') === 0;
  console.log(
    `${pushed} change records pushed in ${pushSeconds.toFixed(1)} s; sync.join ${status.state} in ${seconds.toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU, relay and laptop): ` +
      `${contacts} contacts, ${count(fresh, 'contact_tags')} contact tags (${(contacts / seconds).toFixed(0)} contacts/s); load ${load} at start, ${os.loadavg()[0]!.toFixed(1)} at end${same ? '' : ' (seeder differs)'}`,
  );
} finally {
  for (const core of cores) core.close();
  await relay.close();
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}
