import path from 'node:path';
import { openDatabase } from '../../../src-main/db/open';
import { testKeySource } from '../../../src-main/security/key-source';

// Opens a data folder's database as the app does (migrations, then the one-time conversion of
// JSON clocks), printing the conversion's progress, unless killed first.
// Run as a child process by clock-conversion-killed.test.ts. Usage: tsx clock-conversion-child.ts <data dir>

const [dataDir] = process.argv.slice(2) as [string];
const { databaseKey } = testKeySource().unlock(dataDir);
const { sqlite } = openDatabase({
  file: path.join(dataDir, 'fieldbook.db'),
  ...(databaseKey ? { key: databaseKey } : {}),
  onClockConversion: ({ converted, of }) => process.stdout.write(`converted ${converted} of ${of}\n`),
});
sqlite.close();
process.stdout.write('done\n');
