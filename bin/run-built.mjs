// Shared by bin/fieldbook.mjs and bin/fieldbook-relay.mjs: run a program's esbuild output (made by
// `npm install`'s prepare step and by `npm run build`) so that it starts like a compiled tool, or,
// when the build is missing or older than a source it was made from (a checkout being edited),
// the TypeScript sources through tsx, which is slower to start and holds more memory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Imports `built` (relative to the repository root) when it is fresh, else `source` through tsx.
 * `sourceFolders` are the folders the build is made from; package.json counts too.
 */
export async function importBuiltOrSource({ built, source, sourceFolders }) {
  const builtFile = path.join(repoRoot, built);
  if (isFresh(builtFile, sourceFolders)) return import(pathToFileURL(builtFile).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(repoRoot, source)).href);
}

function isFresh(file, sourceFolders) {
  let builtAt;
  try {
    builtAt = fs.statSync(file).mtimeMs;
  } catch {
    return false;
  }
  if (fs.statSync(path.join(repoRoot, 'package.json')).mtimeMs > builtAt) return false;
  for (const folder of sourceFolders) {
    const root = path.join(repoRoot, folder);
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt) return false;
    }
  }
  return true;
}
