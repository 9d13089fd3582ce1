// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../src-renderer/api';
import { useUi } from '../../src-renderer/store';
import { deleteWithUndo, runWithUndo } from '../../src-renderer/ui/undoable';
import { createTempCore, type TempCore } from '../helpers/temp-core';
import { bridgeOverCore } from './test-bridge';

// Deleting with Undo over a real core: what the user sees in the toast, and what is in the data
// folder after Undo.

// One core for the file: the renderer keeps the transport it first found, as it does in the app.
let core: TempCore;
beforeAll(() => {
  core = createTempCore();
  bridgeOverCore(core);
});
afterAll(() => core.dispose());
beforeEach(() => useUi.setState({ error: null, toasts: [] }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function noteOfAnn() {
  const ann = await core.call('contacts.create', { draft: { name: 'Ann Example' } });
  const note = await core.call('notes.create', { contactId: ann.id, body: 'Prefers mornings' });
  return { contactId: ann.id, note };
}

describe('delete with undo', () => {
  it('deletes, says so with an Undo that brings the same note back, then says that', async () => {
    const { contactId, note } = await noteOfAnn();
    expect(await deleteWithUndo('notes', note.id, { deleted: 'Note deleted', restored: 'Note restored' })).toBe(true);
    expect(await core.call('notes.list', { contactId })).toEqual([]);

    const [toast] = useUi.getState().toasts;
    expect(toast).toMatchObject({ message: 'Note deleted', action: { label: 'Undo' } });
    toast!.action!.run();
    await settle();

    expect((await core.call('notes.list', { contactId })).map((item) => [item.id, item.body])).toEqual([[note.id, 'Prefers mornings']]);
    expect(useUi.getState().toasts.map((item) => item.message)).toEqual(['Note restored']);
    expect(useUi.getState().error).toBeNull();
  });

  it('offers no Undo when the delete is refused, and says why in the banner', async () => {
    expect(await deleteWithUndo('notes', 'no-such-note', { deleted: 'Note deleted', restored: 'Note restored' })).toBe(false);
    expect(useUi.getState().toasts).toEqual([]);
    expect(useUi.getState().error).toMatch(/no longer exists/);
  });

  it('reports an Undo that fails in the banner', async () => {
    const { note } = await noteOfAnn();
    await runWithUndo({
      run: () => api.invoke('notes.delete', { id: note.id }),
      message: 'Note deleted',
      // As when another device emptied the bin in the meantime.
      undo: () => api.invoke('notes.restore', { id: 'no-such-note' }),
      undoneMessage: 'Note restored',
    });
    useUi.getState().toasts[0]!.action!.run();
    await settle();
    expect(useUi.getState().error).toMatch(/no longer exists/);
    expect(useUi.getState().toasts.map((item) => item.message)).toEqual(['Note deleted']);
  });
});
