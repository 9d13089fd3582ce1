import type { DuplicateAction, DuplicateFinding, ImportedContact, RowProblem } from '../../../src-shared/domain/exchange';
import { formatPhone } from '../../../src-shared/phone';
import type { Sqlite } from '../../db/open';
import { buildContact, type BuildContext, type BuildResult, type ImportedPhoto, type MergeField } from './contact-builder';
import { warningsAt } from './kept-values';
import { pooledUuidv7 as newRowId } from '../../writes/pooled-uuid';
import { createImportQueries, type ContactIdentity, type ImportQueries } from './queries';
import type { SourceRow } from './source';

// Deciding, row by row, what an import does: reject, create, update or skip. Duplicates are
// found with in-memory maps of every live contact's E.164 numbers and lower-cased e-mails,
// loaded once (never a query per row), and grown with each row, so a row also matches the rows
// before it in the same file. The preview and the real run use this same planner.

interface Owner {
  contactId: string;
  name: string;
  /** The row of this file that made or matched it; null for a contact that was there before. */
  line: number | null;
}

export class DuplicateIndex {
  private readonly byPhone = new Map<string, Owner>();
  private readonly byEmail = new Map<string, Owner>();

  static load(sqlite: Sqlite): DuplicateIndex {
    const index = new DuplicateIndex();
    const owners = new Map<string, Owner>();
    const ownerOf = (id: string, name: string) => {
      let owner = owners.get(id);
      if (!owner) owners.set(id, (owner = { contactId: id, name, line: null }));
      return owner;
    };
    const queries = createImportQueries(sqlite);
    for (const [value, id, name] of queries.phoneOwners()) if (!index.byPhone.has(value)) index.byPhone.set(value, ownerOf(id, name));
    for (const [value, id, name] of queries.emailOwners()) if (!index.byEmail.has(value)) index.byEmail.set(value, ownerOf(id, name));
    return index;
  }

  find(contact: ImportedContact): { owner: Owner; reason: string } | null {
    for (const email of contact.emails) {
      const owner = this.byEmail.get(email.address.toLowerCase());
      if (owner) return { owner, reason: `same e-mail ${email.address.toLowerCase()}` };
    }
    for (const phone of contact.phones) {
      const owner = this.byPhone.get(phone.e164);
      if (owner) return { owner, reason: `same phone ${formatPhone(phone.e164)}` };
    }
    return null;
  }

  add(contact: ImportedContact, owner: Owner): void {
    for (const email of contact.emails) {
      const key = email.address.toLowerCase();
      if (!this.byEmail.has(key)) this.byEmail.set(key, owner);
    }
    for (const phone of contact.phones) if (!this.byPhone.has(phone.e164)) this.byPhone.set(phone.e164, owner);
  }
}

/** What a stored row brings besides its fields: its warnings (line and reason) and its picture. */
interface RowExtras {
  warnings: RowProblem[];
  photo: ImportedPhoto | null;
}

export type PlannedRow =
  | { kind: 'reject'; line: number; reason: string }
  | ({ kind: 'create'; line: number; id: string; contact: ImportedContact; duplicate: DuplicateFinding | null } & RowExtras)
  | ({ kind: 'update'; line: number; id: string; contact: ImportedContact; present: Set<MergeField>; duplicate: DuplicateFinding } & RowExtras)
  | ({ kind: 'skip'; line: number; contact: ImportedContact; duplicate: DuplicateFinding } & RowExtras);

export interface PlanOptions {
  onDuplicate: DuplicateAction;
  decisions: Record<string, DuplicateAction>;
}

export class ImportPlanner {
  private readonly usedIds = new Map<string, Owner>();
  /** The contacts the ids of the slice being planned name (undefined: no such contact). */
  private readonly identities = new Map<string, ContactIdentity | undefined>();
  private readonly queries: ImportQueries;

  constructor(
    sqlite: Sqlite,
    private readonly duplicates: DuplicateIndex,
    private readonly context: BuildContext,
    private readonly options: PlanOptions,
    private readonly newId: () => string = newRowId,
  ) {
    this.queries = createImportQueries(sqlite);
  }

  /**
   * The plans of `rows`, in order, each made when it is taken. The rows are built first and the
   * ids they carry looked up in one query, not one each (two lookups of every row of our own
   * export, in the preview and the run). Taken one at a time, a row is planned after the row
   * before it was written, as each was when planned alone.
   */
  *planAll(rows: readonly SourceRow[]): Generator<[SourceRow, PlannedRow]> {
    const built = rows.map((row) => {
      const collected = row.collected;
      return collected ? buildContact(collected, this.context) : null;
    });
    const ids = built.flatMap((result) => (result?.ok && result.contact.id && !this.usedIds.has(result.contact.id) ? [result.contact.id] : []));
    this.identities.clear();
    if (ids.length > 0) {
      for (const id of ids) this.identities.set(id, undefined);
      for (const identity of this.queries.contactIdentities(ids)) this.identities.set(identity.id, identity);
    }
    for (const [index, row] of rows.entries()) yield [row, this.decide(row, built[index]!)];
  }

  /** What was looked up of a contact by id: the slice's answer, or a query of its own. */
  private identity(id: string): ContactIdentity | undefined {
    return this.identities.has(id) ? this.identities.get(id) : this.queries.contactIdentity(id);
  }

  private decide(row: SourceRow, built: BuildResult | null): PlannedRow {
    if (!built) return { kind: 'reject', line: row.line, reason: row.problem ?? 'The row cannot be read.' };
    if (!built.ok) return { kind: 'reject', line: row.line, reason: built.reason };
    const contact = built.contact;
    const extras: RowExtras = { warnings: warningsAt(built.warnings, row.line), photo: built.photo };

    // Our own export carries ids: the same id is the surest sign of the same contact.
    let match: { owner: Owner; reason: string } | null = null;
    let keepId = false;
    if (contact.id) {
      const earlier = this.usedIds.get(contact.id);
      const stored = earlier ? undefined : this.identity(contact.id);
      if (earlier) match = { owner: earlier, reason: `same id ${contact.id}` };
      else if (stored && stored.cl % 2 === 1) match = { owner: { contactId: stored.id, name: stored.name, line: null }, reason: `same id ${contact.id}` };
      else keepId = !stored;
    }
    match ??= this.duplicates.find(contact);

    if (!match) return this.create(row.line, contact, keepId, null, extras);
    const action = this.options.decisions[String(row.line)] ?? this.options.onDuplicate;
    const duplicate: DuplicateFinding = {
      line: row.line,
      name: contact.name,
      reason: match.reason,
      existing: match.owner.line === null ? { id: match.owner.contactId, name: match.owner.name } : null,
      earlierLine: match.owner.line,
      action,
    };
    if (action === 'create') return this.create(row.line, contact, keepId && !this.usedIds.has(contact.id!), duplicate, extras);
    if (action === 'skip') return { kind: 'skip', line: row.line, contact, duplicate, ...extras };
    this.duplicates.add(contact, match.owner);
    // The run writes this update before the next row is planned: a later row of the same id
    // reads the contact as it is then (its new name), not as the slice's lookup found it.
    this.identities.delete(match.owner.contactId);
    return { kind: 'update', line: row.line, id: match.owner.contactId, contact, present: built.present, duplicate, ...extras };
  }

  private create(line: number, contact: ImportedContact, keepId: boolean, duplicate: DuplicateFinding | null, extras: RowExtras): PlannedRow {
    const id = keepId && contact.id ? contact.id : this.newId();
    const owner: Owner = { contactId: id, name: contact.name, line };
    this.usedIds.set(id, owner);
    if (contact.id && contact.id !== id) this.usedIds.set(contact.id, owner);
    this.duplicates.add(contact, owner);
    return { kind: 'create', line, id, contact, duplicate, ...extras };
  }
}
