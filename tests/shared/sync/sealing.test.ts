import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSealedValue,
  newDeviceKeyPair,
  newEpochKeys,
  isSealedBytes,
  openSealedBytes,
  sealBytesToPublicKey,
  newInviteSecret,
  openFields,
  openValue,
  sealFields,
  sealValue,
  sealValueToPublicKey,
  unwrapForDevice,
  unwrapForInvite,
  UnsealError,
  wrapToDevice,
  wrapToInvite,
  type ValuePlace,
} from '../../../src-shared/sync/sealing';

// What laptops seal before a push must open again after the pull exactly as it was, for every
// value a synced field can hold; and a value altered at the relay, or moved by it to another
// row, field or clock, must not open.

const epoch1 = newEpochKeys(1);
const epoch2 = newEpochKeys(2);
const keysOf = (epoch: number) => [epoch1, epoch2].find((keys) => keys.epoch === epoch);

const fieldValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
const place = fc.record({
  tableName: fc.constantFrom('contacts', 'notes', 'calls', 'mail_messages'),
  rowId: fc.uuid(),
  field: fc.constantFrom('name', 'body', 'phones', 'emails', 'duration_s'),
  hlc: fc.integer({ min: 1e14, max: 9e14 }).map((ms) => `${String(ms).padStart(15, '0')}-00000-device`),
});

const opened = (sealed: string, at: ValuePlace) => openValue(keysOf, at, sealed);

describe('sealed field values', () => {
  it('open to exactly the value sealed, for every value a field can hold, by the laptop or by the relay', () => {
    fc.assert(
      fc.property(fieldValue, place, (value, at) => {
        const sealed = sealValue(epoch1, at, value);
        expect(isSealedValue(sealed)).toBe(true);
        expect(opened(sealed, at)).toEqual(Object.is(value, -0) ? 0 : value);
        expect(opened(sealValueToPublicKey(epoch2, at, value), at)).toEqual(Object.is(value, -0) ? 0 : value);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse a value moved to another row, field or clock', () => {
    fc.assert(
      fc.property(fieldValue, place, place, (value, at, elsewhere) => {
        fc.pre(JSON.stringify(at) !== JSON.stringify(elsewhere));
        expect(() => opened(sealValue(epoch1, at, value), elsewhere)).toThrow(UnsealError);
        expect(() => opened(sealValueToPublicKey(epoch1, at, value), elsewhere)).toThrow(UnsealError);
      }),
      { numRuns: 200 },
    );
  });

  it('refuse a ciphertext altered by even one character', () => {
    fc.assert(
      fc.property(fieldValue, place, fc.nat(), (value, at, position) => {
        for (const sealed of [sealValue(epoch1, at, value), sealValueToPublicKey(epoch1, at, value)]) {
          const body = sealed.indexOf(':') + 1;
          const index = body + (position % (sealed.length - body));
          const altered = sealed.slice(0, index) + (sealed[index] === 'A' ? 'B' : 'A') + sealed.slice(index + 1);
          expect(() => opened(altered, at)).toThrow(UnsealError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('say which epoch is missing when the laptop lacks its key', () => {
    const at = { tableName: 'contacts', rowId: 'c1', field: 'name', hlc: '001796512687972-00000-a' };
    const sealed = sealValue(newEpochKeys(3), at, 'Priya Shah');
    expect(() => opened(sealed, at)).toThrow('does not hold the workspace key of epoch 3');
  });

  it('keep the causal length plain and name the field that does not open', () => {
    const change = { tableName: 'contacts', rowId: 'c1', hlc: '001796512687972-00000-a', fields: { name: 'Priya Shah', cl: 1 } };
    const sealed = sealFields(epoch1, change);
    expect(sealed.cl).toBe(1);
    expect(isSealedValue(sealed.name)).toBe(true);
    expect(openFields(keysOf, { ...change, fields: sealed }, () => change.hlc)).toEqual({ fields: change.fields });
    expect(openFields(keysOf, { ...change, rowId: 'c2', fields: sealed }, () => change.hlc)).toEqual({ failed: expect.stringContaining('contacts.name could not be opened') });
  });
});

describe('key rings', () => {
  it('open only for the device they were sealed to', () => {
    const device = newDeviceKeyPair();
    const envelope = wrapToDevice(device.publicKey, [epoch1, epoch2]);
    expect(unwrapForDevice(device, envelope)).toEqual([epoch1, epoch2]);
    expect(() => unwrapForDevice(newDeviceKeyPair(), envelope)).toThrow(UnsealError);
  });

  it('open only with the secret of the invite they were left for', () => {
    const secret = newInviteSecret();
    const envelope = wrapToInvite(secret, [epoch1]);
    expect(unwrapForInvite(secret, envelope)).toEqual([epoch1]);
    expect(() => unwrapForInvite(newInviteSecret(), envelope)).toThrow('does not open the workspace key');
  });
});

describe('bytes the relay seals to the public key', () => {
  it('open, byte for byte, only with the key of the epoch the header names', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (plain) => {
        const sealed = sealBytesToPublicKey(epoch2, plain);
        expect(isSealedBytes(sealed)).toBe(true);
        expect(Buffer.from(openSealedBytes(keysOf, sealed)).equals(Buffer.from(plain))).toBe(true);
        expect(() => openSealedBytes((epoch) => (epoch === 1 ? epoch1 : undefined), sealed)).toThrow(/epoch 2/);
      }),
      { numRuns: 50 },
    );
  });

  it('refuse altered bytes, and tell plain bytes from sealed ones', () => {
    const sealed = sealBytesToPublicKey(epoch1, Buffer.from('ID3 a recorded call'));
    sealed[sealed.length - 5]! ^= 1;
    expect(() => openSealedBytes(keysOf, sealed)).toThrow(UnsealError);
    expect(isSealedBytes(Buffer.from('ID3 a recorded call'))).toBe(false);
  });
});
