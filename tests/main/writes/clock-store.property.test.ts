import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../../src-main/db/open';
import { decodeClocks, encodeClocks, sharedClockBase, sharedClockFields } from '../../../src-main/writes/clock-encoding';
import { ClockStore, clockStoreOf } from '../../../src-main/writes/clock-store';
import { formatHlc } from '../../../src-shared/hlc';
import type { FieldClocks } from '../../../src-shared/sync/merge';

// The clocks are stored compactly (a base HLC per row, the fields that differ, names and devices
// as codes), and the merge must read back exactly what was written: any map of field -> clock,
// a field without a clock staying without one, clocks of another form kept as given.

const opened: Sqlite[] = [];
afterEach(() => {
  for (const sqlite of opened.splice(0)) sqlite.close();
});
function database(): Sqlite {
  const { sqlite } = openDatabase({ file: ':memory:' });
  opened.push(sqlite);
  return sqlite;
}

const device = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 12 }).filter((text) => !text.includes('\n')));
const hlc = fc.record({ wallMs: fc.integer({ min: 0, max: 10 ** 15 - 1 }), counter: fc.integer({ min: 0, max: 99_999 }), deviceId: device }).map(formatHlc);
// Not of the HLC form: anything, separators and escapes of the stored form included.
const otherForm = fc.oneof(fc.string(), fc.constantFrom('', ',', '%2C', '%25,~=', '1-2', '7=1.2.3', '001700000000000-00000-\nx', '\uD800'));
const fieldName = fc.oneof(fc.stringMatching(/^[a-z_]{1,14}$/), fc.string({ maxLength: 8 }), fc.constant('__proto__'));
/** Maps where several fields share a clock, as rows written by one change do, and some differ. */
const fieldClocks = fc
  .tuple(fc.array(hlc, { minLength: 1, maxLength: 4 }), fc.uniqueArray(fieldName, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 30 }), fc.array(otherForm, { maxLength: 2 }))
  .map(([pool, names, picks, others]) => {
    const clocks: FieldClocks = {};
    names.forEach((name, index) => {
      const pick = picks[index] ?? 0;
      const value = pick % 11 === 10 && others.length > 0 ? others[pick % others.length]! : pool[pick % pool.length]!;
      Object.defineProperty(clocks, name, { value, enumerable: true, writable: true, configurable: true });
    });
    return clocks;
  });

/** In-memory dictionaries, to check the encoding alone. */
function dictionaries() {
  const fields: string[] = [];
  const devices: string[] = [];
  const code = (list: string[], name: string) => (list.includes(name) ? list.indexOf(name) : list.push(name) - 1);
  return {
    codes: { field: (name: string) => code(fields, name), device: (deviceId: string) => code(devices, deviceId) },
    names: { field: (at: number) => fields[at]!, device: (at: number) => devices[at]! },
  };
}

describe('stored clocks', () => {
  it('decode to exactly the clocks encoded, for any map of fields to clocks', () => {
    fc.assert(
      fc.property(fc.array(fieldClocks, { minLength: 1, maxLength: 5 }), (rows) => {
        const { codes, names } = dictionaries();
        for (const clocks of rows) expect(decodeClocks(encodeClocks(clocks, codes), names)).toStrictEqual(clocks);
      }),
      { numRuns: 2000 },
    );
  });

  it('are read back as written through the database, by this connection and by a store that starts afresh', () => {
    const sqlite = database();
    const store = clockStoreOf(sqlite);
    let row = 0;
    fc.assert(
      fc.property(fc.constantFrom('contacts', 'notes', 'segment_members'), fieldClocks, fieldClocks, (table, first, second) => {
        const rowId = `row-${(row += 1)}`;
        sqlite.transaction(() => {
          store.newTransaction();
          store.insertNew([{ table, rowId, clocks: first }]);
        })();
        store.settle();
        expect(store.read(table, rowId)).toStrictEqual(first);
        sqlite.transaction(() => {
          store.newTransaction();
          store.write(table, rowId, second);
        })();
        store.settle();
        expect(store.read(table, rowId)).toStrictEqual(second);
        expect(new ClockStore(sqlite).read(table, rowId)).toStrictEqual(second);
      }),
      { numRuns: 300 },
    );
  });

  it('are stored alike for a new row written by one change by the bulk path (one list of field codes for many rows) and field by field', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uniqueArray(fieldName, { minLength: 1, maxLength: 30 }), fc.oneof(hlc, otherForm)), { minLength: 1, maxLength: 6 }), (rows) => {
        // Two dictionaries given the same names in the same order: codes of earlier rows shape later ones.
        const fieldByField = dictionaries();
        const shared = dictionaries();
        for (const [names, clock] of rows) {
          const clocks: FieldClocks = {};
          for (const name of names) Object.defineProperty(clocks, name, { value: clock, enumerable: true, writable: true, configurable: true });
          const expected = encodeClocks(clocks, fieldByField.codes);
          const base = sharedClockBase(clock, shared.codes);
          if (base === null) {
            // Not of the HLC form: the store encodes such a row field by field.
            expect(expected.wallMs).toBeNull();
            encodeClocks(clocks, shared.codes);
            continue;
          }
          expect({ ...base, fields: sharedClockFields(names, shared.codes) }).toStrictEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes much less room than the JSON they replace for a row written by one change', () => {
    const { codes } = dictionaries();
    const clock = formatHlc({ wallMs: 1_790_000_000_000, counter: 0, deviceId: '0195f3c2-7a41-7c4e-9a3d-2f6a1b8c9d0e' });
    const clocks = Object.fromEntries(['name', 'company', 'job_title', 'status', 'owner', 'source', 'summary', 'cl', 'created_at', 'updated_at'].map((name) => [name, clock]));
    const stored = encodeClocks(clocks, codes);
    expect(stored.fields).toBe('0-9');
    expect(stored.fields.length * 20).toBeLessThan(JSON.stringify(clocks).length);
  });
});

describe('the dictionaries of names and devices', () => {
  it('still name a device first met in a change that was rolled back, when a later change of that device is stored', () => {
    const sqlite = database();
    const store = clockStoreOf(sqlite);
    const newDevice = (wallMs: number) => formatHlc({ wallMs, counter: 0, deviceId: 'device-met-in-a-savepoint' });
    sqlite.transaction(() => {
      store.newTransaction();
      store.write('notes', 'kept', { body: formatHlc({ wallMs: 1, counter: 0, deviceId: 'known' }) });
      // A change set aside: its savepoint is rolled back, the device code it was given with it.
      try {
        sqlite.transaction(() => {
          store.write('notes', 'refused', { body: newDevice(2), photo: newDevice(2) });
          throw new Error('refused by SQLite');
        })();
      } catch {
        store.newTransaction();
      }
      store.write('notes', 'later', { body: newDevice(3), cl: newDevice(3) });
    })();
    store.settle();
    expect(new ClockStore(sqlite).read('notes', 'later')).toEqual({ body: newDevice(3), cl: newDevice(3) });
    expect(new ClockStore(sqlite).read('notes', 'refused')).toEqual({});
  });

  it('number a table, field or device that a rolled-back transaction had numbered again after it, never reusing its code for another', () => {
    const sqlite = database();
    const store = clockStoreOf(sqlite);
    const at = (deviceId: string) => formatHlc({ wallMs: 5, counter: 1, deviceId });
    expect(() =>
      sqlite.transaction(() => {
        store.newTransaction();
        store.write('calls', 'c1', { number: at('first') });
        throw new Error('the whole write failed');
      })(),
    ).toThrow('the whole write failed');
    store.settle();
    sqlite.transaction(() => {
      store.newTransaction();
      store.write('calls', 'c2', { number: at('second'), notes: at('first') });
    })();
    store.settle();
    expect(new ClockStore(sqlite).read('calls', 'c2')).toEqual({ number: at('second'), notes: at('first') });
    expect(store.read('calls', 'c1')).toEqual({});
  });
});
