#!/usr/bin/env node
// The fieldbook CLI. Runs its build (dist/cli/main.mjs, made by `npm install` and `npm run build`)
// so that it starts like a compiled tool; when the build is missing or older than the sources
// (a checkout being edited), runs the sources through tsx instead, which is slower to start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(repoRoot, 'dist', 'cli', 'main.mjs');

const { main } = isFresh(built) ? await import(built) : await fromSources();
process.exitCode = await main(process.argv.slice(2));

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src-main/cli/main.ts');
}

/** The build exists and no source it was made from (src-main, src-shared, package.json) is newer. */
function isFresh(file) {
  let builtAt;
  try {
    builtAt = fs.statSync(file).mtimeMs;
  } catch {
    return false;
  }
  if (fs.statSync(path.join(repoRoot, 'package.json')).mtimeMs > builtAt) return false;
  for (const folder of ['src-main', 'src-shared']) {
    const root = path.join(repoRoot, folder);
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt) return false;
    }
  }
  return true;
}
