import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../src-shared/errors';
import type { Sqlite } from '../db/open';

/** What each kind of reviewed change keeps for its undo (see merge_undo in src-main/db/schema.ts). */
export interface UndoPayloads {
  /** Contacts linked to companies: who was linked, and the companies made for them. */
  link: { contacts: { id: string; company: string }[]; createdCompanyIds: string[] };
  /** A contact merged into another: the survivor's fields before, and what moved to it. */
  contactMerge: { survivorId: string; otherId: string; survivorBefore: Record<string, unknown>; moved: Record<string, string[]> };
  /** A company merged into another: the survivor's fields before, and the people moved to it. */
  companyMerge: { survivorId: string; otherId: string; survivorBefore: Record<string, unknown>; movedPeople: string[] };
}

/**
 * Keeps what a reviewed change (linking, merging) needs to be taken back, on this laptop, until
 * the undo uses it. Written inside the change's own transaction, so both or neither are kept.
 */
export function createUndoStore(sqlite: Sqlite, now: () => number) {
  const insert = sqlite.prepare<[string, string, string, number]>('INSERT INTO merge_undo (id, kind, payload, created_at) VALUES (?, ?, ?, ?)');
  const select = sqlite.prepare<[string], { kind: string; payload: string }>('SELECT kind, payload FROM merge_undo WHERE id = ?');
  const remove = sqlite.prepare<[string]>('DELETE FROM merge_undo WHERE id = ?');
  return {
    save<K extends keyof UndoPayloads>(kind: K, payload: UndoPayloads[K]): string {
      const id = uuidv7();
      insert.run(id, kind, JSON.stringify(payload), now());
      return id;
    },
    /** The payload, removed from the store; call inside the undo's transaction. */
    take<K extends keyof UndoPayloads>(kind: K, id: string): UndoPayloads[K] {
      const row = select.get(id);
      if (!row || row.kind !== kind) throw new AppError('not_found', 'There is nothing to undo: it was undone already, or made on another laptop.', 'undoId');
      remove.run(id);
      return JSON.parse(row.payload) as UndoPayloads[K];
    },
  };
}

export type UndoStore = ReturnType<typeof createUndoStore>;
