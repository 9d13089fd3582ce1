#!/usr/bin/env node
// The fieldbook CLI: runs src-main/cli/main.ts through tsx, so `npx fieldbook` works in the
// project without a build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
