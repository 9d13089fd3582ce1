#!/usr/bin/env node
// The fieldbook CLI: its build, dist/cli/main.mjs (one chunk per command), or its sources when the
// build is stale (run-built.mjs).
import { importBuiltOrSource } from './run-built.mjs';

const { main } = await importBuiltOrSource({
  built: 'dist/cli/main.mjs',
  source: 'src-main/cli/main.ts',
  sourceFolders: ['src-main', 'src-shared'],
});
process.exitCode = await main(process.argv.slice(2));
