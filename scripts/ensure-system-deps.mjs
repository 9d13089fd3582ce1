#!/usr/bin/env node
// `npm test`'s pretest: the tests need a few Debian packages that npm cannot bring — Chromium
// for the e2e suite (Playwright downloads no browser here; see playwright.config.ts) and
// PostgreSQL for the relay's integration test. As root on Debian it installs what is missing;
// otherwise it says exactly what to run and fails, so a missing package is a clear message
// rather than a timeout deep inside a test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function hasPostgres() {
  const root = '/usr/lib/postgresql';
  return fs.existsSync(root) && fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')));
}

const needs = [
  { apt: 'chromium', why: 'the end-to-end tests (Chromium)', present: () => fs.existsSync(chromiumPath) },
  { apt: 'postgresql', why: 'the relay integration test (PostgreSQL)', present: hasPostgres },
  { apt: 'dovecot-imapd', why: 'the mail integration tests (a real IMAP server)', present: () => fs.existsSync('/usr/sbin/dovecot') },
  {
    apt: 'libreoffice-calc-nogui',
    why: "the accountant's CSV test (LibreOffice Calc opens the file)",
    present: () => fs.existsSync('/usr/bin/soffice'),
  },
];

if (process.env.CHROMIUM_PATH && !fs.existsSync(chromiumPath)) {
  console.error(`CHROMIUM_PATH is set to ${chromiumPath}, which does not exist. Point it at a Chromium or Chrome executable.`);
  process.exit(1);
}

const missing = needs.filter((need) => !need.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((need) => need.apt);
const commands = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
];
const describe = () => missing.map((need) => `${need.apt} for ${need.why}`).join(', ');

if (!fs.existsSync('/etc/debian_version')) {
  console.error(`The tests need ${describe()}. Install them with your system's package manager.`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.error(`The tests need ${describe()}. Install them with:`);
  console.error(`  sudo ${commands.map((command) => command.join(' ')).join(' && sudo ')}`);
  process.exit(1);
}

console.log(`Installing Debian packages the tests need: ${describe()}.`);
for (const command of commands) {
  console.log(`$ ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`"${command.join(' ')}" failed${result.error ? `: ${result.error.message}` : ''}.`);
    process.exit(1);
  }
}
const stillMissing = missing.filter((need) => !need.present());
if (stillMissing.length > 0) {
  console.error(`apt-get finished but these are still missing: ${stillMissing.map((need) => need.apt).join(', ')}.`);
  process.exit(1);
}
console.log('All set.');
