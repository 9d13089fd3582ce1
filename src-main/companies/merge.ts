import { chooseFields, companyMergeFields, contactMergeFields, type CompanyMergeField, type ContactMergeField } from '../../src-shared/domain/company';
import type { Company } from '../../src-shared/domain/company';
import type { Contact } from '../../src-shared/domain/contact';
import { AppError } from '../../src-shared/errors';
import type { ContactsService, ParsedPatch } from '../contacts/service';
import type { MutationEngine } from '../writes/mutation-engine';
import { attachedTables } from './queries';
import type { CompaniesService } from './service';
import type { UndoStore } from './undo-store';

// Merging two duplicates: the survivor keeps, field by field, the side the user chose; lists
// (phones, e-mails, tags) are joined; everything attached to the other moves to the survivor and
// the other is deleted with `merged_into` naming the survivor, so a late change for it from a
// stale laptop is moved to the survivor (merge-redirect.ts) rather than bringing it back.
// One transaction; the undo puts every moved row back and restores the other.

/** A contact as a patch that sets every field to what it is now: what the undo writes back. */
function contactAsPatch(contact: Contact): ParsedPatch {
  // Identity, bookkeeping, the photo and the company membership are not fields of a patch.
  const { id: _id, createdAt: _created, updatedAt: _updated, nextFollowUpAt: _next, photoSha256: _photo, companyId: _company, decisionMaker: _decides, phones, ...fields } = contact;
  return { ...fields, phones: phones.map((phone) => ({ type: phone.type, number: phone.e164 })) };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What the survivor becomes: the chosen fields, the lists of both, the custom fields it lacks taken from the other. */
export function mergedContactPatch(survivor: Contact, other: Contact, fromOther: readonly ContactMergeField[]): ParsedPatch {
  const chosen = chooseFields(survivor, other, contactMergeFields, fromOther);
  const customFields = { ...survivor.customFields };
  for (const [id, value] of Object.entries(other.customFields)) if (customFields[id] === undefined || customFields[id] === null || customFields[id] === '') customFields[id] = value;
  return {
    ...chosen,
    phones: uniqueBy([...survivor.phones, ...other.phones], (phone) => phone.e164).slice(0, 20).map((phone) => ({ type: phone.type, number: phone.e164 })),
    emails: uniqueBy([...survivor.emails, ...other.emails], (email) => email.address.toLowerCase()).slice(0, 20),
    tags: uniqueBy([...survivor.tags, ...other.tags], (tag) => tag.toLowerCase()).slice(0, 50),
    customFields,
  };
}

export function createMerger(deps: { contacts: ContactsService; companies: CompaniesService; engine: MutationEngine; undo: UndoStore; now: () => number }) {
  const { contacts, companies, engine, undo, now } = deps;

  function requireTwo<T>(survivorId: string, otherId: string, get: (id: string) => T, field: string): [T, T] {
    if (survivorId === otherId) throw new AppError('invalid_input', `Choose two different ${field}s to merge.`, 'otherId');
    return [get(survivorId), get(otherId)];
  }

  return {
    mergeContacts(input: { survivorId: string; otherId: string; fromOther: ContactMergeField[] }): { survivor: Contact; undoId: string } {
      const [survivor, other] = requireTwo(input.survivorId, input.otherId, (id) => contacts.get(id), 'contact');
      const undoId = engine.transaction((tx) => {
        contacts.update(survivor.id, mergedContactPatch(survivor, other, input.fromOther));
        const membership = survivor.companyId === null && other.companyId !== null;
        if (membership) tx.write('contacts', survivor.id, { company_id: other.companyId, decision_maker: other.decisionMaker ? 1 : 0 });
        const moved: Record<string, string[]> = {};
        for (const table of attachedTables) {
          moved[table] = companies.queries.attachedIds(table, other.id);
          for (const id of moved[table]) tx.write(table, id, { contact_id: survivor.id });
        }
        moved.primaryOf = companies.queries.companiesWithPrimary(other.id);
        for (const id of moved.primaryOf) tx.write('companies', id, { primary_contact_id: survivor.id });
        // Those the merged-away contact referred were referred by the survivor.
        moved.partnerOf = companies.queries.referredBy(other.id);
        for (const id of moved.partnerOf) tx.write('referrals', id, { partner_id: survivor.id });
        const cl = contactCausalLength(other.id);
        tx.write('contacts', other.id, { cl: cl + 1, merged_into: survivor.id });
        const survivorBefore = { ...contactAsPatch(survivor), companyId: survivor.companyId, decisionMaker: survivor.decisionMaker };
        return undo.save('contactMerge', { survivorId: survivor.id, otherId: other.id, survivorBefore, moved });
      });
      return { survivor: contacts.get(survivor.id), undoId };
    },

    unmergeContacts(undoId: string): { survivor: Contact; restored: Contact } {
      const payload = engine.transaction((tx) => {
        const taken = undo.take('contactMerge', undoId);
        const { companyId, decisionMaker, ...patch } = taken.survivorBefore as ParsedPatch & { companyId: string | null; decisionMaker: boolean };
        contacts.update(taken.survivorId, patch);
        tx.write('contacts', taken.survivorId, { company_id: companyId, decision_maker: decisionMaker ? 1 : 0, updated_at: now() });
        for (const table of attachedTables) for (const id of taken.moved[table] ?? []) tx.write(table, id, { contact_id: taken.otherId });
        for (const id of taken.moved.primaryOf ?? []) tx.write('companies', id, { primary_contact_id: taken.otherId });
        for (const id of taken.moved.partnerOf ?? []) tx.write('referrals', id, { partner_id: taken.otherId });
        tx.write('contacts', taken.otherId, { cl: contactCausalLength(taken.otherId) + 1, merged_into: null });
        return taken;
      });
      return { survivor: contacts.get(payload.survivorId), restored: contacts.get(payload.otherId) };
    },

    mergeCompanies(input: { survivorId: string; otherId: string; fromOther: CompanyMergeField[] }): { survivor: Company; undoId: string } {
      const [survivor, other] = requireTwo(input.survivorId, input.otherId, (id) => companies.get(id), 'compan');
      const undoId = engine.transaction((tx) => {
        const chosen = chooseFields(survivor, other, companyMergeFields, input.fromOther);
        companies.update(survivor.id, {
          ...chosen,
          domains: [...new Set([...chosen.domains, ...survivor.domains, ...other.domains])].slice(0, 20),
          primaryContactId: survivor.primaryContactId,
        });
        const name = fromOtherOrSurvivor(input.fromOther.includes('name'), other.name, survivor.name);
        const movedPeople = companies.queries.memberIds(other.id);
        for (const id of movedPeople) tx.write('contacts', id, { company_id: survivor.id, company: name, updated_at: now() });
        if (survivor.primaryContactId === null && other.primaryContactId !== null) tx.write('companies', survivor.id, { primary_contact_id: other.primaryContactId });
        tx.write('companies', other.id, { cl: companies.queries.getRow(other.id)!.cl + 1, merged_into: survivor.id });
        const { name: beforeName, domains, address, phone, notes, primaryContactId } = survivor;
        return undo.save('companyMerge', { survivorId: survivor.id, otherId: other.id, survivorBefore: { name: beforeName, domains, address, phone, notes, primaryContactId }, movedPeople });
      });
      return { survivor: companies.get(survivor.id), undoId };
    },

    unmergeCompanies(undoId: string): { survivor: Company; restored: Company } {
      const payload = engine.transaction((tx) => {
        const taken = undo.take('companyMerge', undoId);
        const before = taken.survivorBefore as Pick<Company, 'name' | 'domains' | 'address' | 'phone' | 'notes' | 'primaryContactId'>;
        const other = companies.queries.getRow(taken.otherId)!;
        if (before.name !== companies.get(taken.survivorId).name) for (const id of companies.queries.memberIds(taken.survivorId)) tx.write('contacts', id, { company: before.name });
        tx.write('companies', taken.otherId, { cl: other.cl + 1, merged_into: null });
        for (const id of taken.movedPeople) tx.write('contacts', id, { company_id: taken.otherId, company: other.name, updated_at: now() });
        tx.write('companies', taken.survivorId, {
          name: before.name,
          domains: JSON.stringify(before.domains),
          address: before.address,
          phone: before.phone,
          notes: before.notes,
          primary_contact_id: before.primaryContactId,
          updated_at: now(),
        });
        return taken;
      });
      return { survivor: companies.get(payload.survivorId), restored: companies.get(payload.otherId) };
    },
  };

  function contactCausalLength(id: string): number {
    return companies.queries.contactCausalLength(id) ?? 0;
  }
}

function fromOtherOrSurvivor(takeOther: boolean, other: string, survivor: string): string {
  return takeOther ? other : survivor;
}

export type Merger = ReturnType<typeof createMerger>;
