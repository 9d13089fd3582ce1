import { scrypt, timingSafeEqual } from 'node:crypto';
import { readKeySeals, openWith, type PassphraseSeal } from '../security/key-file';

// The app lock checks a passphrase against the data folder's sealed database key without
// reopening the database: scrypt with the seal's own parameters gives the key that opens the
// seal (the first 32 of the 64 bytes the key source derives), and what opens must be the key the
// database is open with. scrypt runs on libuv's pool, so the main process keeps serving sync,
// mail and the lock screen while it works.

export function passphraseSealOf(dataDir: string): PassphraseSeal | undefined {
  return readKeySeals(dataDir)?.find((seal): seal is PassphraseSeal => seal.by === 'passphrase');
}

function deriveSealKey(passphrase: string, seal: PassphraseSeal): Promise<Buffer> {
  const { N, r, p, salt } = seal.kdf;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(salt, 'hex'), 64, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key.subarray(0, 32)),
    );
  });
}

/** Whether the passphrase opens the folder's passphrase seal to exactly the key the database is open with. */
export async function passphraseOpens(passphrase: string, seal: PassphraseSeal, databaseKey: Buffer): Promise<boolean> {
  const opened = openWith(await deriveSealKey(passphrase, seal), seal);
  return opened !== undefined && opened.length === databaseKey.length && timingSafeEqual(opened, databaseKey);
}
