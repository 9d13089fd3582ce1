import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { companiesChannels } from '../../src-shared/ipc/companies';
import type { CompanyLinker } from './linking';
import type { Merger } from './merge';
import type { CompaniesService } from './service';

export function companiesHandlers(companies: CompaniesService, linker: CompanyLinker, merger: Merger) {
  return {
    'companies.list': (query) => companies.list(query),
    'companies.get': ({ id }) => companies.get(id),
    'companies.rollup': ({ id }) => companies.rollup(id),
    'companies.create': (draft) => companies.create(draft),
    'companies.update': ({ id, patch }) => companies.update(id, patch),
    'companies.delete': ({ id }) => companies.delete(id),
    'companies.restore': ({ id }) => companies.restore(id),
    'companies.setMembership': (input) => companies.setMembership(input),
    'companies.linkSuggestions': () => linker.suggestions(),
    'companies.link': ({ groups }) => linker.link(groups),
    'companies.undoLink': ({ undoId }) => linker.undoLink(undoId),
    'companies.merge': (input) => merger.mergeCompanies(input),
    'companies.unmerge': ({ undoId }) => merger.unmergeCompanies(undoId),
  } satisfies HandlerMap<typeof companiesChannels>;
}
