import { systemPreferences } from 'electron';
import type { OsUnlock } from '../lock/app-lock';

// What Electron offers to confirm the person at the keyboard: on macOS, Touch ID
// (systemPreferences.canPromptTouchID / promptTouchID). Windows Hello and Linux (polkit, fprintd)
// have no Electron API, so there the app lock asks for the data folder's passphrase.
export function osUnlock(): OsUnlock | undefined {
  if (process.platform !== 'darwin' || !systemPreferences.canPromptTouchID()) return undefined;
  return {
    label: 'Touch ID',
    prompt: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false,
      ),
  };
}

/** The files the window may fetch, refused while the app is locked. */
export function filesWhenUnlocked<F extends { open(sha256: string): unknown }>(files: F, isLocked: () => boolean): F {
  return new Proxy(files, {
    get(target, property, receiver) {
      if (property === 'open') return (sha256: string) => (isLocked() ? undefined : target.open(sha256));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
