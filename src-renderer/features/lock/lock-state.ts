import { create } from 'zustand';
import type { LockStatus } from '../../../src-shared/ipc/lock';
import { api } from '../../api';

// The lock as the renderer last heard it from the core (lock.status, the lock.changed event).
// The core enforces the lock; this only decides whether the app or the lock screen is drawn.

interface LockState {
  status: LockStatus | null;
  setStatus: (status: LockStatus) => void;
}

export const useLock = create<LockState>((set) => ({
  status: null,
  setStatus: (status) => set({ status }),
}));

/** Locks the app now (the palette's "Lock Fieldbook" and Ctrl+Shift+L). */
export async function lockNow(): Promise<void> {
  useLock.getState().setStatus(await api.invoke('lock.lockNow', {}));
}
