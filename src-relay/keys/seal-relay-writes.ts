import { desc, eq } from 'drizzle-orm';
import { sealValueToPublicKey, staysPlain, type FieldValue } from '../../src-shared/sync/sealing';
import type { RelayDb, RelayTransaction } from '../db/open';
import { workspaceKeyEpochs } from '../db/schema';

type Fields = Record<string, FieldValue>;

/**
 * How the relay seals the rows it writes itself (a web-form lead, an intake API row, a call from
 * the phone line) for one workspace: each value but `cl` in a sealed box to the newest epoch's
 * public key, with its place inside. A workspace without a key yet gets them plain, as before.
 */
export async function sealRelayWrite(tx: RelayTransaction, workspaceId: string): Promise<(row: { tableName: string; rowId: string; hlc: string; fields: Fields }) => Fields> {
  const newest = await newestPublicKey(tx, workspaceId);
  if (!newest) return (row) => row.fields;
  return (row) => {
    const sealed: Fields = {};
    for (const [field, value] of Object.entries(row.fields)) {
      sealed[field] = staysPlain(field, row.tableName) ? value : sealValueToPublicKey(newest, { tableName: row.tableName, rowId: row.rowId, field, hlc: row.hlc }, value);
    }
    return sealed;
  };
}

/** The newest epoch's public key of a workspace, or undefined while it has no key. */
export async function newestPublicKey(db: RelayDb | RelayTransaction, workspaceId: string): Promise<{ epoch: number; boxPublic: string } | undefined> {
  const [newest] = await db
    .select({ epoch: workspaceKeyEpochs.epoch, boxPublic: workspaceKeyEpochs.boxPublic })
    .from(workspaceKeyEpochs)
    .where(eq(workspaceKeyEpochs.workspaceId, workspaceId))
    .orderBy(desc(workspaceKeyEpochs.epoch))
    .limit(1);
  return newest;
}
