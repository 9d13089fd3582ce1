import { v7 as uuidv7 } from 'uuid';
import type { Note, NoteDraftSchema, NotePatchSchema } from '../../src-shared/domain/note';
import { AppError } from '../../src-shared/errors';
import type { z } from 'zod';
import type { FieldValues } from '../writes/synced-tables';
import { buildSearchMatch } from '../contacts/queries';
import { createNoteQueries, rowToNote } from './queries';
import { createNoteIndexer } from './search-index';
import { WritingService, type WriteDeps } from '../writes/write-deps';

export class NotesService extends WritingService {
  private readonly queries;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createNoteQueries(deps.sqlite);
    deps.engine.onRowsWritten(createNoteIndexer(deps.sqlite));
  }

  get(id: string): Note {
    const row = this.queries.get(id);
    if (!row) throw new AppError('not_found', 'That note does not exist or was deleted.', 'id');
    return rowToNote(row);
  }

  /** Pinned notes first, then newest first. */
  listForContact(contactId: string): Note[] {
    return this.queries.ofContact(contactId).map(rowToNote);
  }

  create(draft: z.output<typeof NoteDraftSchema>): Note {
    this.lifecycle.requireAlive('contacts', draft.contactId, 'contact', 'contactId');
    const id = uuidv7();
    const timestamp = this.now();
    this.engine.transaction((tx) =>
      tx.write('notes', id, {
        contact_id: draft.contactId,
        kind: draft.kind,
        body: draft.body,
        pinned: draft.pinned ? 1 : 0,
        author: this.settings.get().userName,
        created_at: timestamp,
        updated_at: timestamp,
        cl: 1,
      }),
    );
    return this.get(id);
  }

  update(id: string, patch: z.output<typeof NotePatchSchema>): Note {
    const current = this.get(id);
    const changed: FieldValues = {};
    if (patch.kind !== undefined && patch.kind !== current.kind) changed.kind = patch.kind;
    if (patch.body !== undefined && patch.body !== current.body) changed.body = patch.body;
    if (patch.pinned !== undefined && patch.pinned !== current.pinned) changed.pinned = patch.pinned ? 1 : 0;
    if (Object.keys(changed).length === 0) return current;
    this.engine.transaction((tx) => tx.write('notes', id, { ...changed, updated_at: this.now() }));
    return this.get(id);
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('notes', id, 'note');
    return { id };
  }

  restore(id: string): Note {
    this.lifecycle.restore('notes', id, 'note');
    return this.get(id);
  }

  /** Notes whose text matches, newest first, with the contact they belong to. */
  search(query: string, limit: number): (Note & { contactName: string })[] {
    const match = buildSearchMatch(query);
    const words = match?.words ?? match?.digits;
    if (!words) return [];
    return this.queries.search(words, limit).map((row) => ({ ...rowToNote(row), contactName: row.contact_name }));
  }
}
