// @vitest-environment happy-dom
import { act, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { PagedRows } from '../../../src-renderer/ui/paged-rows';
import { VirtualGrid, type GridColumn } from '../../../src-renderer/ui/VirtualGrid';

// The grid draws the rows in view from the scroll offset alone (rows have a fixed height): at the
// end of 100,000 rows it shows the last ones with their own items, End takes the keyboard there,
// and a list opened where it was left shows the rows it was left on.

interface Person {
  id: string;
  name: string;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const total = 100_000;
const rowHeight = 50;
const header = 40;
const viewport = 440;
const columns: GridColumn<Person>[] = [{ id: 'name', label: 'Name', width: '1fr', cell: (person) => person.name }];

let root: Root | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** A grid of `total` people named by their index, in a scroller `viewport` px high. */
async function renderGrid(initialScrollOffset?: number) {
  const rows = new PagedRows<Person, string>(
    async (_request, offset, limit) => ({
      total,
      items: Array.from({ length: Math.min(limit, total - offset) }, (_, at) => ({ id: `p${offset + at}`, name: `Person ${offset + at}` })),
    }),
    (error) => {
      throw error;
    },
  );
  // happy-dom lays nothing out: the scroller's height is given, and its offset kept within the rows.
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? viewport : 0;
    },
  });
  const offsets = new WeakMap<Element, number>();
  const scrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return offsets.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      offsets.set(this, Math.max(0, Math.min(value, header + total * rowHeight - viewport)));
    },
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  } as Element['scrollTo'];
  afterEach(() => {
    if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
    if (scrollTop) Object.defineProperty(Element.prototype, 'scrollTop', scrollTop);
  });

  function Harness() {
    const snapshot = useSyncExternalStore(rows.subscribe, rows.getSnapshot);
    return (
      <VirtualGrid label="People" columns={columns} rows={rows} snapshot={snapshot} rowHeight={rowHeight} initialScrollOffset={initialScrollOffset} onOpen={() => undefined} />
    );
  }
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => rows.setRequest(''));
  await act(async () => root!.render(<Harness />));
  const grid = () => host.querySelector<HTMLElement>('[role="grid"]')!;
  const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
  await settle();
  /** The rows drawn: their index and the text of their cell. */
  const drawn = () =>
    [...grid().querySelectorAll<HTMLElement>('[data-row]')].map((row) => [Number(row.dataset.row), row.textContent?.trim()] as const);
  return { grid, drawn, settle };
}

const people = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, at) => [from + at, `Person ${from + at}`] as const);

describe('the grid of fixed-height rows', () => {
  it('shows the first screen of rows at the top, and the last rows once scrolled to the end', async () => {
    const { grid, drawn, settle } = await renderGrid();
    // 440 px less the 40 px header: rows 0–7 overlap the viewport, and three more below.
    expect(drawn()).toEqual(people(0, 10));
    expect(grid().querySelector<HTMLElement>('[role="rowgroup"].grid__body')?.style.height).toBe(`${total * rowHeight}px`);

    await act(async () => {
      grid().scrollTop = 1e9;
      grid().dispatchEvent(new Event('scroll'));
    });
    await settle();
    // The offset stops at the last row's bottom: rows 99,991–99,999 overlap the viewport, three
    // more above them, and row 0, the active row, is kept so focus has somewhere to stay.
    expect(drawn()).toEqual([[0, 'Person 0'], ...people(total - 12, total - 1)]);
    const last = grid().querySelector<HTMLElement>(`[data-row="${total - 1}"]`)!;
    expect(last.style.transform).toBe(`translateY(${(total - 1) * rowHeight}px)`);
  });

  it('moves to the last row with End, drawn and focused', async () => {
    const { grid, drawn, settle } = await renderGrid();
    const first = grid().querySelector<HTMLElement>('[data-row="0"]')!;
    await act(async () => first.focus());
    await act(async () => first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    await settle();
    expect(grid().scrollTop).toBe(header + total * rowHeight - viewport);
    expect(drawn().at(-1)).toEqual([total - 1, `Person ${total - 1}`]);
    expect(document.activeElement?.getAttribute('data-row')).toBe(String(total - 1));
  });

  it('opens where it was left', async () => {
    const { grid, drawn } = await renderGrid(header + 5000 * rowHeight);
    expect(grid().scrollTop).toBe(header + 5000 * rowHeight);
    expect(drawn()).toEqual([[0, 'Person 0'], ...people(4997, 5011)]);
  });
});
