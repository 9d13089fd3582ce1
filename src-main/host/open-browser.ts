import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROMIUM_PATH first, then Debian's /usr/bin/chromium, then the usual names on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium'];
  for (const directory of (env.PATH ?? '').split(path.delimiter)) {
    if (directory) for (const name of chromiumNames) candidates.push(path.join(directory, name));
  }
  return candidates.find((candidate): candidate is string => !!candidate && isExecutable(candidate));
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Opens the app in a Chromium app window (no tabs, no address bar) with its own profile under the
 * data folder, so the token cookie and site data never mix with the user's everyday browsing (and
 * two Fieldbook hosts on different ports do not overwrite each other's cookie: cookies ignore ports).
 */
export function openInChromium(executable: string, url: string, dataDir: string): void {
  const child = spawn(
    executable,
    [
      `--app=${url}`,
      `--user-data-dir=${path.join(dataDir, 'browser-profile')}`,
      '--no-first-run',
      '--no-default-browser-check',
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', (error) => console.error(`Could not open ${executable}: ${error.message}. Open the address above yourself.`));
  child.unref();
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
