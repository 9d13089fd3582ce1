import { useEffect } from 'react';
import { create } from 'zustand';
import type { WorkspaceRole } from '../../../src-shared/sync/roles';
import { api } from '../../api';

// What this laptop's member may do, for every screen: the one place the renderer reads the role.
// The core refuses a read-only member's writes anyway (src-main/writes/mutation-engine.ts); this
// only spares the person controls that could not work. The role comes with the sync status,
// which the core sends again whenever it changes (an admin changed it: learnt at the next pull).

export interface Access {
  /** Null on a laptop that is not in a workspace: everything is its own, so it may do everything. */
  role: WorkspaceRole | null;
  /** May change the data: add, edit, delete, import. */
  canEdit: boolean;
  /** May manage members, invites, the phone line, storage, forgetting and retention. */
  isAdmin: boolean;
}

// The role's rules and the sync status's schema load with the first status, not with the app's
// first screen: their modules build zod schemas when they load (docs/renderer.md, "How the app opens").
const loadRules = () =>
  Promise.all([import('../../../src-shared/sync/roles'), import('../../../src-shared/domain/sync')]).then(([roles, sync]) => ({
    canWrite: roles.canWrite,
    SyncStatusSchema: sync.SyncStatusSchema,
  }));

/** A laptop outside any workspace may do everything, as canWrite(null) says. */
const outsideWorkspace: Access = { role: null, canEdit: true, isAdmin: true };

const useAccessStore = create<Access>(() => outsideWorkspace);

let watching = false;

/** Starts following the sync status once, for the app's lifetime (one subscription for all screens). */
function watchAccess(): void {
  if (watching) return;
  watching = true;
  const adopt = (role: WorkspaceRole | null) => {
    if (useAccessStore.getState().role === role) return;
    void loadRules().then(({ canWrite }) => useAccessStore.setState({ role, canEdit: canWrite(role), isAdmin: role === null || role === 'admin' }));
  };
  const load = () =>
    api.invoke('sync.status', {}).then(
      (status) => adopt(status.role),
      () => undefined,
    );
  void load();
  api.on('sync.status', (payload) => {
    void loadRules().then(({ SyncStatusSchema }) => {
      const parsed = SyncStatusSchema.safeParse(payload);
      if (parsed.success) adopt(parsed.data.role);
      else void load();
    });
  });
}

/** The member's role and what it allows; screens hide what `canEdit` or `isAdmin` forbids. */
export function useAccess(): Access {
  useEffect(watchAccess, []);
  return useAccessStore();
}
