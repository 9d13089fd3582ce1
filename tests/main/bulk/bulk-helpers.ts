import { ContactDraftSchema } from '../../../src-shared/domain/contact';
import type { BulkActionStatus } from '../../../src-shared/domain/bulk';
import type { TempCore } from '../../helpers/temp-core';

/** Contacts made through the contacts service, as the app makes them; answers their ids in order. */
export function seedContacts(core: TempCore, count: number, make: (index: number) => Partial<ReturnType<typeof ContactDraftSchema.parse>> = () => ({})): string[] {
  const ids: string[] = [];
  core.engine.transaction(() => {
    for (let index = 0; index < count; index++) {
      const draft = ContactDraftSchema.parse({ name: `Person ${String(index).padStart(5, '0')}`, ...make(index) });
      ids.push(core.contacts.create(draft).id);
    }
  });
  return ids;
}

/** Waits until a bulk action (or its undo) has stopped running. */
export async function settled(core: TempCore, id: string): Promise<BulkActionStatus> {
  for (;;) {
    const status = await core.call('bulk.status', { id });
    if (status.state !== 'running' && status.state !== 'undoing') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function taggedIds(core: TempCore, tag: string): string[] {
  return core.sqlite.prepare('SELECT contact_id FROM contact_tags WHERE tag = ? COLLATE NOCASE AND present = 1 ORDER BY contact_id').pluck().all(tag) as string[];
}
