import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { deviceRecipient } from '../../src-shared/sync/sealing';
import { relayRoutes, type KeysResponse } from '../../src-shared/sync/protocol';
import { pokeChannel } from '../db/open';
import { devicePublicKeys, devices, keyEnvelopes, workspaceKeyEpochs } from '../db/schema';
import { invalidInput, parseInput, RelayHttpError } from '../http';
import type { Route } from '../routes/types';

// The relay's side of end-to-end keys (docs/end-to-end-encryption.md). It stores public keys and
// sealed key rings and hands them out within the workspace; it never sees a key it could use.
// Admins add epochs (the first one, and one after each removal); any device that holds a key
// ring wraps it for devices that lack it. Each change to them is announced on the live channel
// (announceKeysChanged), so laptops ask GET /v1/keys only when there is news.

export const keyRoutes: readonly Route[] = [
  {
    ...relayRoutes.keys,
    access: 'device',
    async handle({ db, caller, query }): Promise<KeysResponse> {
      const { invite } = parseInput(relayRoutes.keys.query, Object.fromEntries(query));
      const recipients = [deviceRecipient(caller.deviceId), ...(invite ? [invite] : [])];
      const [epochs, envelopes, activeDevices, wrapped] = await Promise.all([
        db.select().from(workspaceKeyEpochs).where(eq(workspaceKeyEpochs.workspaceId, caller.workspaceId)).orderBy(asc(workspaceKeyEpochs.epoch)),
        db
          .select()
          .from(keyEnvelopes)
          .where(and(eq(keyEnvelopes.workspaceId, caller.workspaceId), inArray(keyEnvelopes.recipient, recipients))),
        db
          .select({ deviceId: devicePublicKeys.deviceId, publicKey: devicePublicKeys.publicKey })
          .from(devicePublicKeys)
          .innerJoin(devices, eq(devices.id, devicePublicKeys.deviceId))
          .where(and(eq(devicePublicKeys.workspaceId, caller.workspaceId), isNull(devices.revokedAt))),
        db
          .select({ epoch: keyEnvelopes.epoch, recipient: keyEnvelopes.recipient })
          .from(keyEnvelopes)
          .where(eq(keyEnvelopes.workspaceId, caller.workspaceId)),
      ]);
      const has = new Set(wrapped.map((row) => `${row.epoch}|${row.recipient}`));
      return {
        epochs: epochs.map((row) => ({ epoch: row.epoch, boxPublic: row.boxPublic })),
        envelopes: envelopes.map((row) => ({ epoch: row.epoch, recipient: row.recipient, envelope: row.envelope })),
        devicesMissingKeys: activeDevices
          .map((device) => ({
            ...device,
            epochs: epochs.map((row) => row.epoch).filter((epoch) => !has.has(`${epoch}|${deviceRecipient(device.deviceId)}`)),
          }))
          .filter((device) => device.epochs.length > 0),
      };
    },
  },
  {
    ...relayRoutes.registerDeviceKey,
    access: 'device',
    async handle({ db, now, caller, body }) {
      const { publicKey } = parseInput(relayRoutes.registerDeviceKey.body, await body());
      // A device's key is set once: a stolen token cannot swap in a key of its own and be sent
      // the key rings meant for the laptop.
      const registered = await db
        .insert(devicePublicKeys)
        .values({ deviceId: caller.deviceId, workspaceId: caller.workspaceId, publicKey, createdAt: now() })
        .onConflictDoNothing()
        .returning({ deviceId: devicePublicKeys.deviceId });
      // A new device key is a device the others may seal the key ring to.
      if (registered.length > 0) await announceKeysChanged(db, caller.workspaceId);
      const [stored] = await db.select().from(devicePublicKeys).where(eq(devicePublicKeys.deviceId, caller.deviceId));
      if (stored?.publicKey !== publicKey) throw new RelayHttpError(409, 'conflict', 'This device registered another public key before.');
      return { ok: true } as const;
    },
  },
  {
    ...relayRoutes.addEpoch,
    access: 'admin',
    async handle({ db, now, caller, body }) {
      const input = parseInput(relayRoutes.addEpoch.body, await body());
      await checkRecipients(db, caller.workspaceId, input.envelopes.map((envelope) => envelope.recipient));
      await db.transaction(async (tx) => {
        const [newest] = await tx
          .select({ epoch: workspaceKeyEpochs.epoch })
          .from(workspaceKeyEpochs)
          .where(eq(workspaceKeyEpochs.workspaceId, caller.workspaceId))
          .orderBy(desc(workspaceKeyEpochs.epoch))
          .limit(1)
          .for('update');
        // Two admins rotating at once: the second is told, fetches the first one's epoch and uses it.
        if (input.epoch !== (newest?.epoch ?? 0) + 1) {
          throw new RelayHttpError(409, 'conflict', `The workspace is at key epoch ${newest?.epoch ?? 0}; epoch ${input.epoch} cannot follow it.`);
        }
        const at = now();
        await tx.insert(workspaceKeyEpochs).values({ workspaceId: caller.workspaceId, epoch: input.epoch, boxPublic: input.boxPublic, createdBy: caller.deviceId, createdAt: at });
        if (input.envelopes.length > 0) {
          await tx.insert(keyEnvelopes).values(input.envelopes.map((envelope) => ({ ...envelope, epoch: input.epoch, workspaceId: caller.workspaceId, createdAt: at })));
        }
        await announceKeysChanged(tx, caller.workspaceId);
      });
      return { ok: true } as const;
    },
  },
  {
    ...relayRoutes.addEnvelopes,
    access: 'device',
    async handle({ db, now, caller, body }) {
      const { envelopes } = parseInput(relayRoutes.addEnvelopes.body, await body());
      await checkRecipients(db, caller.workspaceId, envelopes.map((envelope) => envelope.recipient));
      const epochs = await db.select({ epoch: workspaceKeyEpochs.epoch }).from(workspaceKeyEpochs).where(eq(workspaceKeyEpochs.workspaceId, caller.workspaceId));
      const known = new Set(epochs.map((row) => row.epoch));
      const unknown = envelopes.find((envelope) => !known.has(envelope.epoch));
      if (unknown) throw invalidInput(`Invalid epoch: the workspace has no key epoch ${unknown.epoch}.`);
      const at = now();
      // The first envelope for a recipient wins; a second copy of the same key ring is no news.
      const added = await db
        .insert(keyEnvelopes)
        .values(envelopes.map((envelope) => ({ ...envelope, workspaceId: caller.workspaceId, createdAt: at })))
        .onConflictDoNothing()
        .returning({ epoch: keyEnvelopes.epoch });
      if (added.length > 0) await announceKeysChanged(db, caller.workspaceId);
      return { ok: true } as const;
    },
  },
];

/** A device recipient must be an active device of the caller's workspace; an invite's name is a hash the relay cannot check. */
async function checkRecipients(db: Parameters<Route['handle']>[0]['db'], workspaceId: string, recipients: readonly string[]): Promise<void> {
  const deviceIds = [...new Set(recipients.filter((recipient) => recipient.startsWith('device:')).map((recipient) => recipient.slice('device:'.length)))];
  if (deviceIds.length === 0) return;
  const found = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.workspaceId, workspaceId), isNull(devices.revokedAt), or(...deviceIds.map((id) => eq(devices.id, id)))));
  if (found.length !== deviceIds.length) throw invalidInput('Invalid recipient: a key ring can only be sealed to an active device of this workspace.');
}

/**
 * Tells every relay process on the database, and through them every live device of the workspace,
 * that its keys changed (src-relay/server.ts turns `keys.<newest epoch>` into KeysChangedSchema's
 * message). Inside a transaction it is delivered when the transaction commits. Relay processes of
 * earlier versions ignore it; they sent no hello announcing it either, so their devices keep asking.
 */
export async function announceKeysChanged(db: Pick<Parameters<Route['handle']>[0]['db'], 'execute'>, workspaceId: string): Promise<void> {
  await db.execute(
    sql`SELECT pg_notify(${pokeChannel}, ${workspaceId} || ':keys.' || (SELECT coalesce(max(${workspaceKeyEpochs.epoch}), 0) FROM ${workspaceKeyEpochs} WHERE ${workspaceKeyEpochs.workspaceId} = ${workspaceId}))`,
  );
}
