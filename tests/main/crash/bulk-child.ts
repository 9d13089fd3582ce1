import { createCore } from '../../../src-main/core/create-core';

// A bulk action on every contact of a data folder, run to its end unless killed.
// Run as a child process by bulk-killed.test.ts, which kills it part-way.
// Usage: tsx bulk-child.ts <data dir>

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
const started = await core.invoke('bulk.start', { list: 'contacts', request: {}, selection: { mode: 'matching', except: [] }, action: { type: 'addTag', tag: 'storm' } });
if (!started.ok) {
  console.error(started.error.message);
  process.exit(1);
}
for (;;) {
  const status = await core.invoke('bulk.status', { id: (started.data as { id: string }).id });
  if (!status.ok || (status.data as { state: string }).state !== 'running') break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
core.close();
