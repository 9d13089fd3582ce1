// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactsScreen } from '../../../src-renderer/features/contacts/ContactsScreen';
import { useUi } from '../../../src-renderer/store';
import { installTestBridge } from '../test-bridge';
import type * as AvatarModule from '../../../src-renderer/ui/Avatar';
import type * as FilterBarModule from '../../../src-renderer/ui/FilterBar';
import { settle } from '../render-hook';
import { contactListRow } from './list-row';

// A keystroke in the contacts search re-renders the search box (and the grid's busy frame), not
// the screen, its filters or any row; the answer then redraws only the rows whose contact changed.
// Before, the search text lived where the whole screen read it, and at 100k every keystroke
// re-rendered the filters, the toolbar, the grid and every row on screen.

const renders = vi.hoisted(() => ({ rows: [] as string[], filterBars: 0 }));

// Every drawn contact row draws its avatar once (contact-columns.tsx, NameCell).
vi.mock('../../../src-renderer/ui/Avatar', async (original) => {
  const actual = await original<typeof AvatarModule>();
  return {
    ...actual,
    Avatar: (props: Parameters<typeof actual.Avatar>[0]) => {
      renders.rows.push(props.name);
      return actual.Avatar(props);
    },
  };
});
vi.mock('../../../src-renderer/ui/FilterBar', async (original) => {
  const actual = await original<typeof FilterBarModule>();
  return {
    ...actual,
    FilterBar: (props: Parameters<typeof actual.FilterBar>[0]) => {
      renders.filterBars += 1;
      return actual.FilterBar(props);
    },
  };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const bridge = installTestBridge();
const everyone = [contactListRow('ann', 'Ann Smith'), contactListRow('bob', 'Bob Jones'), contactListRow('cat', 'Cat Adams')];

let root: Root | undefined;
let heldAnswer: (() => void) | undefined;

beforeEach(() => {
  // happy-dom lays nothing out: give the grid a screen's height, so it draws its rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  bridge.answer('contacts.list', (input) => {
    const { query } = input as { query: string };
    const items = everyone.filter((person) => person.name.toLowerCase().includes(query.toLowerCase()));
    const answer = { total: items.length, items };
    if (!query) return Promise.resolve(answer);
    return new Promise((resolve) => (heldAnswer = () => resolve(answer)));
  });
  bridge.answer('contacts.facets', async () => ({ total: everyone.length, tags: [], contactTypes: [], owners: [], statuses: [] }));
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  heldAnswer = undefined;
  bridge.reset();
  vi.restoreAllMocks();
  useUi.setState({ searchText: '' });
});

async function renderScreen() {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<ContactsScreen />));
  await settle();
  // The facets are asked for a frame after the first rows show (at most 100 ms): the screen has
  // settled once their answer is drawn, before any keystroke is counted.
  await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
  await settle();
  expect(bridge.calls.map((call) => call.channel)).toContain('contacts.facets');
  const search = host.querySelector<HTMLInputElement>('input[type="search"]')!;
  const grid = () => host.querySelector('[role="grid"]');
  return { host, search, grid };
}

/** Types into the search box as a person does: the input's value, then its input event. */
async function type(search: HTMLInputElement, text: string) {
  await act(async () => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(search, text);
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('typing in the contacts search', () => {
  it('re-renders no row and not the filters at the keystroke, and only the rows whose contact changed at the answer', async () => {
    const { search, grid } = await renderScreen();
    expect(renders.rows).toEqual(expect.arrayContaining(['Ann Smith', 'Bob Jones', 'Cat Adams']));
    renders.rows = [];
    renders.filterBars = 0;

    await type(search, 'a');
    // The box shows the text and the grid is busy, with no row drawn again (the filters bar draws
    // once, as a search starting brings its "Clear filters" button).
    expect(search.value).toBe('a');
    expect(grid()?.getAttribute('aria-busy')).toBe('true');
    expect(renders.rows).toEqual([]);
    expect(renders.filterBars).toBe(1);

    // "a" matches Ann and Cat: Ann stays first, the second row changes from Bob to Cat.
    await act(async () => heldAnswer?.());
    await settle();
    expect(grid()?.getAttribute('aria-busy')).toBeNull();
    expect(grid()?.getAttribute('aria-rowcount')).toBe('3');
    expect(renders.rows).toEqual(['Cat Adams']);
    renders.rows = [];
    renders.filterBars = 0;

    await type(search, 'ad');
    expect(search.value).toBe('ad');
    expect(grid()?.getAttribute('aria-busy')).toBe('true');
    expect(renders.rows).toEqual([]);
    expect(renders.filterBars).toBe(0);
    await act(async () => heldAnswer?.());
    await settle();
    expect(grid()?.getAttribute('aria-rowcount')).toBe('2');
    expect(renders.rows).toEqual(['Cat Adams']);
  });
});
