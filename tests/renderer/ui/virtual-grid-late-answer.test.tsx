// @vitest-environment happy-dom
import { act, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { PagedRows } from '../../../src-renderer/ui/paged-rows';
import { VirtualGrid, type GridColumn } from '../../../src-renderer/ui/VirtualGrid';

// While a search is answered the rows on screen are the previous text's. A quick answer replaces
// them without the grid flickering dim at every keystroke; a late one dims them as out of date.

interface Person {
  id: string;
  name: string;
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const columns: GridColumn<Person>[] = [{ id: 'name', label: 'Name', width: '1fr', cell: (person) => person.name }];
const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

let root: Root | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
});

/** A grid over rows whose answers the test gives by hand: `answer(text)` resolves that text's request. */
async function renderGrid() {
  const pending = new Map<string, () => void>();
  const rows = new PagedRows<Person, string>(
    (text) =>
      new Promise((resolve) => pending.set(text, () => resolve({ total: 1, items: [{ id: text || 'all', name: text || 'Everyone' }] }))),
    (error) => {
      throw error;
    },
  );
  function Harness() {
    const snapshot = useSyncExternalStore(rows.subscribe, rows.getSnapshot);
    return <VirtualGrid label="People" columns={columns} rows={rows} snapshot={snapshot} rowHeight={40} onOpen={() => undefined} />;
  }
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<Harness />));
  const answer = (text: string) => act(async () => pending.get(text)?.());
  await act(async () => rows.setRequest(''));
  await answer('');
  const grid = () => host.querySelector('[role="grid"]')!;
  const dimmed = () => grid().classList.contains('grid--dimmed');
  return { rows, answer, grid, dimmed };
}

describe('the grid while a new search is answered', () => {
  it('is busy at once but dims its rows only once the answer is late', async () => {
    const { rows, answer, grid, dimmed } = await renderGrid();
    expect(grid().getAttribute('aria-busy')).toBeNull();

    await act(async () => rows.setRequest('ann'));
    expect(grid().getAttribute('aria-busy')).toBe('true');
    expect(dimmed()).toBe(false);
    await wait(60);
    expect(dimmed()).toBe(false);
    await answer('ann');
    expect(grid().getAttribute('aria-busy')).toBeNull();
    expect(dimmed()).toBe(false);

    await act(async () => rows.setRequest('bob'));
    await wait(250);
    expect(dimmed()).toBe(true);
    await answer('bob');
    expect(dimmed()).toBe(false);
  });
});
