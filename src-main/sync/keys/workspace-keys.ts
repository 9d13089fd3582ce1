import {
  deviceRecipient,
  inviteRecipient,
  newDeviceKeyPair,
  newEpochKeys,
  newInviteSecret,
  unwrapForDevice,
  unwrapForInvite,
  wrapToDevice,
  wrapToInvite,
  type EpochKeys,
} from '../../../src-shared/sync/sealing';
import type { WorkspaceRole } from '../../../src-shared/sync/roles';
import type { SecretStore } from '../../core/secret-store';
import type { LocalState } from '../../settings/local-state';
import { RelayError, type RelayClient } from '../relay-client';

// This laptop's end-to-end keys (docs/end-to-end-encryption.md): the workspace's key ring (every
// epoch it was given) and its own device key pair, both in the secret store like the device
// token; and the work of each sync cycle to keep them current with the relay (KeysResponse in
// src-shared/sync/protocol.ts): register the device's public key, open key rings sealed to it,
// make the first epoch (an admin, when the workspace has none: new, or from before end-to-end
// encryption), and seal the key ring to teammates' devices that lack it.

const ringSecret = 'workspace-key-ring';
const deviceSecret = 'device-key-pair';
/** The secret after the dot of the invite this laptop joined with, until its key ring is opened. */
const inviteSecret = 'invite-key-secret';
const registeredKey = 'sync.deviceKeyRegistered';
const relayEpochKey = 'sync.relayKeyEpoch';

/** The status a person sees about the workspace key (the Team sync screen). */
export interface KeyStatus {
  /** The epoch this laptop seals with, or null while the workspace has no key yet. */
  epoch: number | null;
  /** True when every value this laptop sends is sealed with the workspace key. */
  secured: boolean;
}

export class WorkspaceKeys {
  constructor(
    private readonly secrets: SecretStore,
    private readonly state: LocalState,
  ) {}

  epochs(): EpochKeys[] {
    const stored = this.secrets.get(ringSecret);
    return stored ? (JSON.parse(stored) as EpochKeys[]) : [];
  }

  keyOf = (epoch: number): EpochKeys | undefined => this.epochs().find((keys) => keys.epoch === epoch);

  /** The epoch to seal with: the relay's newest, once this laptop holds it. */
  sealingKeys(): EpochKeys | undefined {
    const newest = this.state.get<number>(relayEpochKey);
    return newest === undefined ? undefined : this.keyOf(newest);
  }

  /** Whether the workspace has a key this laptop has not been given yet (it must not sync plain meanwhile). */
  waitingForKey(): boolean {
    const newest = this.state.get<number>(relayEpochKey);
    return newest !== undefined && this.keyOf(newest) === undefined;
  }

  status(): KeyStatus {
    const keys = this.sealingKeys();
    return { epoch: keys?.epoch ?? null, secured: keys !== undefined };
  }

  /** Forgets every key (leaving the workspace). */
  forget(): void {
    for (const name of [ringSecret, deviceSecret, inviteSecret]) this.secrets.delete(name);
    this.state.delete(registeredKey);
    this.state.delete(relayEpochKey);
  }

  /** Keeps the secret part of the invite this laptop joins with (never sent to the relay). */
  rememberInvite(relayCode: string, secret: string): void {
    this.secrets.set(inviteSecret, JSON.stringify({ recipient: inviteRecipient(relayCode), secret }));
  }

  /**
   * Brings this laptop's keys up to date with the relay; run at the start of every sync cycle.
   * A relay of an earlier version (no key routes) leaves the workspace unsealed, as before.
   */
  async sync(client: RelayClient, self: { role: WorkspaceRole; deviceId: string }): Promise<void> {
    const device = this.deviceKeyPair();
    if (!this.state.get<boolean>(registeredKey)) {
      try {
        await client.registerDeviceKey(device.publicKey);
      } catch (error) {
        if (error instanceof RelayError && error.status === 404) return;
        throw error;
      }
      this.state.set(registeredKey, true);
    }
    const invite = this.pendingInvite();
    let answer = await client.keys(invite?.recipient);
    const opened: EpochKeys[] = [];
    for (const envelope of answer.envelopes) {
      if (this.keyOf(envelope.epoch)) continue;
      // The relay answers with envelopes for this device and for the invite asked about only.
      if (envelope.recipient.startsWith('invite:')) {
        if (invite?.recipient === envelope.recipient) opened.push(...unwrapForInvite(invite.secret, envelope.envelope));
      } else opened.push(...unwrapForDevice(device, envelope.envelope));
    }
    this.add(opened);
    if (invite && answer.envelopes.some((envelope) => envelope.recipient === invite.recipient)) this.secrets.delete(inviteSecret);

    if (answer.epochs.length === 0 && self.role === 'admin') {
      await this.addEpoch(client, 1, self.deviceId);
      answer = await client.keys();
    }
    const newest = answer.epochs[answer.epochs.length - 1];
    if (newest) this.state.set(relayEpochKey, newest.epoch);
    await this.wrapForDevicesMissingKeys(client, answer.devicesMissingKeys);
  }

  /**
   * A new epoch after a member is removed: sealed to this laptop and then to every remaining
   * device; the removed member's devices are revoked, so the relay never lists them.
   */
  async rotate(client: RelayClient, deviceId: string): Promise<number> {
    const answer = await client.keys();
    const next = (answer.epochs[answer.epochs.length - 1]?.epoch ?? 0) + 1;
    await this.addEpoch(client, next, deviceId);
    const after = await client.keys();
    this.state.set(relayEpochKey, after.epochs[after.epochs.length - 1]!.epoch);
    await this.wrapForDevicesMissingKeys(client, after.devicesMissingKeys);
    return next;
  }

  /** The invite code as given to the person: the relay's code, a dot, and the secret the key ring is sealed with. */
  async sealForInvite(client: RelayClient, relayCode: string): Promise<string> {
    const epochs = this.epochs();
    if (epochs.length === 0) return relayCode;
    const secret = newInviteSecret();
    await client.addEnvelopes(epochs.map((keys) => ({ epoch: keys.epoch, recipient: inviteRecipient(relayCode), envelope: wrapToInvite(secret, [keys]) })));
    return `${relayCode}.${secret}`;
  }

  private async addEpoch(client: RelayClient, epoch: number, deviceId: string): Promise<void> {
    const keys = newEpochKeys(epoch);
    try {
      await client.addEpoch({
        epoch,
        boxPublic: keys.boxPublic,
        envelopes: [{ recipient: deviceRecipient(deviceId), envelope: wrapToDevice(this.deviceKeyPair().publicKey, [keys]) }],
      });
    } catch (error) {
      // Another admin made this epoch first: its key ring comes sealed to this laptop instead.
      if (error instanceof RelayError && error.code === 'conflict') return;
      throw error;
    }
    this.add([keys]);
  }

  private async wrapForDevicesMissingKeys(client: RelayClient, devices: { deviceId: string; publicKey: string; epochs: number[] }[]): Promise<void> {
    const envelopes = devices.flatMap((device) =>
      device.epochs.flatMap((epoch) => {
        const keys = this.keyOf(epoch);
        return keys ? [{ epoch, recipient: deviceRecipient(device.deviceId), envelope: wrapToDevice(device.publicKey, [keys]) }] : [];
      }),
    );
    for (let start = 0; start < envelopes.length; start += 1000) await client.addEnvelopes(envelopes.slice(start, start + 1000));
  }

  private add(epochs: readonly EpochKeys[]): void {
    if (epochs.length === 0) return;
    const byEpoch = new Map(this.epochs().map((keys) => [keys.epoch, keys]));
    for (const keys of epochs) if (!byEpoch.has(keys.epoch)) byEpoch.set(keys.epoch, keys);
    this.secrets.set(ringSecret, JSON.stringify([...byEpoch.values()].sort((a, b) => a.epoch - b.epoch)));
  }

  private deviceKeyPair(): { secretKey: string; publicKey: string } {
    const stored = this.secrets.get(deviceSecret);
    if (stored) return JSON.parse(stored) as { secretKey: string; publicKey: string };
    const pair = newDeviceKeyPair();
    this.secrets.set(deviceSecret, JSON.stringify(pair));
    return pair;
  }

  private pendingInvite(): { recipient: string; secret: string } | undefined {
    const stored = this.secrets.get(inviteSecret);
    return stored ? (JSON.parse(stored) as { recipient: string; secret: string }) : undefined;
  }
}
