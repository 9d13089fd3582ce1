import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  searchKindLabels,
  searchPeriodLabels,
  type SearchHit,
  type SearchKind,
  type SearchPeriod,
  type SearchResult,
} from '../../../src-shared/domain/search';
import { searchWords } from '../../../src-shared/search-text';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount, formatDate } from '../../ui/format';
import { Highlight } from '../../ui/Highlight';
import { IconCircle } from '../../ui/IconCircle';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useLiveData } from '../../ui/use-live-data';
import { hitTarget, kindIcons, kindNames } from './search-hits';
import './search.css';

interface Facets {
  kinds: SearchKind[];
  period: SearchPeriod;
  owner: string;
  tag: string;
  status: string;
}

const noFacets: Facets = { kinds: [], period: 'any', owner: '', tag: '', status: '' };
const pageSize = 50;

/**
 * One search over every kind of record: contacts, deals, quotes, jobs, calls, notes and e-mails in
 * one ranked list as the person types, the words marked in each hit, narrowed by kind, date,
 * owner, tag and status; each choice shows how many hits it would leave.
 */
export function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const navigate = useUi((state) => state.navigate);
  const openDialog = useUi((state) => state.openDialog);
  const [text, setText] = useState(initialQuery);
  const [facets, setFacets] = useState<Facets>(noFacets);
  const [limit, setLimit] = useState(pageSize);
  const boxRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const query = useDebouncedValue(text.trim(), 80);
  const request = { query, kinds: facets.kinds, period: facets.period, owner: facets.owner || undefined, tag: facets.tag || undefined, status: facets.status || undefined, limit };
  const search = useLiveData(query ? `search:${JSON.stringify(request)}` : null, () => api.invoke('search.everything', request));
  const result = query ? (search.latest ?? null) : null;
  const words = searchWords(query);

  useEffect(() => boxRef.current?.focus(), []);
  // The address keeps what was typed, so Back and a reload come back to the same results.
  useEffect(() => {
    navigate(query ? { name: 'search', query } : { name: 'search' }, { replace: true });
  }, [navigate, query]);

  const change = (patch: Partial<Facets>) => {
    setFacets((current) => ({ ...current, ...patch }));
    setLimit(pageSize);
  };
  const open = (hit: SearchHit) => {
    const target = hitTarget(hit);
    if ('route' in target) navigate(target.route);
    else openDialog(target.dialog);
  };
  const toFirstHit = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    const first = listRef.current?.querySelector('button');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };
  const moveBetweenHits = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) boxRef.current?.focus();
    else buttons[Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))]?.focus();
  };

  const chosenCount = facets.kinds.length + (facets.period !== 'any' ? 1 : 0) + (facets.owner ? 1 : 0) + (facets.tag ? 1 : 0) + (facets.status ? 1 : 0);
  const waiting = text.trim() !== '' && (query !== text.trim() || search.status === 'loading') && !result;
  let meta = 'Contacts, companies, deals, quotes, jobs, calls, notes and e-mails';
  if (result) meta = `${result.capped ? 'At least ' : ''}${formatCount(result.total, 'result')} for “${query}”`;

  let body;
  if (!query) {
    body = (
      <EmptyState icon="search" title="Search everything">
        <p>Type a name, a street, a number or a few words someone said: every contact, deal, quote, job, call, note and e-mail that mentions them appears here.</p>
      </EmptyState>
    );
  } else if (waiting || !result) {
    body = <LoadingState label="Searching…" size="block" />;
  } else if (result.total === 0) {
    body = (
      <EmptyState icon="search" title={`Nothing matches “${query}”`} action={chosenCount > 0 ? <Button onClick={() => change(noFacets)}>Clear filters</Button> : undefined}>
        <p>{chosenCount > 0 ? 'The filters may be hiding what you are looking for.' : 'Try fewer words, or the start of a name.'}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ol ref={listRef} className="search-results" aria-label="Results" onKeyDown={moveBetweenHits}>
          {result.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <HitButton hit={hit} words={words} onOpen={() => open(hit)} />
            </li>
          ))}
        </ol>
        {result.hits.length < result.total ? (
          <div className="search-results__more">
            <Button onClick={() => setLimit((current) => Math.min(200, current + pageSize))} disabled={limit >= 200}>
              Show more results
            </Button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <Screen width="wide">
      <PageHeader title="Search" meta={meta} metaLive />
      <SearchBox
        label="Search everything"
        placeholder="Search contacts, companies, deals, quotes, jobs, calls, notes and e-mails…"
        value={text}
        onChange={(value) => {
          setText(value);
          setLimit(pageSize);
        }}
        onKeyDown={toFirstHit}
        inputRef={boxRef}
      />
      <div className="search-layout">
        <FacetPanel result={result} facets={facets} onChange={change} chosenCount={chosenCount} />
        <div className="search-layout__results">{body}</div>
      </div>
    </Screen>
  );
}

function HitButton({ hit, words, onOpen }: { hit: SearchHit; words: string[]; onOpen: () => void }) {
  const detail = [hit.detail, hit.status, hit.owner].filter(Boolean).join(' · ');
  return (
    <button type="button" className="search-hit" onClick={onOpen}>
      <IconCircle icon={kindIcons[hit.kind]} tone={hit.kind === 'contact' ? 'info' : 'neutral'} />
      <span className="search-hit__body">
        <span className="search-hit__title">
          <span className="search-hit__kind">{kindNames[hit.kind]}</span>
          <span className="search-hit__name truncate">
            <Highlight text={hit.title || '(untitled)'} words={words} />
          </span>
        </span>
        {detail ? (
          <span className="search-hit__meta truncate">
            <Highlight text={detail} words={words} />
          </span>
        ) : null}
        {hit.snippet ? (
          <span className="search-hit__snippet">
            <Highlight text={hit.snippet} words={words} />
          </span>
        ) : null}
      </span>
      <span className="search-hit__date meta">{hit.at > 0 ? formatDate(hit.at) : ''}</span>
    </button>
  );
}

function FacetPanel({ result, facets, onChange, chosenCount }: { result: SearchResult | null; facets: Facets; onChange: (patch: Partial<Facets>) => void; chosenCount: number }) {
  const periodName = useId();
  const counts = result?.facets;
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);
  const choices = (values: { value: string; count: number }[] | undefined, chosen: string) => {
    const listed = values ?? [];
    const options = listed.map(({ value, count }) => ({ value, label: withCount(value, count) }));
    // A chosen value that no longer has hits stays listed, so the select still shows it.
    if (chosen && !listed.some((option) => option.value === chosen)) options.unshift({ value: chosen, label: withCount(chosen, 0) });
    return options;
  };
  return (
    <aside className="search-facets" aria-label="Filters">
      <fieldset className="search-facets__group">
        <legend className="caps-label">Kind</legend>
        {(counts?.kinds ?? Object.keys(searchKindLabels).map((value) => ({ value: value as SearchKind, count: undefined }))).map(({ value, count }) => (
          <label key={value} className="search-facets__option">
            <input
              type="checkbox"
              checked={facets.kinds.includes(value)}
              onChange={(event) => onChange({ kinds: event.target.checked ? [...facets.kinds, value] : facets.kinds.filter((kind) => kind !== value) })}
            />
            <span>{searchKindLabels[value]}</span>
            <span className="search-facets__count meta">{count ?? ''}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="search-facets__group">
        <legend className="caps-label">Date</legend>
        {(Object.keys(searchPeriodLabels) as SearchPeriod[]).map((value) => (
          <label key={value} className="search-facets__option">
            <input type="radio" name={periodName} checked={facets.period === value} onChange={() => onChange({ period: value })} />
            <span>{searchPeriodLabels[value]}</span>
            <span className="search-facets__count meta">{counts?.periods.find((period) => period.value === value)?.count ?? ''}</span>
          </label>
        ))}
      </fieldset>
      <SelectField label="Owner" size="sm" emptyOption="Anyone" value={facets.owner} options={choices(counts?.owners, facets.owner)} onChange={(owner) => onChange({ owner })} />
      <SelectField label="Tag" size="sm" emptyOption="Any tag" value={facets.tag} options={choices(counts?.tags, facets.tag)} onChange={(tag) => onChange({ tag })} />
      <SelectField label="Status" size="sm" emptyOption="Any status" value={facets.status} options={choices(counts?.statuses, facets.status)} onChange={(status) => onChange({ status })} />
      {chosenCount > 0 ? (
        <Button size="sm" onClick={() => onChange(noFacets)}>
          Clear filters
        </Button>
      ) : null}
    </aside>
  );
}
