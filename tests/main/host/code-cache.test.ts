import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The browser host's bundle runs through V8's code cache (src-main/host/code-cache.ts): each start
// here is a process of its own, as each start of the host is, since the cache is written at exit.

const codeCache = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src-main/host/code-cache.ts');
let work: string;
let bundle: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-code-cache-'));
  bundle = path.join(work, 'host.cjs');
  fs.writeFileSync(path.join(work, 'run.ts'), `import { runWithCodeCache } from ${JSON.stringify(codeCache)};\nconst run = runWithCodeCache(${JSON.stringify(bundle)});\nconsole.log(JSON.stringify({ usedCache: run.usedCache }));\n`);
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** A bundle that says what it was given, as require() gives it, and a word of its own. */
function writeBundle(word: string): void {
  fs.writeFileSync(
    bundle,
    `const greeting = ${JSON.stringify(word)};
console.log(JSON.stringify({ greeting, filename: __filename, dirname: __dirname, exportsAreModule: exports === module.exports, requires: typeof require('node:path').join }));
module.exports = { greeting };`,
  );
}

/** One start: what the bundle printed, and whether it ran from the cache. */
function start(): { greeting: string; filename: string; dirname: string; exportsAreModule: boolean; requires: string; usedCache: boolean } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(work, 'run.ts')], { encoding: 'utf8' });
  const [ran, cache] = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...ran, ...cache } as never;
}

const caches = () => fs.readdirSync(work).filter((name) => name.endsWith('.v8-cache'));

describe('running the host bundle with V8 code cache', { timeout: 60_000 }, () => {
  it('runs the bundle as require() would, compiles it at the first start and takes the cache at the next', () => {
    writeBundle('hello');
    expect(start()).toEqual({ greeting: 'hello', filename: bundle, dirname: work, exportsAreModule: true, requires: 'function', usedCache: false });
    expect(caches()).toHaveLength(1);
    expect(start()).toMatchObject({ greeting: 'hello', usedCache: true });
  });

  it('runs a rebuilt bundle of the same length as rebuilt, not from the earlier build cache, and drops that cache', () => {
    writeBundle('hello');
    start();
    const [earlier] = caches();
    writeBundle('jelly');
    expect(start()).toMatchObject({ greeting: 'jelly', usedCache: false });
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toContain(earlier);
    expect(start()).toMatchObject({ greeting: 'jelly', usedCache: true });
  });
});
