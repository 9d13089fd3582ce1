import { ExportVcardOptionsSchema, vcardVersions } from '../../src-shared/domain/exchange';
import { AppError } from '../../src-shared/errors';
import { parseOrThrow } from '../../src-shared/ipc/validate';
import { choice, exactPositionals, flag, listOption, parseCommand, stringOption, UsageError } from './args';
import { openCore, type CommandContext } from './context';

export const vcardExportUsage = `  fieldbook export vcard --out <file> [--version 3.0|4.0] [--id ID ...]
                                              contacts as vCards, with their photos (3.0 by default,
                                              what phones read best); --id (repeatable) for one or a
                                              selection, every contact without it`;

export async function exportVcardCommand(args: readonly string[], context: CommandContext, usage: string): Promise<number> {
  const command = 'export vcard';
  const { values, positionals } = parseCommand(command, args, {
    out: { type: 'string', short: 'o' },
    version: { type: 'string' },
    id: { type: 'string', multiple: true },
  });
  if (flag(values, 'help')) return context.help(usage);
  exactPositionals(command, positionals, []);
  const out = stringOption(values, 'out');
  if (!out) throw new UsageError('--out <file> is required', command);
  const ids = listOption(values, 'id');
  let options;
  try {
    options = parseOrThrow(ExportVcardOptionsSchema, {
      version: choice(command, 'version', stringOption(values, 'version'), vcardVersions),
      contactIds: ids.length > 0 ? ids : undefined,
    });
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message, command);
    throw error;
  }
  const { exchange, output, close } = await openCore(context, values);
  try {
    const result = await exchange.exportVcardTo(out, options, { onProgress: output.progress });
    output.done();
    output.result(result, () => `Wrote ${result.rows} contacts as vCard ${options.version} to ${result.path} (${result.bytes.toLocaleString('en')} bytes).`);
    return 0;
  } finally {
    close();
  }
}
