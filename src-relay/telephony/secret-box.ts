import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The Twilio credentials are stored by the relay sealed with AES-256-GCM under the relay's
// secret key, which never enters the database: a copy of the database (a backup, a pg_dump)
// alone does not give the credentials away. The key comes from FIELDBOOK_RELAY_SECRET_KEY
// (32 bytes, base64 or hex; the same on every relay process of one PostgreSQL), or, for the
// embedded database, from a key file made beside it (readable by the relay's user only).

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /** In words for the admin: where the key lives. */
  readonly description: string;
}

const algorithm = 'aes-256-gcm';

export function secretBox(key: Buffer, description: string): SecretBox {
  if (key.length !== 32) throw new Error('The relay secret key must be 32 bytes (base64 or hex).');
  return {
    description,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(algorithm, key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not a sealed secret of this relay.');
      const decipher = createDecipheriv(algorithm, key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** Reads a 32-byte key written as 64 hex digits or as base64. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('FIELDBOOK_RELAY_SECRET_KEY must be 32 bytes: 64 hex digits or 44 base64 characters (openssl rand -base64 32).');
  return key;
}

/** The key of FIELDBOOK_RELAY_SECRET_KEY, else the key file in `dataDir` (made on first use). */
export function loadSecretBox(env: NodeJS.ProcessEnv, dataDir: string | null): SecretBox | undefined {
  const fromEnv = env.FIELDBOOK_RELAY_SECRET_KEY;
  if (fromEnv) return secretBox(parseSecretKey(fromEnv), 'sealed with AES-256-GCM under the key in FIELDBOOK_RELAY_SECRET_KEY');
  if (!dataDir) return undefined;
  const file = path.join(dataDir, 'relay-secret.key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return secretBox(parseSecretKey(fs.readFileSync(file, 'utf8')), `sealed with AES-256-GCM under the key file ${file}`);
}
