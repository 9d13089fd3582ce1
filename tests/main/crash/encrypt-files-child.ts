import { createCore } from '../../../src-main/core/create-core';

// Opens a data folder whose files are from before encryption at rest and waits until they are
// encrypted in place. Run as a child process by encrypt-files-killed.test.ts, which kills it part-way.
// Usage: tsx encrypt-files-child.ts <data dir>
//
// Once done it stays up until it is killed: on a fast machine the whole pass can end before the
// test's random kill point, and a kill after the end (nothing left to do at the next start) is
// one of the points the test means to cover, not a child that ended too early.

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
const encrypted = await core.fileTransfers.encryptingExisting;
core.close();
console.log(encrypted);
setInterval(() => {}, 60_000);
