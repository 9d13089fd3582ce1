import type { SyncStatus } from '../../src-shared/domain/sync';
import { AppError } from '../../src-shared/errors';
import { exactPositionals, flag, parseCommand, stringOption, UsageError } from './args';
import { openCore, type CommandContext } from './context';

export const syncUsage = `Usage:
  fieldbook sync start --relay <url> --workspace <name> --name <your name> [--device <name>]
                       start a workspace on a relay; you become its admin
  fieldbook sync join --relay <url> --code <invite code> --name <your name> [--device <name>]
                       join a workspace with an invite code (a new data folder is fine)
  fieldbook sync now   push what waits here and pull what teammates (and the phone line) wrote
  fieldbook sync status
Common: --data-dir <dir>  --json`;

const subcommands = ['start', 'join', 'now', 'status'] as const;

export async function runSyncCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') return context.help(syncUsage);
  if (!subcommands.includes(sub as (typeof subcommands)[number])) {
    throw new UsageError(sub ? `unknown sync command "${sub}" (${subcommands.join(', ')})` : `say ${subcommands.join(', ')}`, 'sync');
  }
  const command = `sync ${sub}`;
  const { values, positionals } = parseCommand(command, rest, {
    relay: { type: 'string' },
    workspace: { type: 'string' },
    name: { type: 'string' },
    code: { type: 'string' },
    device: { type: 'string' },
  });
  if (flag(values, 'help')) return context.help(syncUsage);
  exactPositionals(command, positionals, []);
  const required = (name: string) => {
    const value = stringOption(values, name);
    if (!value) throw new UsageError(`--${name} is required`, command);
    return value;
  };
  const creates = sub === 'start' || sub === 'join';
  const input =
    sub === 'start'
      ? { relayUrl: required('relay'), workspaceName: required('workspace'), memberName: required('name') }
      : sub === 'join'
        ? { relayUrl: required('relay'), inviteCode: required('code'), memberName: required('name') }
        : undefined;
  const device = stringOption(values, 'device');
  const { core, output, close } = await openCore(context, values, { create: creates });
  try {
    const channel = sub === 'start' ? 'sync.createWorkspace' : sub === 'join' ? 'sync.join' : sub === 'now' ? 'sync.now' : 'sync.status';
    const result = await core.invoke(channel, { ...input, ...(device ? { deviceName: device } : {}) });
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.field);
    const status = result.data as SyncStatus;
    output.result(status, () => describeStatus(status));
    return status.state === 'error' || (sub === 'now' && status.state === 'offline') ? 1 : 0;
  } finally {
    close();
  }
}

function describeStatus(status: SyncStatus): string {
  if (status.state === 'not_configured') return 'Not in a workspace: use "fieldbook sync start" or "fieldbook sync join".';
  const lines = [`Workspace "${status.workspaceName}" on ${status.relayUrl}, as ${status.memberName} (${status.role}).`];
  const when = status.lastSyncedAt ? new Date(status.lastSyncedAt).toISOString() : 'never';
  lines.push(`State: ${status.state}; ${status.pendingChanges} change(s) waiting; last synced ${when}.`);
  if (status.message) lines.push(status.message);
  return lines.join('\n');
}
