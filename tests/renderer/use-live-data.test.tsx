// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsChanged } from '../../src-renderer/ui/live-events';
import { useLiveData, type LiveData } from '../../src-renderer/ui/use-live-data';
import { useUi } from '../../src-renderer/store';
import { coreError, deferred, installTestBridge } from './test-bridge';
import { inAct, renderHook, settle, type RenderedHook } from './render-hook';
import { api } from '../../src-renderer/api';

// useLiveData over the renderer's transport: the states a screen draws, the events that reload
// it, and answers that arrive late or in bursts. The bridge answers as the core would.

const bridge = installTestBridge();

interface Props {
  id: string;
}

function useContactName({ id }: Props): LiveData<string> {
  return useLiveData(`contact:${id}`, async () => (await api.invoke('contacts.get', { id })).name, { reloadOn: [contactsChanged(id)] });
}

const contact = (id: string, name: string) => ({ id, name }) as never;

let hook: RenderedHook<Props, LiveData<string>> | undefined;
beforeEach(() => {
  bridge.reset();
  useUi.setState({ error: null });
});
afterEach(async () => {
  await hook?.unmount();
  hook = undefined;
});

describe('useLiveData', () => {
  it('is loading until the answer arrives, then ready with it', async () => {
    const answer = deferred<unknown>();
    bridge.answer('contacts.get', () => answer.promise);
    hook = await renderHook(useContactName, { id: 'a' });
    expect(hook.current.status).toBe('loading');
    answer.resolve(contact('a', 'Ann Example'));
    await settle();
    expect(hook.current).toMatchObject({ status: 'ready', data: 'Ann Example', latest: 'Ann Example' });
  });

  it('loads again on an event about its contact, and not on one about another', async () => {
    let name = 'Ann Example';
    bridge.answer('contacts.get', async () => contact('a', name));
    hook = await renderHook(useContactName, { id: 'a' });
    await settle();
    name = 'Ann Castle';
    await inAct(() => bridge.emit('contacts.changed', { ids: ['b'] }));
    await settle();
    expect(hook.current.data).toBe('Ann Example');
    await inAct(() => bridge.emit('contacts.changed', { ids: ['a'] }));
    await settle();
    expect(hook.current.data).toBe('Ann Castle');
  });

  it('drops a slow answer for a key the screen has moved away from', async () => {
    const slow = deferred<unknown>();
    bridge.answer('contacts.get', (input) => ((input as Props).id === 'a' ? slow.promise : Promise.resolve(contact('b', 'Bob Other'))));
    hook = await renderHook(useContactName, { id: 'a' });
    await hook.rerender({ id: 'b' });
    await settle();
    slow.resolve(contact('a', 'Ann Example'));
    await settle();
    expect(hook.current).toMatchObject({ status: 'ready', data: 'Bob Other' });
  });

  it('keeps the previous answer as latest while a new key loads, but never as data', async () => {
    const second = deferred<unknown>();
    bridge.answer('contacts.get', (input) => ((input as Props).id === 'a' ? Promise.resolve(contact('a', 'Ann Example')) : second.promise));
    hook = await renderHook(useContactName, { id: 'a' });
    await settle();
    await hook.rerender({ id: 'b' });
    expect(hook.current).toMatchObject({ status: 'loading', data: undefined, latest: 'Ann Example' });
    second.resolve(contact('b', 'Bob Other'));
    await settle();
    expect(hook.current).toMatchObject({ status: 'ready', data: 'Bob Other' });
  });

  it('says missing when the core answers not_found, without the error banner', async () => {
    bridge.answer('contacts.get', async () => {
      throw coreError('not_found', 'No contact a');
    });
    hook = await renderHook(useContactName, { id: 'a' });
    await settle();
    expect(hook.current.status).toBe('missing');
    expect(useUi.getState().error).toBeNull();
  });

  it('says failed on any other error, shows it in the banner, and loads again on reload', async () => {
    let fail = true;
    bridge.answer('contacts.get', async () => {
      if (fail) throw coreError('internal', 'The disk is full');
      return contact('a', 'Ann Example');
    });
    hook = await renderHook(useContactName, { id: 'a' });
    await settle();
    expect(hook.current.status).toBe('failed');
    expect(useUi.getState().error).toMatch(/went wrong inside Fieldbook/);
    fail = false;
    await settle();
    await inAct(() => hook!.current.reload());
    await settle();
    expect(hook.current).toMatchObject({ status: 'ready', data: 'Ann Example' });
  });

  it('costs one more load, not one per event, for a burst of events during a load', async () => {
    const answers = [deferred<unknown>(), deferred<unknown>(), deferred<unknown>()];
    let call = 0;
    bridge.answer('contacts.get', () => answers[call++]!.promise);
    hook = await renderHook(useContactName, { id: 'a' });
    for (let event = 0; event < 5; event++) bridge.emit('contacts.changed', { ids: ['a'] });
    await inAct(() => answers[0]!.resolve(contact('a', 'first')));
    await settle();
    answers[1]!.resolve(contact('a', 'after the burst'));
    await settle();
    expect(call).toBe(2);
    expect(hook.current.data).toBe('after the burst');
  });

  it('loads nothing for a null key', async () => {
    bridge.answer('contacts.get', async () => contact('a', 'Ann Example'));
    const idle = await renderHook(() => useLiveData(null, () => api.invoke('contacts.get', { id: 'a' })), undefined);
    await settle();
    expect(bridge.calls).toEqual([]);
    expect(idle.current.status).toBe('loading');
    await idle.unmount();
  });
});
