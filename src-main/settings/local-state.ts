import type { Sqlite } from '../db/open';

/** Key -> JSON value store of this laptop (settings, device id, last clock). Not synced. */
export class LocalState {
  private readonly selectValue;
  private readonly upsertValue;
  private readonly deleteValue;

  constructor(sqlite: Sqlite) {
    this.selectValue = sqlite.prepare('SELECT value FROM local_settings WHERE key = ?');
    this.deleteValue = sqlite.prepare('DELETE FROM local_settings WHERE key = ?');
    this.upsertValue = sqlite.prepare(
      `INSERT INTO local_settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  get<T>(key: string): T | undefined {
    const row = this.selectValue.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  delete(key: string): void {
    this.deleteValue.run(key);
  }

  set<T>(key: string, value: T): T {
    this.upsertValue.run(key, JSON.stringify(value));
    return value;
  }
}
