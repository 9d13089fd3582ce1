import { AppError } from '../../src-shared/errors';
import type { CliIo } from '../cli/output';

// Secrets typed at the terminal with echo off (or piped in), never given as arguments, which
// other users of the computer can read in the process list.

/** The first line of a pipe, or typed at the terminal without echo. */
export async function readPassword(io: CliIo, prompt: string): Promise<string> {
  const input = io.stdin;
  if (!input) throw new AppError('invalid_input', 'No password given: pipe it in on standard input.', 'password');
  let password: string;
  if (input.isTTY && input.setRawMode) {
    io.stderr.write(prompt);
    password = await readHidden(input as NodeJS.ReadStream);
    io.stderr.write('\n');
  } else {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    password = text.split(/\r?\n/)[0] ?? '';
  }
  if (!password) throw new AppError('invalid_input', 'No password given.', 'password');
  return password;
}

export function readHidden(input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new AppError('cancelled', 'Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      if (error) reject(error);
      else resolve(typed);
    };
    input.on('data', onData);
  });
}
