import { createCore } from '../../../src-main/core/create-core';

// A new laptop joining a workspace: joins, and loads the relay's snapshot in its first sync.
// Run as a child process by bootstrap-killed.test.ts, which kills it part-way.
// Usage: tsx bootstrap-child.ts <data dir> <relay url> <invite code>

const [dataDir, relayUrl, inviteCode] = process.argv.slice(2) as [string, string, string];
const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
const joined = await core.invoke('sync.join', { relayUrl, inviteCode, memberName: 'New hire' });
core.close();
if (!joined.ok) {
  console.error(joined.error.message);
  process.exit(1);
}
