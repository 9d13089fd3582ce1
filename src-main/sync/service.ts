import os from 'node:os';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import type { DeviceCredentials } from '../../src-shared/sync/protocol';
import type { WorkspaceRole } from '../../src-shared/sync/roles';
import type { SettingsService } from '../settings/service';
import { RelayError } from './relay-client';
import type { SyncEngine } from './sync-engine';

/** Workspace set-up and administration from the app's settings; the sync loop is SyncEngine. */
export class SyncService {
  /** Set while joining, so that "unknown invite" is shown at the invite code field. */
  private joining = false;

  private readonly engine: SyncEngine;
  private readonly settings: SettingsService;

  constructor(deps: { engine: SyncEngine; settings: SettingsService }) {
    this.engine = deps.engine;
    this.settings = deps.settings;
  }

  async createWorkspace(input: { relayUrl: string; workspaceName: string; memberName: string; deviceName: string }) {
    this.refuseIfConfigured();
    const credentials = await this.call(() =>
      this.engine.anonymousClient(input.relayUrl).createWorkspace({
        workspaceName: input.workspaceName,
        memberName: input.memberName,
        deviceName: deviceLabel(input.deviceName),
      }),
    );
    return this.adopt(input.relayUrl, credentials);
  }

  async join(input: { relayUrl: string; inviteCode: string; memberName: string; deviceName: string }) {
    this.refuseIfConfigured();
    this.joining = true;
    // What follows the dot opens the workspace key (src-main/sync/keys/): it never goes to the relay.
    const [relayCode = '', keySecret] = input.inviteCode.trim().split('.');
    const credentials = await this.call(() =>
      this.engine.anonymousClient(input.relayUrl).join({
        inviteCode: relayCode,
        memberName: input.memberName,
        deviceName: deviceLabel(input.deviceName),
      }),
    );
    return this.adopt(input.relayUrl, credentials, keySecret ? { relayCode, secret: keySecret } : undefined);
  }

  /** Stops syncing on this laptop (after a revoke, or to join another workspace); keeps the data. */
  leave() {
    this.engine.leave();
    return this.engine.status();
  }

  /** An invite code for a member of `role`; when the workspace has a key, with the secret that opens it after a dot. */
  async invite(role: WorkspaceRole) {
    const client = this.engine.client();
    const invite = await this.call(() => client.invite(role));
    return { ...invite, inviteCode: await this.call(() => this.engine.keys.sealForInvite(client, invite.inviteCode)) };
  }

  workspace() {
    return this.call(() => this.engine.client().workspace());
  }

  async revokeDevice(deviceId: string) {
    await this.call(() => this.engine.client().revokeDevice(deviceId));
    return this.workspace();
  }

  async setMemberRole(memberId: string, role: WorkspaceRole) {
    await this.call(() => this.engine.client().setMemberRole(memberId, role));
    return this.workspace();
  }

  /** Removes a member and rotates the workspace key, so nothing sent from now on opens on their devices. */
  async removeMember(memberId: string) {
    const client = this.engine.client();
    await this.call(() => client.removeMember(memberId));
    const deviceId = this.engine.config?.deviceId;
    if (deviceId && this.engine.keys.epochs().length > 0) {
      await this.call(() => this.engine.keys.rotate(client, deviceId));
      // Shows the new epoch at once, and sends what waits with it.
      await this.engine.syncNow();
    }
    return this.workspace();
  }

  private async adopt(relayUrl: string, credentials: DeviceCredentials, invite?: { relayCode: string; secret: string }) {
    this.engine.configure(relayUrl, credentials);
    if (invite) this.engine.keys.rememberInvite(invite.relayCode, invite.secret);
    // "My contacts" means those owned by me as a member of the workspace.
    this.settings.update({ userName: credentials.memberName });
    this.engine.start();
    return this.engine.syncNow();
  }

  private refuseIfConfigured(): void {
    if (this.engine.config) {
      throw new AppError('conflict', `This laptop already syncs with the workspace "${this.engine.config.workspaceName}".`);
    }
  }

  /** Relay failures become errors the user can act on. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    const joining = this.joining;
    this.joining = false;
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      // An unknown, used or expired invite is about the code the person typed.
      throw relayErrorToAppError(error, joining && error.code === 'not_found' ? 'inviteCode' : undefined);
    }
  }
}

const appErrorCodes: Record<string, ErrorCode> = {
  forbidden: 'forbidden',
  unauthorized: 'forbidden',
  not_found: 'not_found',
  invalid_input: 'invalid_input',
  offline: 'unavailable',
  rate_limited: 'unavailable',
};

/** A relay's refusal as an error the user can act on (also the phone line's: src-main/phone). */
export function relayErrorToAppError(error: RelayError, field?: string): AppError {
  const code = appErrorCodes[error.code] ?? (error.status >= 500 ? 'unavailable' : 'conflict');
  return new AppError(code, error.message, field);
}

function deviceLabel(name: string): string {
  return name === 'Laptop' ? `${os.hostname()}`.slice(0, 120) || name : name;
}
