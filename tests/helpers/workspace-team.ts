import { createTempCore, type TempCore } from './temp-core';

/** Two laptops of one workspace on the relay at `relayUrl`: Ann the admin, who started it, and Ben, who joined. */
export async function startTeam(relayUrl: string, workspaceName = 'Whitfield Plumbing'): Promise<{ admin: TempCore; teammate: TempCore }> {
  const admin = createTempCore({ now: Date.now });
  await admin.call('sync.createWorkspace', { relayUrl, workspaceName, memberName: 'Ann' });
  const teammate = createTempCore({ now: Date.now });
  const { inviteCode } = await admin.call('sync.invite', {});
  await teammate.call('sync.join', { relayUrl, inviteCode, memberName: 'Ben' });
  return { admin, teammate };
}
