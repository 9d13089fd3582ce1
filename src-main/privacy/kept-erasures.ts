import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { erasedRowsOf, erasureTable } from '../../src-shared/sync/erasure';
import type { Sqlite } from '../db/open';
import { frameKey } from '../security/framed-cipher';
import type { ChangeRecord } from '../writes/change-log';
import type { MutationEngine } from '../writes/mutation-engine';

// The people forgotten on this laptop, kept outside its backups, so that restoring a backup made
// before one of them was forgotten does not bring them back (docs/roles-audit-and-forgetting.md,
// "Backups"). The list is every erasure record the laptop holds (ids of rows only, never a value),
// written beside the backups each time an erasure is committed and each time a backup is made.
// Restoring a backup copies the list beside it into the restored folder; the folder's first start
// applies those erasures as if they had just been pulled (the same change ids, so applying them
// twice does nothing), and only then removes the copy: a start killed part-way applies them again.
//
// The list is sealed (AES-256-GCM) under a key derived from the database key, which a backup
// carries: only a backup of the same data folder opens it. A tag row's id of the earlier form
// names its tag, so even ids are not left in plain text.

export const erasureListName = 'forgotten-people.fbe';
/** In a restored folder, until its first start has applied them. */
export const restoredErasuresName = 'restored-erasures.fbe';

const magic = Buffer.from('FBERASE1');
const purpose = 'fieldbook erasure list';

const KeptErasureSchema = z.object({
  changeId: z.string(),
  hlc: z.string(),
  tableName: z.literal(erasureTable),
  rowId: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  schemaVersion: z.number(),
  deviceId: z.string(),
  author: z.string(),
});
const KeptErasuresSchema = z.array(KeptErasureSchema);

function seal(plain: Buffer, databaseKey: Buffer | null | undefined): Buffer {
  if (!databaseKey) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', frameKey(databaseKey, Buffer.alloc(0), purpose), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, iv, cipher.getAuthTag(), body]);
}

function open(sealed: Buffer, databaseKey: Buffer | null | undefined): Buffer | undefined {
  if (!sealed.subarray(0, magic.length).equals(magic)) return databaseKey ? undefined : sealed;
  if (!databaseKey) return undefined;
  try {
    const at = magic.length;
    const decipher = createDecipheriv('aes-256-gcm', frameKey(databaseKey, Buffer.alloc(0), purpose), sealed.subarray(at, at + 12));
    decipher.setAuthTag(sealed.subarray(at + 12, at + 28));
    return Buffer.concat([decipher.update(sealed.subarray(at + 28)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Every erasure record this laptop holds, made here or pulled. */
export function erasuresHeld(sqlite: Sqlite): ChangeRecord[] {
  const rows = sqlite
    .prepare('SELECT change_id, hlc, table_name, row_id, fields, schema_version, device_id, author FROM changes WHERE table_name = ? ORDER BY hlc')
    .all(erasureTable) as { change_id: string; hlc: string; table_name: string; row_id: string; fields: string; schema_version: number; device_id: string; author: string }[];
  return rows.map((row) => ({
    changeId: row.change_id,
    hlc: row.hlc,
    tableName: row.table_name,
    rowId: row.row_id,
    fields: JSON.parse(row.fields) as ChangeRecord['fields'],
    schemaVersion: row.schema_version,
    deviceId: row.device_id,
    author: row.author,
  }));
}

/** Writes the list into `dir` (whole, through a temporary file: a reader never sees half of it). None when nobody was forgotten. */
export function writeErasureList(dir: string, sqlite: Sqlite, databaseKey: Buffer | null | undefined): number {
  const erasures = erasuresHeld(sqlite);
  if (erasures.length === 0) return 0;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, erasureListName);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, seal(Buffer.from(JSON.stringify(erasures)), databaseKey), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return erasures.length;
}

/** The erasures of a list file, or undefined when there is none or it does not open with this key. */
export function readErasureList(file: string, databaseKey: Buffer | null | undefined): ChangeRecord[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  const plain = open(fs.readFileSync(file), databaseKey);
  if (!plain) return undefined;
  try {
    const parsed = KeptErasuresSchema.safeParse(JSON.parse(plain.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * At the start of a restored folder: applies the erasures restored beside its database (an
 * erasure already there changes nothing), then removes their file. Returns how many were applied.
 */
export function applyRestoredErasures(dataDir: string, engine: MutationEngine, databaseKey: Buffer | null | undefined): number {
  const file = path.join(dataDir, restoredErasuresName);
  const erasures = readErasureList(file, databaseKey);
  if (erasures === undefined) {
    fs.rmSync(file, { force: true });
    return 0;
  }
  engine.applyRemoteChanges(erasures);
  fs.rmSync(file, { force: true });
  return erasures.length;
}

/** The contacts the erasure records with these ids name. */
export function erasedContactIds(sqlite: Sqlite, erasureIds: Iterable<string>): string[] {
  const read = sqlite.prepare('SELECT rows FROM erasures WHERE id = ?');
  const ids = new Set<string>();
  for (const id of erasureIds) {
    const row = read.get(id) as { rows: string } | undefined;
    for (const named of row ? erasedRowsOf({ rows: row.rows }) : []) if (named.table === 'contacts' && !named.fields) ids.add(named.rowId);
  }
  return [...ids];
}
