import fs from 'node:fs';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import zlib from 'node:zlib';
import { unlockBackup } from '../../src-main/exchange/backup/archive';
import { testPassphrase, type BackupSealing } from '../../src-main/security/key-source';
import { openingStream, sealingStream } from '../../src-main/security/sealed-stream';

/** The tar inside a sealed backup, opened with the test passphrase (the one test cores use). */
export async function unsealedTar(file: string, passphrase = testPassphrase): Promise<Buffer> {
  const unlocked = unlockBackup(file, passphrase)!;
  const sealed = fs.createReadStream(file, { start: unlocked.bodyOffset });
  return buffer(sealed.pipe(openingStream(unlocked.fileKey)).pipe(zlib.createGunzip()));
}

/** Writes `tar` as a sealed backup file, as createBackup would with these keys. */
export async function writeSealedTar(file: string, tar: Buffer, sealing: BackupSealing): Promise<void> {
  fs.writeFileSync(file, await buffer(Readable.from([zlib.gzipSync(tar)]).pipe(sealingStream(sealing))));
}
