import { z } from 'zod';

// What a member of a workspace may do. The relay enforces it (a read-only device's pushes are
// refused, admin routes need an admin); the laptop refuses a read-only member's writes before they
// touch the database (src-main/writes/mutation-engine.ts) and the renderer hides what the role may
// not do (src-renderer/features/access/).

export const workspaceRoles = ['admin', 'member', 'read_only'] as const;
export const WorkspaceRoleSchema = z.enum(workspaceRoles);
export type WorkspaceRole = z.infer<typeof WorkspaceRoleSchema>;

export const roleLabels: Record<WorkspaceRole, string> = { admin: 'Admin', member: 'Member', read_only: 'Read-only' };

/** Whether a member with this role may change the workspace's data (contacts, notes, calls…). */
export const canWrite = (role: WorkspaceRole | null | undefined): boolean => role !== 'read_only';

/** The words of every refusal of a read-only member's change, on the laptop and at the relay. */
export const readOnlyRefusal =
  'You are a read-only member of this workspace: you can see its contacts but not change them. Ask an admin to make you a member.';
