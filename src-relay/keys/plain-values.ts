import { eq } from 'drizzle-orm';
import type { WireChange } from '../../src-shared/sync/protocol';
import { isSealedValue, staysPlain } from '../../src-shared/sync/sealing';
import type { RelayDb } from '../db/open';
import { workspaceKeyEpochs } from '../db/schema';

/** Whether the workspace has a key: from then on every value a laptop pushes must come sealed. */
export async function workspaceHasKey(db: RelayDb, workspaceId: string): Promise<boolean> {
  const [epoch] = await db.select({ epoch: workspaceKeyEpochs.epoch }).from(workspaceKeyEpochs).where(eq(workspaceKeyEpochs.workspaceId, workspaceId)).limit(1);
  return epoch !== undefined;
}

/**
 * Why a change may not be stored in a workspace with a key, or null: a value of a sealed field
 * sent in the clear (a laptop of a version before end-to-end encryption, or one that lost its
 * key). Storing it would put a customer's words in the relay's log for good. Only the plain
 * fields (`cl`, an erasure's ids) may come plain.
 */
export function plainValueRefusal(change: Pick<WireChange, 'tableName' | 'fields'>): string | null {
  const plain = Object.entries(change.fields)
    .filter(([field, value]) => !staysPlain(field, change.tableName) && !isSealedValue(value))
    .map(([field]) => field);
  if (plain.length === 0) return null;
  return `This workspace is encrypted end to end, but ${change.tableName}.${plain.join(', ')} came unsealed: the relay keeps no plain values. Update Fieldbook on that laptop and sync again.`;
}
