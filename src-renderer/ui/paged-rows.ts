// Rows of a long list (contacts, call history) fetched a page at a time as the user scrolls. The
// core pages and counts; this keeps the pages that are on screen and drops answers that arrive late.

/**
 * What the list shows: a new one only when an answer lands (or fails), never when a request
 * merely leaves, so a keystroke re-renders nothing that reads it (whether the rows are out of
 * date is `PagedRows.isStale`, read by the grid alone).
 */
export interface PagedSnapshot<Item, Request = unknown> {
  /** Null until the first answer for the current request arrives. */
  total: number | null;
  pages: ReadonlyMap<number, readonly Item[]>;
  /** The request these rows answer (undefined before the first answer): what the screen says it shows. */
  request: Request | undefined;
  /** The last load failed; the error itself went to the error banner. */
  failed: boolean;
}

export type FetchPage<Item, Request> = (request: Request, offset: number, limit: number) => Promise<{ total: number; items: readonly Item[] }>;

/**
 * Every change of request (search, filter, sort) or of the data starts a new generation; answers
 * from an older generation are dropped, so a slow answer to "an" never overwrites the answer to
 * "ann". The previous rows stay on screen until the new ones arrive, which keeps typing free of flicker.
 */
export class PagedRows<Item, Request> {
  private requestKey = '';
  private request: Request | undefined;
  private generation = 0;
  private shownGeneration = -1;
  private requested = new Set<number>();
  private visiblePages: number[] = [0];
  private snapshot: PagedSnapshot<Item, Request> = { total: null, pages: new Map(), request: undefined, failed: false };
  private stale = true;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchPage: FetchPage<Item, Request>,
    private readonly onError: (error: unknown) => void,
    readonly pageSize = 100,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PagedSnapshot<Item, Request> => this.snapshot;

  /** The rows shown belong to an older request (or an older state of the data) than the one asked for. */
  readonly isStale = (): boolean => this.stale;

  setRequest(request: Request): void {
    const key = JSON.stringify(request);
    if (key === this.requestKey) return;
    this.requestKey = key;
    this.request = request;
    this.startGeneration([0]);
  }

  /** Loads the pages holding rows `start`..`end` (inclusive) that are not loaded or loading. */
  ensureRows(start: number, end: number): void {
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end) / this.pageSize);
    this.visiblePages = [];
    for (let page = first; page <= last; page++) this.visiblePages.push(page);
    const missing = this.visiblePages.filter((page) => !this.requested.has(page));
    if (missing.length > 0) void this.load(missing, this.generation);
  }

  /** The data changed in the core: reload what is on screen and forget the rest. */
  refresh(): void {
    this.startGeneration(this.visiblePages);
  }

  itemAt(snapshot: Pick<PagedSnapshot<Item>, 'pages'>, index: number): Item | undefined {
    return snapshot.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  private startGeneration(pages: number[]): void {
    this.generation++;
    this.requested = new Set();
    this.update(this.snapshot, true);
    void this.load(pages.length > 0 ? pages : [0], this.generation);
  }

  private async load(pages: number[], generation: number): Promise<void> {
    const request = this.request;
    if (request === undefined) return;
    for (const page of pages) this.requested.add(page);
    try {
      // All pages of one batch land together, so a refresh never shows half-old, half-new rows.
      const answers = await Promise.all(pages.map((page) => this.fetchPage(request, page * this.pageSize, this.pageSize)));
      if (generation !== this.generation) return;
      const merged = new Map(this.shownGeneration === generation ? this.snapshot.pages : []);
      let total = this.snapshot.total ?? 0;
      answers.forEach((answer, index) => {
        merged.set(pages[index] ?? 0, answer.items);
        total = answer.total;
      });
      this.shownGeneration = generation;
      this.update({ total, pages: merged, request, failed: false }, false);
    } catch (error) {
      if (generation !== this.generation) return;
      for (const page of pages) this.requested.delete(page);
      this.update({ ...this.snapshot, failed: true }, false);
      this.onError(error);
    }
  }

  private update(next: PagedSnapshot<Item, Request>, stale: boolean): void {
    if (next === this.snapshot && stale === this.stale) return;
    this.snapshot = next;
    this.stale = stale;
    for (const listener of this.listeners) listener();
  }
}
