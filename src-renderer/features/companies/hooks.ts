import type { Company } from '../../../src-shared/domain/company';
import { api } from '../../api';
import { activityChanged, contactsChanged, onEvent } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

export const companiesChanged = onEvent('companies.changed');

/** A page of companies, for usePagedRows. */
export function fetchCompanyPage(request: { search: string }, offset: number, limit: number): Promise<{ total: number; items: Company[] }> {
  return api.invoke('companies.list', { search: request.search, offset, limit });
}

/** The company page's data: the company, its people, and their work rolled up. */
export function useCompanyRollup(id: string) {
  return useLiveData(`company:${id}`, () => api.invoke('companies.rollup', { id }), {
    reloadOn: [companiesChanged, contactsChanged(), activityChanged()],
  });
}

/** Every company by name, for choosing one (a person's company, a merge). */
export function useCompanyChoices() {
  return useLiveData('companies:choices', () => api.invoke('companies.list', { limit: 500 }), { reloadOn: [companiesChanged] });
}
