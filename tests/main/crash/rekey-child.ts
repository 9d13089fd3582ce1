import { createCore } from '../../../src-main/core/create-core';
import type { EpochKeys } from '../../../src-shared/sync/sealing';

// Opens a data folder whose rows keep the earlier, unkeyed ids and re-keys them under the key of
// the ring given, as a laptop does when it first holds its workspace's key. Run as a child process
// by rekey-killed.test.ts, which kills it part-way.
// Usage: tsx rekey-child.ts <data dir> <key ring as JSON>
//
// Once done it stays up until it is killed (a kill after the end is one of the points covered).

const [dataDir, ring] = process.argv.slice(2) as [string, string];
const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
core.on('privacy.upgradeProgress', (progress) => console.log(JSON.stringify(progress)));
console.log('re-keying');
await core.rowIds.adopt(JSON.parse(ring) as EpochKeys[]);
console.log('re-keyed');
setInterval(() => {}, 60_000);
