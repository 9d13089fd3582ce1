#!/usr/bin/env node
// `npm test`'s pretest: the e2e tests need a Chromium (Playwright downloads none here; see
// playwright.config.ts). As root on Debian it installs Debian's package; otherwise it says what
// to run and fails, so a missing browser is a clear message rather than a timeout in Playwright.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const installCommands = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
];

if (fs.existsSync(chromium)) process.exit(0);

const isDebian = fs.existsSync('/etc/debian_version');
const isRoot = process.getuid?.() === 0;

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${chromium}, which does not exist. Point it at a Chromium or Chrome executable.`);
  process.exit(1);
}

if (!isDebian) {
  console.error(`The end-to-end tests need Chromium at ${chromium}. Install Chromium or Chrome and set CHROMIUM_PATH to its executable.`);
  process.exit(1);
}

if (!isRoot) {
  console.error('The end-to-end tests need Chromium. Install it with:');
  console.error(`  sudo ${installCommands.map((command) => command.join(' ')).join(' && sudo ')}`);
  process.exit(1);
}

console.log('Chromium is missing; installing Debian\'s package for the end-to-end tests.');
for (const command of installCommands) {
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
if (!fs.existsSync(chromium)) {
  console.error(`apt-get finished but ${chromium} is still missing.`);
  process.exit(1);
}
console.log(`Chromium installed at ${chromium}.`);
