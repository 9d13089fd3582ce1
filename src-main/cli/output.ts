import type { JobControl } from '../exchange/deps';

/** Where the CLI writes: results on stdout, progress and messages on stderr. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Where a secret is read from (a pipe, or the terminal with echo off); never an argument. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
}

export interface Output {
  json: boolean;
  /** The result: JSON on stdout with --json, else the human text. */
  result(value: unknown, human: () => string): void;
  /** A line for people on stderr (never mixed into --json output). */
  note(text: string): void;
  progress: JobControl['onProgress'];
  /** Ends a progress line on a terminal. */
  done(): void;
}

const phaseLabels: Record<string, string> = {
  reading: 'Reading',
  writing: 'Writing',
  undoing: 'Taking back',
  database: 'Copying the database',
  files: 'Archiving',
};

export function createOutput(io: CliIo, options: { json: boolean; quiet: boolean }): Output {
  const tty = io.stderr.isTTY === true;
  let lastLine = 0;
  let open = false;
  return {
    json: options.json,
    result(value, human) {
      io.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    note(text) {
      if (open) io.stderr.write('\n');
      open = false;
      io.stderr.write(`${text}\n`);
    },
    progress(phase, done, total) {
      if (options.quiet) return;
      const label = phaseLabels[phase] ?? phase;
      const text = total > 0 ? `${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${Math.floor((done / total) * 100)}%)` : `${label}…`;
      const now = Date.now();
      if (tty) {
        io.stderr.write(`\r${text}\u001b[K`);
        open = true;
      } else if (now - lastLine >= 1000 || (total > 0 && done >= total)) {
        io.stderr.write(`${text}\n`);
        lastLine = now;
      }
    },
    done() {
      if (open) io.stderr.write('\n');
      open = false;
    },
  };
}
