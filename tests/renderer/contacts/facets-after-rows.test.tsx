// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactsScreen } from '../../../src-renderer/features/contacts/ContactsScreen';
import { installTestBridge } from '../test-bridge';
import { settle } from '../render-hook';
import { contactListRow } from './list-row';

// The facets (counts over every contact) are asked for once the first rows are on screen, not
// beside the first page: at the app's opening at 100k they took the core 0.4–0.9 s, on the same
// two cores that were drawing those rows.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const bridge = installTestBridge();
let root: Root | undefined;

afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  bridge.reset();
  vi.restoreAllMocks();
});

const ann = contactListRow('ann', 'Ann Smith');

const channels = () => bridge.calls.map((call) => call.channel);

describe('the contacts screen at its opening', () => {
  it('asks for the facets only after the first rows are shown', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
    let answerList: () => void = () => undefined;
    bridge.answer('contacts.list', () => new Promise((resolve) => (answerList = () => resolve({ total: 1, items: [ann] }))));
    bridge.answer('contacts.facets', async () => ({ total: 1, tags: [{ name: 'vip', count: 1 }], contactTypes: [], owners: [], statuses: [] }));

    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root!.render(<ContactsScreen />));
    await settle();
    expect(channels()).toContain('contacts.list');
    expect(channels()).not.toContain('contacts.facets');

    await act(async () => answerList());
    await settle();
    expect(host.querySelector('[role="grid"] a[href="#/contacts/ann"]')).not.toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    await settle();
    expect(channels().filter((channel) => channel === 'contacts.facets')).toHaveLength(1);
    expect(channels().indexOf('contacts.facets')).toBeGreaterThan(channels().indexOf('contacts.list'));
  });
});
