import { AppError } from '../../src-shared/errors';
import { appVersion } from '../core/version';
import { UsageError } from './args';
import type { CommandContext } from './context';
import { processIo, type CliIo } from './output';

// The `fieldbook` command (bin/fieldbook.mjs runs the build of it: dist/cli/). The same core as
// the app, for scripts and accountants. Each command's module (and with it the core and its
// dependencies) is loaded only when that command runs, so `fieldbook --help` starts at once.
// Results go to stdout (JSON with --json), progress and messages to stderr. Exit codes: 0 success, 1 failure, 2 bad arguments, 3 an import stored the rows it
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

type Command = (args: readonly string[], context: CommandContext) => Promise<number>;

/** Each command, loaded when it runs. */
const commands: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./import-command')).runImportCommand,
  export: async () => (await import('./export-command')).runExportCommand,
  backup: async () => (await import('./backup-command')).runBackupCommand,
  restore: async () => (await import('./backup-command')).runRestoreCommand,
  contacts: async () => (await import('./contacts-command')).runContactsCommand,
  sync: async () => (await import('./sync-command')).runSyncCommand,
  calls: async () => (await import('./calls-command')).runCallsCommand,
  mail: async () => (await import('./mail-command')).runMailCommand,
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
    const load = command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (load) return await (await load())(rest, context);
    switch (command) {
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
      io.stderr.write(`${name}: ${error.message}\nRun "${['fieldbook', root, '--help'].filter(Boolean).join(' ')}" for ${Object.hasOwn(commands, root) ? 'its options' : 'the commands'}.\n`);
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
