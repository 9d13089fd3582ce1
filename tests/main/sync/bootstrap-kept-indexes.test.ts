import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readThroughWhileLoading } from '../../../src-main/sync/snapshot-indexes';

// While a new laptop loads the relay's snapshot, the synced tables' secondary indexes are set
// aside (src-main/sync/snapshot-indexes.ts). A query that names an index (INDEXED BY) fails with
// "no such index" while it is gone: the contacts list, the calls desk or the phone line would
// stop with an error on a laptop that is joining. Every index the app's code names is kept.

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('indexes a snapshot load keeps', () => {
  it('keeps every index a query of the app names with INDEXED BY', () => {
    const named = new Map<string, string>();
    for (const file of sourceFiles(path.resolve(__dirname, '../../../src-main'))) {
      // Comments name the set itself; only code counts.
      const code = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      for (const match of code.matchAll(/INDEXED BY ([a-z_][a-z0-9_]*)/g)) named.set(match[1]!, path.basename(file));
    }
    expect(named.size).toBeGreaterThan(0);
    const missing = [...named].filter(([name]) => !readThroughWhileLoading.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
