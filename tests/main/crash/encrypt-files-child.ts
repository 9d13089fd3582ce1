import { createCore } from '../../../src-main/core/create-core';

// Opens a data folder whose files are from before encryption at rest and waits until they are
// encrypted in place. Run as a child process by encrypt-files-killed.test.ts, which kills it part-way.
// Usage: tsx encrypt-files-child.ts <data dir>

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
const encrypted = await core.fileTransfers.encryptingExisting;
core.close();
console.log(encrypted);
