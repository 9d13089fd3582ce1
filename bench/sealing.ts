import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sealingSuite } from './suites/sealing';

// The sealing suite alone, without the data set the other suites need: `tsx bench/sealing.ts [--quick]`.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bench-sealing-'));
try {
  const [figure] = await sealingSuite({ workDir, quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(figure, null, 2));
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
