import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/secret-store';

/**
 * Secrets sealed by the OS keychain through safeStorage (src-main/core/secret-store.ts holds the
 * interface and the file-key fallback). Only usable after the app's `ready` event. Answers
 * undefined where safeStorage gives no real protection: unavailable, or Linux's `basic_text`
 * backend (no keyring running), which only obfuscates with a fixed key; the caller then keeps
 * the file-key cipher, whose `protection` lets the UI tell the user.
 */
export function safeStorageCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    protection: 'os-keychain',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
