import fs from 'node:fs';
import path from 'node:path';

// What Fieldbook writes is for the person whose computer it is: customers' details, notes, files.
// On POSIX systems the data folder is 0700 and what it holds 0600, so other accounts on the same
// computer read nothing; backups and exports get 0600 wherever they are written. (Windows keeps a
// user's profile folders private by default; modes mean little there.)

export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) readable by this user only. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (posix) fs.chmodSync(dir, privateDirMode);
}

/**
 * Makes a data folder private: the folder 0700, everything in it 0600 (folders 0700). Data
 * folders made by earlier versions were 0755 with 0644 files; they are fixed once, when the
 * folder itself is found open, so a start-up does not walk thousands of files every time.
 */
export function securePermissions(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: privateDirMode });
  if (!posix) return;
  const wasOpen = (fs.statSync(dataDir).mode & 0o077) !== 0;
  fs.chmodSync(dataDir, privateDirMode);
  if (wasOpen) tightenTree(dataDir);
  // The database is created by SQLite with the process's umask; it and its journal files are
  // tightened at every start (a copy put back by hand would otherwise stay open).
  for (const name of ['fieldbook.db', 'fieldbook.db-wal', 'fieldbook.db-shm', 'secret.key']) {
    const file = path.join(dataDir, name);
    if (fs.existsSync(file)) fs.chmodSync(file, privateFileMode);
  }
}

/** Creates the database file 0600 before SQLite opens it (SQLite gives its -wal and -shm the same mode). */
export function createPrivateFile(file: string): void {
  if (!posix || fs.existsSync(file)) return;
  fs.closeSync(fs.openSync(file, 'a', privateFileMode));
}

function tightenTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      fs.chmodSync(full, privateDirMode);
      tightenTree(full);
    } else if (entry.isFile()) {
      fs.chmodSync(full, privateFileMode);
    }
  }
}
