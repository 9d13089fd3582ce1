import type { Note } from '../../src-shared/domain/note';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { notes } from '../db/schema';

type NoteRow = Omit<SqlRow<typeof notes>, 'cl' | 'search_rowid'>;

export function rowToNote(row: NoteRow): Note {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: (['call', 'email', 'meeting', 'internal', 'quote_sent'] as const).find((kind) => kind === row.kind) ?? 'internal',
    body: row.body,
    pinned: row.pinned === 1,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createNoteQueries(sqlite: Sqlite) {
  const byId = sqlite.prepare<[string], NoteRow>('SELECT * FROM notes WHERE id = ? AND cl % 2 = 1');
  const ofContact = sqlite.prepare<[string], NoteRow>(
    'SELECT * FROM notes WHERE contact_id = ? AND cl % 2 = 1 ORDER BY pinned DESC, created_at DESC, id DESC',
  );
  const search = sqlite.prepare<[string, number], NoteRow & { contact_name: string }>(
    `SELECT n.*, c.name AS contact_name FROM notes n JOIN contacts c ON c.id = n.contact_id
     WHERE n.search_rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)
       AND n.cl % 2 = 1 AND c.cl % 2 = 1
     ORDER BY n.created_at DESC LIMIT ?`,
  );
  return {
    get: (id: string) => byId.get(id),
    ofContact: (contactId: string) => ofContact.all(contactId),
    search: (match: string, limit: number) => search.all(match, limit),
  };
}
