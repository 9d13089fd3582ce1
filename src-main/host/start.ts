import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache';

// The browser host as built: dist/host/main.mjs (this file) runs the host itself, main.ts bundled as
// dist/host/host.cjs beside it, with V8's code cache (code-cache.ts). `npm start`, the e2e fixture
// and the bench start main.mjs.
runWithCodeCache(path.join(path.dirname(fileURLToPath(import.meta.url)), 'host.cjs'));
