import { z } from 'zod';
import { SetAsideChangeSchema, SyncStatusSchema } from '../domain/sync';
import { InviteResponseSchema, WorkspaceInfoSchema } from '../sync/protocol';
import { WorkspaceRoleSchema } from '../sync/roles';
import { channel } from './channel';

const RelayUrl = z
  .string()
  .trim()
  .url('Enter the relay address, such as http://192.168.1.20:8787')
  .refine((value) => /^https?:\/\//.test(value), 'The relay address starts with http:// or https://');
const Name = z.string().trim().min(1, 'Enter a name').max(120);

export const syncChannels = {
  'sync.status': channel({ summary: 'How sync stands now.', input: z.object({}).default({}), output: SyncStatusSchema }),
  'sync.createWorkspace': channel({
    summary: 'Create a workspace on a relay; you become its admin and this laptop its first device.',
    input: z.object({ relayUrl: RelayUrl, workspaceName: Name, memberName: Name, deviceName: Name.default('Laptop') }),
    output: SyncStatusSchema,
  }),
  'sync.join': channel({
    summary: 'Join a workspace with a one-time invite code.',
    input: z.object({
      relayUrl: RelayUrl,
      inviteCode: z.string().trim().min(6, 'Enter the invite code you were given').max(120),
      memberName: Name,
      deviceName: Name.default('Laptop'),
    }),
    output: SyncStatusSchema,
  }),
  'sync.invite': channel({
    summary: 'A one-time code for a teammate to join with the role chosen (admins).',
    input: z.object({ role: WorkspaceRoleSchema.default('member') }).default({ role: 'member' }),
    output: InviteResponseSchema,
  }),
  'sync.workspace': channel({ summary: 'Members and devices of the workspace.', input: z.object({}).default({}), output: WorkspaceInfoSchema }),
  'sync.revokeDevice': channel({ summary: 'Stop a device from syncing, at once (admins).', input: z.object({ deviceId: z.string().min(1).max(64) }), output: WorkspaceInfoSchema }),
  'sync.setMemberRole': channel({
    summary: "Change a member's role: admin, member or read-only (admins).",
    input: z.object({ memberId: z.string().min(1).max(64), role: WorkspaceRoleSchema }),
    output: WorkspaceInfoSchema,
  }),
  'sync.removeMember': channel({ summary: 'Remove a member and all their devices (admins).', input: z.object({ memberId: z.string().min(1).max(64) }), output: WorkspaceInfoSchema }),
  'sync.leave': channel({
    summary: 'Stop syncing on this laptop and forget the workspace; the data stays here.',
    input: z.object({}).default({}),
    output: SyncStatusSchema,
  }),
  'sync.setAside': channel({
    summary: 'Changes from other devices this laptop could not apply and kept aside, newest first, with why and the device that sent them.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    output: z.array(SetAsideChangeSchema),
  }),
  'sync.now': channel({ summary: 'Sync now and say how it went.', input: z.object({}).default({}), output: SyncStatusSchema }),
};
