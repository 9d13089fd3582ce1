import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { privateFileMode } from '../core/private-files';
import { KdfParamsSchema } from './passphrase-kdf';

// The database key sits in dataDir/database-key.json, never in plain text: it is sealed once
// per way of opening it — by the OS keychain (Electron's safeStorage), by a passphrase through
// scrypt, or both. Any one seal opens it. The file is written whole and renamed into place, so
// a crash leaves the old file or the new one.

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const PassphraseSealSchema = z.object({
  by: z.literal('passphrase'),
  kdf: KdfParamsSchema,
  iv: base64,
  tag: base64,
  sealed: base64,
});
const KeychainSealSchema = z.object({ by: z.literal('os-keychain'), sealed: z.string().min(1) });
const KeyFileSchema = z.object({
  format: z.literal('fieldbook-database-key'),
  version: z.literal(1),
  seals: z.array(z.discriminatedUnion('by', [PassphraseSealSchema, KeychainSealSchema])).min(1),
});

export type PassphraseSeal = z.infer<typeof PassphraseSealSchema>;
export type KeychainSeal = z.infer<typeof KeychainSealSchema>;
export type KeySeal = PassphraseSeal | KeychainSeal;

export const keyFileName = 'database-key.json';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, keyFileName);
}

/** The seals of the folder's database key, or undefined when it has none yet. */
export function readKeySeals(dataDir: string): KeySeal[] | undefined {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw damagedKeyFile(file);
  }
  const checked = KeyFileSchema.safeParse(parsed);
  if (!checked.success) throw damagedKeyFile(file);
  return checked.data.seals;
}

export function writeKeySeals(dataDir: string, seals: KeySeal[]): void {
  const file = keyFilePath(dataDir);
  const part = `${file}.${process.pid}.part`;
  const text = JSON.stringify({ format: 'fieldbook-database-key', version: 1, seals }, null, 2);
  const fd = fs.openSync(part, 'w', privateFileMode);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(part, file);
}

/** AES-256-GCM under a key-encryption key: the tag makes a wrong passphrase fail, not decrypt to junk. */
export function sealWith(kek: Buffer, secret: Buffer): { iv: string; tag: string; sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
}

/** The sealed secret, or undefined when `kek` is not the key it was sealed with. */
export function openWith(kek: Buffer, seal: { iv: string; tag: string; sealed: string }): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(seal.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(seal.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(seal.sealed, 'base64')), decipher.final()]);
  } catch {
    return undefined;
  }
}

function damagedKeyFile(file: string): AppError {
  return new AppError(
    'invalid_input',
    `${file} (the sealed database key) is damaged, so the database cannot be opened. Restore the folder from a backup.`,
    'dataDir',
  );
}
