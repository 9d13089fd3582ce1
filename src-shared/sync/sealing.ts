import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { bytesToUtf8, concatBytes, utf8ToBytes } from '@noble/ciphers/utils';
import { randomBytes } from '@noble/ciphers/webcrypto';
import { x25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { base64urlnopad as base64url } from '@scure/base';
import { erasureTable } from './erasure';
import { causalLengthField } from './merge';

// End-to-end sealing of synced values (docs/end-to-end-encryption.md). Laptops share a workspace
// key per epoch; every field value of a change is sealed with it (XChaCha20-Poly1305) before the
// push, with the table, row, field and clock as associated data, so the relay can neither read a
// value nor move it to another row or field unnoticed. The relay's own writes (a web-form lead,
// a call) are sealed to the epoch's public key instead (an X25519 sealed box), which only laptops
// can open. Only `cl` (the causal length that says whether a row exists) stays plain: the relay
// merges it when it compacts, and it says nothing about a person.
// The laptop side is src-main/sync/keys/; the relay side src-relay/keys/.

export type FieldValue = string | number | null;

/** One epoch's keys, as laptops hold them: the symmetric key and the box key pair. */
export interface EpochKeys {
  epoch: number;
  /** 32 bytes, base64url. */
  key: string;
  /** The X25519 secret key the relay's writes are sealed to; base64url. */
  boxSecret: string;
  /** Its public key, which the relay keeps; base64url. */
  boxPublic: string;
}

const epochSealPrefix = '\u0001e';
const boxSealPrefix = '\u0001s';
/** After the leading U+0001 (which no one types): the kind, the epoch and the base64url bytes. */
const sealedPattern = /^[es](\d{1,6}):[A-Za-z0-9_-]{20,}$/;

export function newEpochKeys(epoch: number): EpochKeys {
  const boxSecret = x25519.utils.randomSecretKey();
  return {
    epoch,
    key: base64url.encode(randomBytes(32)),
    boxSecret: base64url.encode(boxSecret),
    boxPublic: base64url.encode(x25519.getPublicKey(boxSecret)),
  };
}

/** Where a value belongs: bound to its ciphertext, so it opens nowhere else. */
export interface ValuePlace {
  tableName: string;
  rowId: string;
  field: string;
  hlc: string;
}

const placeBytes = (place: ValuePlace) => utf8ToBytes(`${place.tableName}\u0000${place.rowId}\u0000${place.field}\u0000${place.hlc}`);

/**
 * Whether a field keeps its value plain on the wire: the causal length (the relay compacts with
 * it), and every field of an erasure, which holds only the ids of the rows to forget and which
 * the relay must read to delete them (src-relay/privacy/).
 */
export const staysPlain = (field: string, tableName: string): boolean => field === causalLengthField || tableName === erasureTable;

/** Whether a wire value is sealed (by a laptop or by the relay). */
export function isSealedValue(value: unknown): value is string {
  return typeof value === 'string' && value.charCodeAt(0) === 1 && sealedPattern.test(value.slice(1));
}

/** The epoch a sealed value was sealed with, or null for a plain value. */
export function sealedEpoch(value: unknown): number | null {
  if (!isSealedValue(value)) return null;
  return Number(sealedPattern.exec(value.slice(1))![1]);
}

export function sealValue(keys: Pick<EpochKeys, 'epoch' | 'key'>, place: ValuePlace, value: FieldValue): string {
  const nonce = randomBytes(24);
  const sealed = xchacha20poly1305(base64url.decode(keys.key), nonce, placeBytes(place)).encrypt(utf8ToBytes(JSON.stringify(value)));
  return `${epochSealPrefix}${keys.epoch}:${base64url.encode(concatBytes(nonce, sealed))}`;
}

export class UnsealError extends Error {}

/** Opens a sealed value at its place, with the keys of its epoch; throws UnsealError with why. */
export function openValue(keysOf: (epoch: number) => EpochKeys | undefined, place: ValuePlace, sealed: string): FieldValue {
  const epoch = sealedEpoch(sealed);
  if (epoch === null) throw new UnsealError('it is not a sealed value');
  const keys = keysOf(epoch);
  if (!keys) throw new UnsealError(`this laptop does not hold the workspace key of epoch ${epoch}`);
  const bytes = decodeBody(sealed);
  const plain = sealed.startsWith(boxSealPrefix) ? openBox(keys, bytes) : openWithKey(keys, place, bytes);
  const value: unknown = JSON.parse(bytesToUtf8(plain.bytes));
  if (sealed.startsWith(boxSealPrefix)) return checkBoxedPlace(value, place);
  return checkFieldValue(value);
}

function decodeBody(sealed: string): Uint8Array {
  try {
    return base64url.decode(sealed.slice(sealed.indexOf(':') + 1));
  } catch {
    throw new UnsealError('its ciphertext is not base64url');
  }
}

function openWithKey(keys: EpochKeys, place: ValuePlace, bytes: Uint8Array): { bytes: Uint8Array } {
  if (bytes.length < 24 + 16) throw new UnsealError('its ciphertext is too short');
  try {
    return { bytes: xchacha20poly1305(base64url.decode(keys.key), bytes.subarray(0, 24), placeBytes(place)).decrypt(bytes.subarray(24)) };
  } catch {
    throw new UnsealError('it does not open with the workspace key at this row, field and clock (altered, or moved from elsewhere)');
  }
}

function checkFieldValue(value: unknown): FieldValue {
  if (value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new UnsealError('what it holds is not a field value');
}

// The relay's sealed box: an ephemeral X25519 key agreed with the epoch's public key, HKDF-SHA256
// over both public keys, XChaCha20-Poly1305. A box has no associated data the relay could be
// held to, so the place goes inside and is checked on opening.

const boxKey = (shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array) =>
  hkdf(sha256, shared, concatBytes(ephemeralPublic, recipientPublic), utf8ToBytes('fieldbook sealed box'), 32);

/** Seals bytes so that only the holder of `recipientPublic`'s secret key can open them. */
export function sealBox(recipientPublic: string, plain: Uint8Array): Uint8Array {
  const recipient = base64url.decode(recipientPublic);
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeralPublic = x25519.getPublicKey(ephemeralSecret);
  const key = boxKey(x25519.getSharedSecret(ephemeralSecret, recipient), ephemeralPublic, recipient);
  const nonce = randomBytes(24);
  return concatBytes(ephemeralPublic, nonce, xchacha20poly1305(key, nonce).encrypt(plain));
}

export function openBox(keys: Pick<EpochKeys, 'boxSecret' | 'boxPublic'>, sealed: Uint8Array): { bytes: Uint8Array } {
  if (sealed.length < 32 + 24 + 16) throw new UnsealError('its sealed box is too short');
  const ephemeralPublic = sealed.subarray(0, 32);
  try {
    const key = boxKey(x25519.getSharedSecret(base64url.decode(keys.boxSecret), ephemeralPublic), ephemeralPublic, base64url.decode(keys.boxPublic));
    return { bytes: xchacha20poly1305(key, sealed.subarray(32, 56)).decrypt(sealed.subarray(56)) };
  } catch {
    throw new UnsealError('its sealed box does not open with the workspace key (altered, or sealed to another key)');
  }
}

/** A value the relay writes, sealed to the epoch's public key with its place inside. */
export function sealValueToPublicKey(epoch: { epoch: number; boxPublic: string }, place: ValuePlace, value: FieldValue): string {
  const plain = utf8ToBytes(JSON.stringify({ place: [place.tableName, place.rowId, place.field, place.hlc], value }));
  return `${boxSealPrefix}${epoch.epoch}:${base64url.encode(sealBox(epoch.boxPublic, plain))}`;
}

// Bytes the relay keeps for a workspace (a call recording it copied from Twilio): a header naming
// the epoch whose public key sealed them, then one sealed box. What is inside is checked by its
// SHA-256, which the laptop knows from the call's (sealed) row.
const sealedBytesMagic = utf8ToBytes('FBBOX1\n');

/** Seals bytes the relay writes so that only the workspace's laptops can open them. */
export function sealBytesToPublicKey(epoch: { epoch: number; boxPublic: string }, plain: Uint8Array): Uint8Array {
  const header = new Uint8Array(sealedBytesMagic.length + 4);
  header.set(sealedBytesMagic);
  new DataView(header.buffer).setUint32(sealedBytesMagic.length, epoch.epoch);
  return concatBytes(header, sealBox(epoch.boxPublic, plain));
}

/** Whether bytes are sealed by sealBytesToPublicKey (bytes kept before the workspace had a key are not). */
export function isSealedBytes(bytes: Uint8Array): boolean {
  return bytes.length >= sealedBytesMagic.length + 4 && sealedBytesMagic.every((byte, index) => bytes[index] === byte);
}

/** Opens bytes sealed by sealBytesToPublicKey with the key of the epoch its header names. */
export function openSealedBytes(keysOf: (epoch: number) => EpochKeys | undefined, sealed: Uint8Array): Uint8Array {
  if (!isSealedBytes(sealed)) throw new UnsealError('they are not sealed bytes');
  const epoch = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(sealedBytesMagic.length);
  const keys = keysOf(epoch);
  if (!keys) throw new UnsealError(`this laptop does not have the workspace key of epoch ${epoch} yet`);
  return openBox(keys, sealed.subarray(sealedBytesMagic.length + 4)).bytes;
}

function checkBoxedPlace(boxed: unknown, place: ValuePlace): FieldValue {
  const { place: sealedAt, value } = (boxed ?? {}) as { place?: unknown; value?: unknown };
  const expected = [place.tableName, place.rowId, place.field, place.hlc];
  if (!Array.isArray(sealedAt) || sealedAt.length !== 4 || sealedAt.some((part, index) => part !== expected[index])) {
    throw new UnsealError('it was sealed for another row, field or clock');
  }
  return checkFieldValue(value);
}

/** Seals every field of a change but `cl` with the epoch's key. */
export function sealFields(
  keys: Pick<EpochKeys, 'epoch' | 'key'>,
  change: { tableName: string; rowId: string; hlc: string; fields: Record<string, FieldValue> },
): Record<string, FieldValue> {
  const sealed: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(change.fields)) {
    sealed[field] = staysPlain(field, change.tableName) ? value : sealValue(keys, { tableName: change.tableName, rowId: change.rowId, field, hlc: change.hlc }, value);
  }
  return sealed;
}

/**
 * Opens every sealed field of a change (plain fields pass as they are: changes pushed before the
 * workspace had a key). The first field that does not open fails the whole change, with why.
 */
export function openFields(
  keysOf: (epoch: number) => EpochKeys | undefined,
  change: { tableName: string; rowId: string; fields: Record<string, FieldValue> },
  clockOf: (field: string) => string | undefined,
): { fields: Record<string, FieldValue> } | { failed: string } {
  const opened: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(change.fields)) {
    if (!isSealedValue(value)) {
      opened[field] = value;
      continue;
    }
    const hlc = clockOf(field);
    try {
      if (!hlc) throw new UnsealError('it has no clock');
      opened[field] = openValue(keysOf, { tableName: change.tableName, rowId: change.rowId, field, hlc }, value);
    } catch (error) {
      if (!(error instanceof UnsealError) && !(error instanceof SyntaxError)) throw error;
      return { failed: `${change.tableName}.${field} could not be opened: ${error instanceof UnsealError ? error.message : 'what it holds is not JSON'}` };
    }
  }
  return { fields: opened };
}

/** A key ring (every epoch a laptop holds) as bytes, for wrapping to a device or an invite. */
export const keyRingBytes = (epochs: readonly EpochKeys[]): Uint8Array => utf8ToBytes(JSON.stringify(epochs));

export function keyRingFromBytes(bytes: Uint8Array): EpochKeys[] {
  const parsed: unknown = JSON.parse(bytesToUtf8(bytes));
  if (!Array.isArray(parsed)) throw new UnsealError('the key ring is not a list');
  return parsed.map((entry: Partial<EpochKeys>) => {
    if (!Number.isInteger(entry.epoch) || typeof entry.key !== 'string' || typeof entry.boxSecret !== 'string' || typeof entry.boxPublic !== 'string') {
      throw new UnsealError('the key ring holds a malformed epoch');
    }
    return { epoch: entry.epoch!, key: entry.key, boxSecret: entry.boxSecret, boxPublic: entry.boxPublic };
  });
}

/** A device's key pair for receiving wrapped key rings. */
export function newDeviceKeyPair(): { secretKey: string; publicKey: string } {
  const secret = x25519.utils.randomSecretKey();
  return { secretKey: base64url.encode(secret), publicKey: base64url.encode(x25519.getPublicKey(secret)) };
}

/** A key ring wrapped to a device's public key, as the relay keeps it. */
export const wrapToDevice = (devicePublicKey: string, epochs: readonly EpochKeys[]): string =>
  base64url.encode(sealBox(devicePublicKey, keyRingBytes(epochs)));

export const unwrapForDevice = (device: { secretKey: string; publicKey: string }, envelope: string): EpochKeys[] =>
  keyRingFromBytes(openBox({ boxSecret: device.secretKey, boxPublic: device.publicKey }, base64url.decode(envelope)).bytes);

// An invite carries a secret the relay never sees (after the dot of the code the person copies);
// the inviting laptop leaves the key ring at the relay sealed with a key made from it.

const inviteKey = (secret: string) => hkdf(sha256, base64url.decode(secret), undefined, utf8ToBytes('fieldbook invite key ring'), 32);

export const newInviteSecret = (): string => base64url.encode(randomBytes(16));

export function wrapToInvite(secret: string, epochs: readonly EpochKeys[]): string {
  const nonce = randomBytes(24);
  return base64url.encode(concatBytes(nonce, xchacha20poly1305(inviteKey(secret), nonce).encrypt(keyRingBytes(epochs))));
}

export function unwrapForInvite(secret: string, envelope: string): EpochKeys[] {
  const bytes = base64url.decode(envelope);
  try {
    return keyRingFromBytes(xchacha20poly1305(inviteKey(secret), bytes.subarray(0, 24)).decrypt(bytes.subarray(24)));
  } catch (error) {
    if (error instanceof UnsealError) throw error;
    throw new UnsealError('the invite code does not open the workspace key (mistyped after the dot?)');
  }
}

/** The recipient name an invite's key ring is left under: a hash of its relay part, never the secret. */
export const inviteRecipient = (relayCode: string): string =>
  `invite:${base64url.encode(sha256(utf8ToBytes(relayCode.replace(/[\s-]/g, '').toUpperCase())))}`;
export const deviceRecipient = (deviceId: string): string => `device:${deviceId}`;
