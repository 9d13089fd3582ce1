import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockStoreOf } from '../../../src-main/writes/clock-store';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// tx.writeNew creates rows known to be new with a few statements; it must never overwrite or
// merge into a row that exists, because it reads nothing of it (no clocks, no current values).

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const tagRow = (contactId: string, tag: string) => ({ table: 'contact_tags' as const, rowId: `${contactId}:${tag}`, fields: { contact_id: contactId, tag, present: 1 } });
const logged = () => (core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;

describe('creating rows together', () => {
  it('refuses, writing nothing, a row that exists or one that only has clocks, and tells which they are', () => {
    core.engine.transaction((tx) => tx.write('contact_tags', 'a:vip', { contact_id: 'a', tag: 'vip', present: 0 }));
    const before = logged();
    expect(() => core.engine.transaction((tx) => tx.writeNew([tagRow('b', 'lead'), tagRow('a', 'vip')]))).toThrow(/exists already/);
    expect(logged()).toBe(before);
    expect(core.sqlite.prepare("SELECT present FROM contact_tags WHERE id = 'a:vip'").get()).toEqual({ present: 0 });
    core.engine.transaction(() => clockStoreOf(core.sqlite).write('contact_tags', 'c:lead', {}));
    core.engine.transaction((tx) => expect(tx.existing('contact_tags', ['a:vip', 'b:lead', 'c:lead'])).toEqual(new Set(['a:vip', 'c:lead'])));
  });

  it('refuses a row listed twice', () => {
    expect(() => core.engine.transaction((tx) => tx.writeNew([tagRow('b', 'lead'), tagRow('b', 'lead')]))).toThrow(/listed twice/);
    expect(logged()).toBe(0);
  });

  it('gives each row its own clock and change record, in the order given', () => {
    core.engine.transaction((tx) => tx.writeNew(Array.from({ length: 70 }, (_, index) => tagRow(`c${index}`, 'lead'))));
    const changes = core.sqlite.prepare('SELECT row_id, hlc FROM changes ORDER BY seq').all() as { row_id: string; hlc: string }[];
    expect(changes.map((change) => change.row_id)).toEqual(Array.from({ length: 70 }, (_, index) => `c${index}:lead`));
    expect([...changes.map((change) => change.hlc)].sort()).toEqual(changes.map((change) => change.hlc));
    expect(new Set(changes.map((change) => change.hlc)).size).toBe(70);
    expect(clockStoreOf(core.sqlite).read('contact_tags', 'c69:lead')).toEqual({ contact_id: changes[69]!.hlc, tag: changes[69]!.hlc, present: changes[69]!.hlc });
  });
});
