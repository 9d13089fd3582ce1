import { createCore } from '../../../src-main/core/create-core';
import { testKeySource } from '../../../src-main/security/key-source';

// Adds contacts one write at a time, as a person does, in a core whose write-ahead log is
// checkpointed by its worker thread; prints the number of each contact once its write returned.
// Run as a child process by checkpoint-killed.test.ts, which kills it part-way.
// Usage: tsx checkpoint-child.ts <data dir>

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({ dataDir, shell: 'test', keySource: testKeySource(), backgroundCheckpoints: true, autoSync: false, logError: (error) => console.error(error) });
for (let n = 1; ; n += 1) {
  const created = await core.invoke('contacts.create', { draft: { name: `Crash Test ${n}`, notes: 'x'.repeat(2000) }, allowDuplicate: true });
  if (!created.ok) {
    console.error(created.error.message);
    process.exit(1);
  }
  process.stdout.write(`${n}\n`);
}
