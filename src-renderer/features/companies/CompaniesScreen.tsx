import { useMemo, useState } from 'react';
import type { Company } from '../../../src-shared/domain/company';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { FilterBar } from '../../ui/FilterBar';
import { formatCount, formatNumber } from '../../ui/format';
import { contactsChanged } from '../../ui/live-events';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { SearchBox } from '../../ui/SearchBox';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { usePagedRows } from '../../ui/use-paged-rows';
import { VirtualGrid, type GridColumn } from '../../ui/VirtualGrid';
import { CompanyDialog } from './CompanyDialog';
import { companiesChanged, fetchCompanyPage } from './hooks';
import { LinkContactsDialog } from './LinkContactsDialog';
import { WhenAllowed } from '../access/WhenAllowed';

const reloadOn = [companiesChanged, contactsChanged()];

const columns: GridColumn<Company>[] = [
  { id: 'name', label: 'Company', width: 'minmax(180px, 2fr)', cell: (company) => <span className="strong">{company.name}</span> },
  { id: 'people', label: 'People', width: '90px', align: 'end', numeric: true, cell: (company) => formatNumber(company.peopleCount) },
  { id: 'domains', label: 'E-mail domains', width: 'minmax(140px, 1.4fr)', muted: true, hideBelow: 800, cell: (company) => company.domains.join(', ') },
  { id: 'phone', label: 'Phone', width: '150px', muted: true, hideBelow: 1000, cell: (company) => company.phone },
  { id: 'address', label: 'Address', width: 'minmax(140px, 1.4fr)', muted: true, hideBelow: 1200, cell: (company) => company.address },
];

/** Every company with its number of people; search by name or domain; link existing contacts in one reviewed step. */
export function CompaniesScreen() {
  const navigate = useUi((state) => state.navigate);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<'new' | 'link' | null>(null);
  const debounced = useDebouncedValue(search, 150);
  const request = useMemo(() => ({ search: debounced }), [debounced]);
  const { rows, snapshot } = usePagedRows(fetchCompanyPage, request, { reloadOn });
  const total = snapshot.total;
  const open = (company: Company) => navigate({ name: 'company', id: company.id });

  let body;
  if (total === null) body = <LoadingState label="Loading companies…" size="block" />;
  else if (total === 0 && !snapshot.failed && debounced === '') {
    body = (
      <EmptyState
        icon="building"
        title="No companies yet"
        action={
          <WhenAllowed>
            <Button variant="primary" icon="plus" onClick={() => setDialog('link')}>
              Link existing contacts
            </Button>
          </WhenAllowed>
        }
      >
        <p>A company keeps its people together: the owner, the property manager, the accounts clerk, and everything done for each of them.</p>
      </EmptyState>
    );
  } else if (total === 0 && !snapshot.failed) body = <EmptyState compact icon="search" title={`No company matches “${debounced}”`} />;
  else body = <VirtualGrid label="Companies" columns={columns} rows={rows} snapshot={snapshot} rowHeight={48} onOpen={open} />;

  return (
    <Screen width="wide" fill>
      <PageHeader
        title="Companies"
        meta={total === null ? 'Loading companies…' : formatCount(total, 'company', 'companies')}
        metaLive
        actions={
          <WhenAllowed>
            <Button icon="layers" onClick={() => setDialog('link')}>
              Link existing contacts
            </Button>
            <Button variant="primary" icon="plus" onClick={() => setDialog('new')}>
              New company
            </Button>
          </WhenAllowed>
        }
      />
      <FilterBar label="Find companies" search={<SearchBox label="Search companies" placeholder="Search by name or e-mail domain" value={search} onChange={setSearch} />}>
        {null}
      </FilterBar>
      {body}
      {dialog === 'new' ? <CompanyDialog onClose={() => setDialog(null)} onSaved={open} /> : null}
      {dialog === 'link' ? <LinkContactsDialog onClose={() => setDialog(null)} /> : null}
    </Screen>
  );
}
