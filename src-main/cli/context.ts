import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { createCore, type Core } from '../core/create-core';
import { ExchangeService } from '../exchange/service';
import { dataDirOf, flag, type OptionValues } from './args';
import { createOutput, type CliIo, type Output } from './output';
import { withTerminalPassphrase } from '../security/terminal-unlock';

export interface CommandContext {
  io: CliIo;
  /** Prints a command's usage on stdout (asked for with --help) and answers exit code 0. */
  help(usage: string): number;
}

/**
 * The same core as the app, on the data folder of --data-dir (or the app's default). Only an
 * import may start a new data folder; every other command refuses a folder without data, so
 * a mistyped path is reported instead of silently creating an empty database.
 */
export async function openCore(context: CommandContext, values: OptionValues, options: { create?: boolean } = {}) {
  const dataDir = dataDirOf(values, context.io.env);
  if (!options.create && !fs.existsSync(path.join(dataDir, 'fieldbook.db'))) {
    throw new AppError('not_found', `There is no Fieldbook data in ${dataDir} (use --data-dir to name the folder).`, 'dataDir');
  }
  const output: Output = createOutput(context.io, { json: flag(values, 'json'), quiet: flag(values, 'quiet') });
  // No sync loop in a short-lived command: what it writes waits in the outbox (the change log)
  // and the app pushes it at its next sync.
  // The database is encrypted: its key is unlocked with FIELDBOOK_PASSPHRASE or a passphrase typed at the terminal.
  const core: Core = await withTerminalPassphrase(dataDir, context.io, (keySource) =>
    createCore({
      dataDir,
      shell: 'cli',
      keySource,
      autoSync: false,
      logError: (error, where) => context.io.stderr.write(`fieldbook: ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    }),
  );
  const exchange = new ExchangeService(core, {
    logError: (error, where) => context.io.stderr.write(`fieldbook: ${where}: ${String(error)}\n`),
  });
  return { core, exchange, output, dataDir, close: () => core.close() };
}
