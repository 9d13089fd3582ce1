// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useContactRows } from '../../../src-renderer/features/contacts/hooks';
import { useUi } from '../../../src-renderer/store';
import { installTestBridge } from '../test-bridge';
import { inAct, renderHook, settle } from '../render-hook';

// The contacts list asks the core for what is typed in the search box at the keystroke itself,
// not once the screen has re-rendered with the new text (which took up to 80 ms under load).

const bridge = installTestBridge();
const askedTexts = (from: number) =>
  bridge.calls
    .slice(from)
    .filter((call) => call.channel === 'contacts.list')
    .map((call) => (call.input as { query: string }).query);

afterEach(() => {
  bridge.reset();
  useUi.setState({ searchText: '' });
});

describe('the contacts list while typing', () => {
  it('asks for the new text in the keystroke itself, once, and shows its answer', async () => {
    bridge.answer('contacts.list', async (input) => {
      const { query } = input as { query: string };
      return { total: query ? 1 : 2, items: query ? [{ id: 'ann', name: 'Ann Smith' }] : [{ id: 'ann' }, { id: 'bob' }] };
    });
    const hook = await renderHook(() => useContactRows(), undefined);
    await settle();
    expect(hook.current.snapshot.total).toBe(2);
    const before = bridge.calls.length;

    // As the search box's change handler does; React has not rendered anything yet.
    useUi.getState().setSearchText(' ann');
    expect(askedTexts(before)).toEqual(['ann']);

    await inAct(() => undefined);
    await settle();
    // The render that follows asks nothing more, and the list shows the answer.
    expect(askedTexts(before)).toEqual(['ann']);
    expect(hook.current.snapshot.total).toBe(1);
    await hook.unmount();
  });
});
