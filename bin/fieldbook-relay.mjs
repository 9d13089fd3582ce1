#!/usr/bin/env node
// The sync relay (`npm run relay`): its build, dist/relay/main.mjs, or its sources when the build is
// stale (run-built.mjs). The build holds ~60 MB less than tsx running the sources.
import { importBuiltOrSource } from './run-built.mjs';

await importBuiltOrSource({
  built: 'dist/relay/main.mjs',
  source: 'src-relay/main.ts',
  sourceFolders: ['src-relay', 'src-shared'],
});
