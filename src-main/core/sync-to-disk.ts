import fs from 'node:fs';

/**
 * Makes a file, or a folder's entries, durable: a rename is only safe after what it names has
 * reached the disk. (Windows cannot open a folder to fsync it; its renames are durable there.)
 */
export function syncToDisk(target: string): void {
  if (process.platform === 'win32' && fs.statSync(target).isDirectory()) return;
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
