import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalState } from '../settings/local-state';

/**
 * Where secrets (the relay device token, later mail passwords) are kept, never in plain text.
 * The Electron shell passes one backed by safeStorage (the OS keychain); elsewhere secrets are
 * sealed with AES-256-GCM under a key file readable by this user only, and `protection` says
 * so, so that the UI can tell the user how well they are protected.
 */
export interface SecretStore {
  readonly protection: 'os-keychain' | 'file-key';
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Seals and opens secret values; an Electron safeStorage adapter implements this too. */
export interface SecretCipher {
  readonly protection: SecretStore['protection'];
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretStore(state: LocalState, cipher: SecretCipher): SecretStore {
  const key = (name: string) => `secret:${name}`;
  return {
    protection: cipher.protection,
    get(name) {
      const stored = state.get<{ sealedBy: SecretStore['protection']; sealed: string }>(key(name));
      // Sealed by the other shell (Electron's keychain vs the key file): unreadable here, so the
      // user is asked again rather than shown an error.
      if (!stored || stored.sealedBy !== cipher.protection) return undefined;
      return cipher.open(stored.sealed);
    },
    set(name, value) {
      state.set(key(name), { sealedBy: cipher.protection, sealed: cipher.seal(value) });
    },
    delete(name) {
      state.delete(key(name));
    },
  };
}

export function fileKeyCipher(dataDir: string): SecretCipher {
  const keyFile = path.join(dataDir, 'secret.key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
  const secretKey = fs.readFileSync(keyFile);
  return {
    protection: 'file-key',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secretKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.');
    },
    open(sealed) {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
      if (!iv || !tag || !body) throw new Error('A stored secret is damaged.');
      const decipher = createDecipheriv('aes-256-gcm', secretKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
