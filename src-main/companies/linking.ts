import { v7 as uuidv7 } from 'uuid';
import { companyDomainOf, normaliseCompanyName, type LinkSuggestion } from '../../src-shared/domain/company';
import { AppError } from '../../src-shared/errors';
import type { CompanyQueries } from './queries';
import type { CompaniesService } from './service';
import type { UndoStore } from './undo-store';
import type { MutationEngine } from '../writes/mutation-engine';

// "Link existing contacts": contacts whose company text names the same firm (or, with no company
// text, whose e-mail is at the same firm's domain) are offered as groups; the user ticks groups
// and confirms, and all of them are linked in one transaction that one undo takes back.

type UnlinkedPerson = ReturnType<CompanyQueries['unlinkedPeople']>[number];

function firstCompanyDomain(emailsJson: string): string | null {
  try {
    const emails = JSON.parse(emailsJson) as { address?: unknown }[];
    for (const email of emails) {
      const domain = typeof email.address === 'string' ? companyDomainOf(email.address) : null;
      if (domain) return domain;
    }
  } catch {
    // A contact's e-mails are written by the core as JSON; unreadable means none.
  }
  return null;
}

function firstAddress(emailsJson: string): string {
  try {
    const address = (JSON.parse(emailsJson) as { address?: unknown }[])[0]?.address;
    return typeof address === 'string' ? address : '';
  } catch {
    return '';
  }
}

/** "hartley-lettings.co.uk" → "Hartley Lettings": a name to start from for a firm known only by its domain. */
export function nameFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** The spelling most of the group uses; on a tie, one in mixed case (not shouted, not all lower), then the fullest ("Hartley Lettings Ltd"). */
function commonest(spellings: string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  const mixedCase = (text: string) => Number(text !== text.toUpperCase() && text !== text.toLowerCase());
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || mixedCase(b) - mixedCase(a) || b.length - a.length || a.localeCompare(b))[0]?.[0] ?? '';
}

/** Groups unlinked people by normalised company name, then the rest by their firm's e-mail domain. */
export function suggestLinks(people: readonly UnlinkedPerson[], companies: readonly { id: string; name: string; domains: string }[]): LinkSuggestion[] {
  const companyByName = new Map<string, { id: string; name: string }>();
  const companyByDomain = new Map<string, { id: string; name: string }>();
  for (const company of companies) {
    companyByName.set(normaliseCompanyName(company.name), company);
    for (const domain of JSON.parse(company.domains) as string[]) companyByDomain.set(domain, company);
  }
  const byName = new Map<string, UnlinkedPerson[]>();
  const byDomain = new Map<string, UnlinkedPerson[]>();
  for (const person of people) {
    const name = normaliseCompanyName(person.company);
    const domain = firstCompanyDomain(person.emails);
    if (name) byName.set(name, [...(byName.get(name) ?? []), person]);
    else if (domain) byDomain.set(domain, [...(byDomain.get(domain) ?? []), person]);
  }
  const toContacts = (group: UnlinkedPerson[]) => group.map((person) => ({ id: person.id, name: person.name, company: person.company, email: firstAddress(person.emails) }));
  const suggestions: LinkSuggestion[] = [];
  for (const [name, group] of byName) {
    const existing = companyByName.get(name);
    if (!existing && group.length < 2) continue;
    const domains = [...new Set(group.map((person) => firstCompanyDomain(person.emails)).filter((domain): domain is string => domain !== null))];
    suggestions.push({
      key: `name:${name}`,
      companyName: existing?.name ?? commonest(group.map((person) => person.company.trim())),
      companyId: existing?.id ?? null,
      reason: 'name',
      domain: domains.length === 1 ? domains[0]! : null,
      contacts: toContacts(group),
    });
  }
  for (const [domain, group] of byDomain) {
    const existing = companyByDomain.get(domain);
    if (!existing && group.length < 2) continue;
    suggestions.push({ key: `domain:${domain}`, companyName: existing?.name ?? nameFromDomain(domain), companyId: existing?.id ?? null, reason: 'domain', domain, contacts: toContacts(group) });
  }
  return suggestions.sort((a, b) => b.contacts.length - a.contacts.length || a.companyName.localeCompare(b.companyName));
}

export function createCompanyLinker(deps: { companies: CompaniesService; engine: MutationEngine; undo: UndoStore; now: () => number }) {
  const { companies, engine, undo, now } = deps;
  const suggestions = () => suggestLinks(companies.queries.unlinkedPeople(), companies.queries.liveNames());

  return {
    suggestions,

    /** Links the chosen contacts of the chosen groups (by key), making the companies that do not exist yet; one transaction. */
    link(groups: readonly { key: string; contactIds: readonly string[] }[]): { companies: number; contacts: number; undoId: string } {
      const offered = new Map(suggestions().map((suggestion) => [suggestion.key, suggestion]));
      return engine.transaction((tx) => {
        const linked: { id: string; company: string }[] = [];
        const created: string[] = [];
        for (const group of groups) {
          const suggestion = offered.get(group.key);
          if (!suggestion) throw new AppError('conflict', 'The suggestions changed since they were shown (a contact was linked or edited). Look at them again.', 'groups');
          const members = new Map(suggestion.contacts.map((contact) => [contact.id, contact]));
          const chosen = group.contactIds.map((id) => {
            const contact = members.get(id);
            if (!contact) throw new AppError('invalid_input', `That contact is not in the group for ${suggestion.companyName}.`, 'groups');
            return contact;
          });
          if (chosen.length === 0) continue;
          let companyId = suggestion.companyId;
          if (!companyId) {
            companyId = uuidv7();
            companies.writeNew(tx, companyId, { name: suggestion.companyName, domains: suggestion.domain ? [suggestion.domain] : [], address: '', phone: '', notes: '' });
            created.push(companyId);
          }
          for (const contact of chosen) {
            tx.write('contacts', contact.id, { company_id: companyId, company: suggestion.companyName, updated_at: now() });
            linked.push({ id: contact.id, company: contact.company });
          }
        }
        const undoId = undo.save('link', { contacts: linked, createdCompanyIds: created });
        return { companies: created.length, contacts: linked.length, undoId };
      });
    },

    /** Takes a link step back: the contacts as they were, the companies it made deleted. */
    undoLink(undoId: string): { contacts: number } {
      return engine.transaction((tx) => {
        const payload = undo.take('link', undoId);
        for (const contact of payload.contacts) tx.write('contacts', contact.id, { company_id: null, company: contact.company, updated_at: now() });
        for (const id of payload.createdCompanyIds) if (companies.queries.getRow(id)?.cl !== undefined && companies.queries.getRow(id)!.cl % 2 === 1) companies.delete(id);
        return { contacts: payload.contacts.length };
      });
    },
  };
}

export type CompanyLinker = ReturnType<typeof createCompanyLinker>;
