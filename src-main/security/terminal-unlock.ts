import fs from 'node:fs';
import { AppError } from '../../src-shared/errors';
import type { CliIo } from '../cli/output';
import { keyFilePath } from './key-file';
import { checkNewPassphrase, passphraseKeySource, type DatabaseKeySource } from './key-source';
import { readHidden } from './read-secret';

// The browser host and the CLI have no keychain: their database key is sealed by a passphrase,
// taken from FIELDBOOK_PASSPHRASE when set (scripts, tests) or typed at the terminal — twice
// when the data folder is new, so a typo does not lock the owner out of their own data.

const attempts = 3;

/**
 * Opens something (the core) with the passphrase key source, asking again after a wrong
 * passphrase when a person is typing. A wrong FIELDBOOK_PASSPHRASE fails at once, clearly.
 */
export async function withTerminalPassphrase<T>(dataDir: string, io: CliIo, open: (keySource: DatabaseKeySource) => T): Promise<T> {
  const fromEnv = io.env.FIELDBOOK_PASSPHRASE;
  if (fromEnv !== undefined) return open(passphraseKeySource(fromEnv));
  const input = io.stdin;
  if (!input?.isTTY || !input.setRawMode) {
    throw new AppError(
      'forbidden',
      `Fieldbook's data in ${dataDir} is encrypted with a passphrase: set FIELDBOOK_PASSPHRASE, or run this in a terminal to type it.`,
      'passphrase',
    );
  }
  const ask = async (prompt: string) => {
    io.stderr.write(prompt);
    const typed = await readHidden(input as NodeJS.ReadStream);
    io.stderr.write('\n');
    return typed;
  };
  if (!fs.existsSync(keyFilePath(dataDir))) return open(passphraseKeySource(await askNew(dataDir, io, ask)));
  for (let attempt = 1; ; attempt += 1) {
    const passphrase = await ask(`Passphrase for the Fieldbook data in ${dataDir}: `);
    try {
      return open(passphraseKeySource(passphrase));
    } catch (error) {
      const wrong = error instanceof AppError && error.field === 'passphrase';
      if (!wrong || attempt === attempts) throw error;
      io.stderr.write(`${error.message}\n`);
    }
  }
}

async function askNew(dataDir: string, io: CliIo, ask: (prompt: string) => Promise<string>): Promise<string> {
  io.stderr.write(
    `Fieldbook encrypts its data in ${dataDir}. Choose a passphrase: it is asked at every start and opens your backups on a new computer. Without it the data cannot be read, so keep it safe.\n`,
  );
  for (;;) {
    const first = await ask('New passphrase (at least 8 characters): ');
    try {
      checkNewPassphrase(first);
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      continue;
    }
    if ((await ask('Type it again: ')) === first) return first;
    io.stderr.write('The two passphrases differ; choose one again.\n');
  }
}
