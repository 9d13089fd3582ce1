import type { WorkspaceRole } from '../../src-shared/sync/roles';
import { createTempCore, type TempCore } from './temp-core';

/**
 * Two laptops of one workspace on the relay at `relayUrl`: Ann the admin, who started it, and Ben,
 * who joined with the role Ann chose for him (member unless said otherwise).
 */
export async function startTeam(
  relayUrl: string,
  workspaceName = 'Whitfield Plumbing',
  teammateRole: WorkspaceRole = 'member',
): Promise<{ admin: TempCore; teammate: TempCore }> {
  const admin = createTempCore({ now: Date.now });
  await admin.call('sync.createWorkspace', { relayUrl, workspaceName, memberName: 'Ann' });
  const teammate = createTempCore({ now: Date.now });
  const { inviteCode } = await admin.call('sync.invite', { role: teammateRole });
  await teammate.call('sync.join', { relayUrl, inviteCode, memberName: 'Ben' });
  return { admin, teammate };
}

/** Each laptop syncs once, in the order given (the first's changes reach the later ones). */
export async function syncInTurn(...laptops: TempCore[]): Promise<void> {
  for (const laptop of laptops) await laptop.call('sync.now', {});
}

/** Closes every laptop of a team and removes its data folder. */
export function disposeAll(...laptops: (TempCore | undefined)[]): void {
  for (const laptop of laptops) laptop?.dispose();
}

/** A new laptop joins the admin's workspace as another member. */
export async function joinTeam(admin: TempCore, relayUrl: string, memberName: string): Promise<TempCore> {
  const laptop = createTempCore({ now: Date.now });
  const { inviteCode } = await admin.call('sync.invite', {});
  await laptop.call('sync.join', { relayUrl, inviteCode, memberName });
  return laptop;
}
