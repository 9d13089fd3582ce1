import type { ContactListItem, ContactListQuery } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import type { ListFilters, ListSort } from '../../store';

export const pageSize = 100;

export interface ListRequest {
  query: string;
  filters: ListFilters;
  sort: ListSort;
}

export interface ListSnapshot {
  /** Null until the first answer for the current request arrives. */
  total: number | null;
  pages: ReadonlyMap<number, readonly ContactListItem[]>;
  /** The rows shown belong to an older request (or an older state of the data) than the one asked for. */
  stale: boolean;
  /** The last load failed; the error itself went to the error banner. */
  failed: boolean;
}

function endOfToday(): number {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}

function toQuery(request: ListRequest, page: number): ContactListQuery {
  const { filters } = request;
  return {
    query: request.query,
    filters: {
      owner: filters.owner,
      ...(filters.contactType ? { contactType: filters.contactType } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.tag ? { tag: filters.tag } : {}),
      // Computed per request, not per render, so that a list left open past midnight stays right.
      ...(filters.followUpDue ? { followUpDueBy: endOfToday() } : {}),
    },
    sort: request.sort,
    offset: page * pageSize,
    limit: pageSize,
  };
}

/**
 * The list's rows, fetched a page at a time as the user scrolls. Every change of request (search,
 * filter, sort) or of the data starts a new generation; answers from an older generation are
 * dropped, so a slow answer to "an" never overwrites the answer to "ann". The previous rows stay
 * on screen until the new ones arrive, which keeps typing in the search box free of flicker.
 */
export class ContactPages {
  private requestKey = '';
  private request: ListRequest | undefined;
  private generation = 0;
  private shownGeneration = -1;
  private requested = new Set<number>();
  private visiblePages: number[] = [0];
  private snapshot: ListSnapshot = { total: null, pages: new Map(), stale: true, failed: false };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly onError: (error: unknown) => void) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ListSnapshot => this.snapshot;

  setRequest(request: ListRequest): void {
    const key = JSON.stringify(request);
    if (key === this.requestKey) return;
    this.requestKey = key;
    this.request = request;
    this.startGeneration([0]);
  }

  /** Loads the pages holding rows `start`..`end` (inclusive) that are not loaded or loading. */
  ensureRows(start: number, end: number): void {
    const first = Math.floor(Math.max(0, start) / pageSize);
    const last = Math.floor(Math.max(0, end) / pageSize);
    this.visiblePages = [];
    for (let page = first; page <= last; page++) this.visiblePages.push(page);
    const missing = this.visiblePages.filter((page) => !this.requested.has(page));
    if (missing.length > 0) void this.load(missing, this.generation);
  }

  /** The data changed in the core: reload what is on screen and forget the rest. */
  refresh(): void {
    this.startGeneration(this.visiblePages);
  }

  itemAt(snapshot: ListSnapshot, index: number): ContactListItem | undefined {
    return snapshot.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  }

  private startGeneration(pages: number[]): void {
    this.generation++;
    this.requested = new Set();
    this.update({ ...this.snapshot, stale: true });
    void this.load(pages.length > 0 ? pages : [0], this.generation);
  }

  private async load(pages: number[], generation: number): Promise<void> {
    const request = this.request;
    if (!request) return;
    for (const page of pages) this.requested.add(page);
    try {
      // All pages of one batch land together, so a refresh never shows half-old, half-new rows.
      const answers = await Promise.all(pages.map((page) => api.invoke('contacts.list', toQuery(request, page))));
      if (generation !== this.generation) return;
      const merged = new Map(this.shownGeneration === generation ? this.snapshot.pages : []);
      let total = this.snapshot.total ?? 0;
      answers.forEach((answer, index) => {
        merged.set(pages[index] ?? 0, answer.items);
        total = answer.total;
      });
      this.shownGeneration = generation;
      this.update({ total, pages: merged, stale: false, failed: false });
    } catch (error) {
      if (generation !== this.generation) return;
      for (const page of pages) this.requested.delete(page);
      this.update({ ...this.snapshot, stale: false, failed: true });
      this.onError(error);
    }
  }

  private update(next: ListSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
