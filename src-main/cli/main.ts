import { AppError } from '../../src-shared/errors';
import { appVersion } from '../core/version';
import { UsageError } from './args';
import { backupUsage, runBackupCommand, runRestoreCommand } from './backup-command';
import { contactsUsage, runContactsCommand } from './contacts-command';
import type { CommandContext } from './context';
import { exportUsage, runExportCommand } from './export-command';
import { importUsage, runImportCommand } from './import-command';
import { mailUsage, runMailCommand } from './mail-command';
import { processIo, type CliIo } from './output';
import { runSyncCommand, syncUsage } from './sync-command';
import { callsUsage, runCallsCommand } from './calls-command';

// The `fieldbook` command (bin/fieldbook.mjs loads this through tsx). The same core as the app,
// for scripts and accountants. Results go to stdout (JSON with --json), progress and messages
// to stderr. Exit codes: 0 success, 1 failure, 2 bad arguments, 3 an import stored the rows it
// could and listed the ones it could not.

const usage = `fieldbook ${appVersion}: Fieldbook's data from a terminal.

  fieldbook import csv|vcard <file>     import contacts (a mapping is suggested; --preview first)
  fieldbook import list | undo <id>     past imports; take one back out as a whole
  fieldbook export csv [entity] --out   contacts, notes, followups or calls as CSV
  fieldbook export json --out <file>    everything, as JSON
  fieldbook export vcard --out <file>   contacts as vCards 3.0 or 4.0, with photos
  fieldbook backup                      one-file backup of the database and files
  fieldbook restore <file> --data-dir   restore into a new folder
  fieldbook contacts list|search        look at contacts
  fieldbook sync start|join|now|status  work with the team's relay (a script can join a workspace)
  fieldbook calls list                  the call history, with the call list's filters
  fieldbook mail add|list|sync|remove   mail accounts of this computer; mail messages [--contact]

Every command takes --data-dir <dir> (default: the app's folder, or FIELDBOOK_DATA_DIR),
--json for machine-readable output and --help.`;

const usages: Record<string, string> = {
  import: importUsage,
  export: exportUsage,
  backup: backupUsage,
  restore: backupUsage,
  contacts: contactsUsage,
  sync: syncUsage,
  calls: callsUsage,
  mail: mailUsage,
};

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const json = argv.includes('--json');
  const context: CommandContext = {
    io,
    help(text) {
      io.stdout.write(`${text}\n`);
      return 0;
    },
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await runImportCommand(rest, context);
      case 'export':
        return await runExportCommand(rest, context);
      case 'backup':
        return await runBackupCommand(rest, context);
      case 'restore':
        return await runRestoreCommand(rest, context);
      case 'contacts':
        return await runContactsCommand(rest, context);
      case 'sync':
        return await runSyncCommand(rest, context);
      case 'calls':
        return await runCallsCommand(rest, context);
      case 'mail':
        return await runMailCommand(rest, context);
      case '--help':
      case '-h':
      case 'help':
        return context.help(usage);
      case '--version':
        io.stdout.write(`${appVersion}\n`);
        return 0;
      case undefined:
        io.stderr.write(`${usage}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`, '');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const name = ['fieldbook', error.command].filter(Boolean).join(' ');
      const root = error.command.split(' ')[0] ?? '';
      io.stderr.write(`${name}: ${error.message}\nRun "${['fieldbook', root, '--help'].filter(Boolean).join(' ')}" for ${usages[root] ? 'its options' : 'the commands'}.\n`);
      if (json) io.stdout.write(`${JSON.stringify({ error: { code: 'usage', message: error.message } })}\n`);
      return 2;
    }
    const payload =
      error instanceof AppError
        ? error.toPayload()
        : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
    io.stderr.write(`fieldbook: ${payload.message}\n`);
    if (!(error instanceof AppError) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: payload })}\n`);
    return 1;
  }
}
