import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

// Node 20 keeps no compiled code between starts (its compile cache came in Node 22), so the browser
// host's bundle was parsed and compiled again at every start. This runs a CommonJS bundle as
// require() would, but through vm.Script with V8's code cache: the first start compiles as before
// and leaves the cache beside the bundle when it exits, holding every function that start ran; the
// next starts take that code instead of compiling it. The start (src-main/host/start.ts) is the
// only user; BENCHMARKS.md ("Cold start …") has the figures.

export interface CodeCacheRun {
  /** Whether this start took its code from a cache written by an earlier one. */
  usedCache: boolean;
  cacheFile: string;
}

/**
 * Runs `file` (CommonJS, with no import() in it: in Node 20 code taken from the cache loses
 * vm.Script's dynamic import callback, so scripts/build.mjs turns the host's import() into require())
 * with `module`, `require`, `__filename` and `__dirname` as require() gives
 * them. The cache file is named by a hash of the bundle's text: V8 itself checks only the text's
 * length, so a rebuilt bundle of the same length must not meet the old bundle's code. When this
 * start compiled (no cache, or V8 refused it), the cache is written as the process exits, and the
 * caches of earlier builds are removed. A cache that cannot be written (a read-only install) only
 * costs the next start its compile.
 */
export function runWithCodeCache(file: string): CodeCacheRun {
  const source = fs.readFileSync(file, 'utf8');
  const digest = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
  const cacheFile = `${file}.${digest}.v8-cache`;
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const usedCache = cachedData !== undefined && !script.cachedDataRejected;
  if (!usedCache) process.once('exit', () => writeCache(script, file, cacheFile));

  const bundle = new Module(file);
  bundle.filename = file;
  bundle.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(bundle.exports, bundle.exports, createRequire(file), bundle, file, path.dirname(file));
  return { usedCache, cacheFile };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written whole under another name and renamed, so a start running meanwhile never reads half a cache. */
function writeCache(script: vm.Script, file: string, cacheFile: string): void {
  try {
    const partial = `${cacheFile}.${process.pid}.partial`;
    fs.writeFileSync(partial, script.createCachedData());
    fs.renameSync(partial, cacheFile);
    const folder = path.dirname(file);
    const ours = path.basename(cacheFile);
    const earlier = (name: string) => name.startsWith(`${path.basename(file)}.`) && name.endsWith('.v8-cache') && name !== ours;
    for (const name of fs.readdirSync(folder).filter(earlier)) fs.rmSync(path.join(folder, name), { force: true });
  } catch {
    // Not writable: the next start compiles, as every start did before.
  }
}
