import path from 'node:path';
import { restoreBackup } from '../exchange/backup/restore';
import { dataDirOf, exactPositionals, flag, parseCommand, stringOption, UsageError } from './args';
import { openCore, type CommandContext } from './context';
import { createOutput } from './output';
import { readPassword } from '../security/read-secret';

export const backupUsage = `Usage:
  fieldbook backup [--out <file> | --dir <folder>]   back the data folder up into one file
                                                       (default folder: <data dir>/backups)
  fieldbook restore <backup file> --data-dir <new folder>
      restores into a new or empty folder only, after checking every file and the database

A backup is sealed with the passphrase of the data folder (FIELDBOOK_PASSPHRASE, or typed at
the terminal): restore asks for it, and the restored folder opens with it. Inside the seal is a
gzip-compressed tar: fieldbook.db (encrypted with its own key, which manifest.json carries),
files/ab/<sha256> for every attached file, and manifest.json.
Common: --json  --quiet`;

export async function runBackupCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const command = 'backup';
  const { values, positionals } = parseCommand(command, args, { out: { type: 'string', short: 'o' }, dir: { type: 'string' } });
  if (flag(values, 'help')) return context.help(backupUsage);
  exactPositionals(command, positionals, []);
  const out = stringOption(values, 'out');
  const dir = stringOption(values, 'dir');
  if (out && dir) throw new UsageError('give --out or --dir, not both', command);
  const { exchange, output, close } = await openCore(context, values);
  try {
    const result = await exchange.backupTo(out ? { file: out } : { dir: dir ?? exchange.backupDir }, { onProgress: output.progress });
    output.done();
    output.result(result, () => `Backed up to ${result.path} (${result.bytes.toLocaleString('en')} bytes, ${result.blobs} files).`);
    return 0;
  } finally {
    close();
  }
}

export async function runRestoreCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const command = 'restore';
  const { values, positionals } = parseCommand(command, args, {});
  if (flag(values, 'help')) return context.help(backupUsage);
  const [file] = exactPositionals(command, positionals, ['backup file']);
  if (stringOption(values, 'data-dir') === undefined && !context.io.env.FIELDBOOK_DATA_DIR) {
    throw new UsageError('name the new folder to restore into with --data-dir', command);
  }
  const target = dataDirOf(values, context.io.env);
  const output = createOutput(context.io, { json: flag(values, 'json'), quiet: flag(values, 'quiet') });
  const passphrase = context.io.env.FIELDBOOK_PASSPHRASE ?? (context.io.stdin?.isTTY ? await readPassword(context.io, 'Passphrase of the backup: ') : undefined);
  const result = await restoreBackup(path.resolve(file!), target, { onProgress: output.progress }, passphrase === undefined ? {} : { passphrase });
  output.done();
  output.result(result, () => {
    const restored = `Restored ${path.basename(file!)} (made ${result.createdAt}) into ${result.dataDir}: the database and ${result.blobs} files, all checked.`;
    const forgotten =
      result.erasuresKept > 0
        ? ` The ${result.erasuresKept} erasures kept beside the backups are applied when the folder is first opened: people forgotten since the backup was made stay forgotten.`
        : ' No list of forgotten people was found beside this backup (nobody was forgotten, or the backup was moved): a person forgotten since it was made comes back here until this laptop rejoins its workspace and syncs.';
    return restored + forgotten;
  });
  return 0;
}
