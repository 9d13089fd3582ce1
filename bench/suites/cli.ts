import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rounds, type BenchContext } from '../lib/context';
import { p95Figure, type Figure } from '../lib/figures';
import { measurePairs } from '../lib/stats';

// "The CLI starts in under 300 ms": `node bin/fieldbook.mjs --help` in a new process, as a
// terminal runs it (the build in dist/cli/, made by the suite first), beside Node starting with
// nothing to run (`node -e 0`), measured alternately.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function cliSuite(context: BenchContext): Promise<Figure[]> {
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: repoRoot, stdio: 'ignore' });
  const node = (...args: string[]) => execFileSync(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
  const samples = await measurePairs({
    cases: ['--help'],
    warmupRounds: 1,
    rounds: rounds(context, 10, 5),
    subject: async () => node(path.join('bin', 'fieldbook.mjs'), '--help'),
    baseline: () => node('-e', '0'),
  });
  return [
    p95Figure({
      id: 'cli.help',
      title: '`fieldbook --help` in a new process (node bin/fieldbook.mjs, built)',
      samples: samples.subject,
      baseline: { title: 'node -e 0: Node starting with nothing to run', samples: samples.baseline },
      target: 'the CLI starts in under 300 ms',
      limitMs: 300,
    }),
  ];
}
