import { describe, expect, it } from 'vitest';
import { createEverythingQueries } from '../../../src-main/search/everything-queries';
import { setIndexesAside } from '../../../src-main/sync/snapshot-indexes';
import { createTempCore } from '../../helpers/temp-core';

// The search page looks up its candidates' tags by contact id (up to ~1,500 ids a keystroke):
// each id should be one probe of the covering index of present tags, and the page must still
// answer while a new laptop's snapshot load has that index set aside.

describe("the search page's tags of its contacts", () => {
  it('reads them off the covering index of present tags, and still answers while a load has set it aside', async () => {
    const core = createTempCore();
    try {
      const ann = await core.call('contacts.create', { draft: { name: 'Ann Example', tags: ['vip', 'roofing'] } });
      const bob = await core.call('contacts.create', { draft: { name: 'Bob Other', tags: ['vip'] } });
      const prepared: string[] = [];
      const recording = new Proxy(core.sqlite, {
        get(target, key, receiver) {
          if (key !== 'prepare') return Reflect.get(target, key, receiver) as unknown;
          return (sql: string) => (prepared.push(sql), target.prepare(sql));
        },
      });
      const queries = createEverythingQueries(recording);
      const tagsSql = prepared.find((sql) => /FROM json_each\(\?\) j CROSS JOIN contact_tags/.test(sql));
      expect(tagsSql).toBeDefined();
      const plan = (core.sqlite.prepare(`EXPLAIN QUERY PLAN ${tagsSql!}`).all('[]') as { detail: string }[]).map((row) => row.detail).join('\n');
      expect(plan).toContain('COVERING INDEX contact_tags_present_contact');

      const tagsOf = (ids: string[]) => queries.tagsOf(ids).map((row) => `${row.contact_id === ann.id ? 'Ann' : 'Bob'} ${row.tag}`).sort();
      expect(tagsOf([ann.id, bob.id])).toEqual(['Ann roofing', 'Ann vip', 'Bob vip']);
      core.sqlite.transaction(() => setIndexesAside(core.sqlite, ['contact_tags']))();
      expect(core.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'contact_tags_present_contact'").get()).toBeUndefined();
      expect(tagsOf([ann.id, bob.id])).toEqual(['Ann roofing', 'Ann vip', 'Bob vip']);
    } finally {
      core.dispose();
    }
  });
});
