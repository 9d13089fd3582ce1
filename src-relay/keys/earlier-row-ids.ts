import { and, eq, like } from 'drizzle-orm';
import type { WireChange } from '../../src-shared/sync/protocol';
import type { RelayDb } from '../db/open';
import { rowState } from '../db/schema';

// Tag rows named the earlier way (`<contact id>:<tag in lower case>`, by laptops of the version
// before keyed row ids; docs/end-to-end-encryption.md) put the tag in the id, which the relay
// reads. Once a laptop of the workspace names them by keys (`<contact id>:#<32 hex>`), a laptop
// still naming them the earlier way would both show the upgraded laptops' tags twice and keep
// telling the relay its tags, so its tag changes are refused with the reason, which it shows in
// Team sync: it must be updated. Before any laptop of the workspace is upgraded, nothing changes.

const keyedTagId = /:#[0-9A-F]{32}$/;

/** Whether a change names a tag row the earlier way. */
export function namesTagTheEarlierWay(change: Pick<WireChange, 'tableName' | 'rowId'>): boolean {
  return change.tableName === 'contact_tags' && !keyedTagId.test(change.rowId);
}

/** Whether a laptop of the workspace already names its tag rows by keys. */
export async function workspaceHasKeyedTagIds(db: RelayDb, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ rowId: rowState.rowId })
    .from(rowState)
    .where(and(eq(rowState.workspaceId, workspaceId), eq(rowState.tableName, 'contact_tags'), like(rowState.rowId, '%:#%')))
    .limit(1);
  return row !== undefined;
}

export const earlierTagIdRefusal =
  'A teammate’s Fieldbook names tags so that the relay cannot read them; this laptop’s version still writes the tag into the name of its row, so its tags would show twice on the other laptops and be readable at the relay. Update Fieldbook on this laptop and sync again: its tags are kept here meanwhile.';
