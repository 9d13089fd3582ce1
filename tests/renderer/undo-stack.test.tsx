// @vitest-environment happy-dom
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi } from '../../src-renderer/store';
import { keysOf, matches } from '../../src-renderer/features/shortcuts/shortcuts';
import { deleteWithUndo } from '../../src-renderer/ui/undoable';
import { clearUndo, undoLabels, undoLatest } from '../../src-renderer/ui/undo-stack';
import { createTempCore, type TempCore } from '../helpers/temp-core';
import { bridgeOverCore } from './test-bridge';

// The undo stack over a real core: Ctrl+Z takes back the newest change, then the one before, and a
// toast's Undo takes back the change it reported even after newer ones.

let core: TempCore;
beforeAll(() => {
  core = createTempCore();
  bridgeOverCore(core);
});
afterAll(() => core.dispose());
beforeEach(() => {
  useUi.setState({ error: null, toasts: [] });
  clearUndo();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function threeNotes() {
  const ann = await core.call('contacts.create', { draft: { name: 'Ann Example' } });
  const notes = [];
  for (const body of ['First', 'Second', 'Third']) notes.push(await core.call('notes.create', { contactId: ann.id, body }));
  const bodies = async () => (await core.call('notes.list', { contactId: ann.id })).map((note) => note.body).sort();
  return { notes, bodies };
}

describe('undo stack', () => {
  it('takes back the newest change first, then the one before, and says when nothing is left', async () => {
    const { notes, bodies } = await threeNotes();
    for (const note of notes) await deleteWithUndo('notes', note.id, { deleted: `Deleted ${note.body}`, restored: `Restored ${note.body}` });
    expect(await bodies()).toEqual([]);
    expect(undoLabels()).toEqual(['Deleted First', 'Deleted Second', 'Deleted Third']);

    expect(await undoLatest()).toBe(true);
    expect(await bodies()).toEqual(['Third']);
    expect(useUi.getState().toasts.at(-1)?.message).toBe('Restored Third');
    expect(await undoLatest()).toBe(true);
    expect(await bodies()).toEqual(['Second', 'Third']);
    expect(await undoLatest()).toBe(true);
    expect(await undoLatest()).toBe(false);
    expect(useUi.getState().toasts.at(-1)?.message).toBe('Nothing to undo');
    expect(await bodies()).toEqual(['First', 'Second', 'Third']);
  });

  it("takes back the change a toast reported, even after newer ones, and leaves it off the stack", async () => {
    const { notes, bodies } = await threeNotes();
    await deleteWithUndo('notes', notes[0]!.id, { deleted: 'Deleted First', restored: 'Restored First' });
    const firstToast = useUi.getState().toasts[0]!;
    await deleteWithUndo('notes', notes[1]!.id, { deleted: 'Deleted Second', restored: 'Restored Second' });
    firstToast.action!.run();
    await settle();
    expect(await bodies()).toEqual(['First', 'Third']);
    expect(undoLabels()).toEqual(['Deleted Second']);
    firstToast.action!.run();
    await settle();
    expect(useUi.getState().error).toBeNull();
  });
});

describe('shortcuts', () => {
  const press = (key: string, options: { ctrl?: boolean; meta?: boolean; shift?: boolean; target?: EventTarget | null } = {}) => ({
    key,
    ctrlKey: !!options.ctrl,
    metaKey: !!options.meta,
    altKey: false,
    shiftKey: !!options.shift,
    target: options.target ?? document.body,
  });

  it('undoes with Ctrl+Z or Cmd+Z, but not while typing in a text field, and not Ctrl+Shift+Z', () => {
    expect(matches('undo', press('z', { ctrl: true }))).toBe(true);
    expect(matches('undo', press('z', { meta: true }))).toBe(true);
    expect(matches('undo', press('Z', { ctrl: true, shift: true }))).toBe(false);
    const input = document.createElement('input');
    expect(matches('undo', press('z', { ctrl: true, target: input }))).toBe(false);
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(matches('undo', press('z', { ctrl: true, target: checkbox }))).toBe(true);
    expect(matches('undo', press('z', { ctrl: true, target: document.createElement('textarea') }))).toBe(false);
  });

  it('opens the sheet with ? outside text fields, and shows the keys of the platform', () => {
    expect(matches('sheet', press('?', { shift: true }))).toBe(true);
    expect(matches('sheet', press('?', { target: document.createElement('textarea') }))).toBe(false);
    expect(keysOf('undo', false)).toEqual(['Ctrl', 'Z']);
    expect(keysOf('palette', true)).toEqual(['⌘', 'K']);
  });
});
