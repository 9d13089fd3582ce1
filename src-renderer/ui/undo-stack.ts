import { useUi } from '../store';

// The changes the user can still take back, newest last: Ctrl+Z (Cmd+Z) takes back the newest,
// again and again, and a toast's Undo takes back the one it reports. runWithUndo (undoable.ts)
// puts every undoable change here; the shortcut is declared in features/shortcuts.
//   const id = rememberUndo({ label: 'Note deleted', undo: () => api.invoke('notes.restore', { id }) });

export interface UndoEntry {
  /** What was done, as its toast said it: "Note deleted". */
  label: string;
  /** The change that takes it back. */
  undo: () => Promise<unknown>;
  /** What a toast says once it is taken back; without one, "Undone: <label>" when undone by the keyboard. */
  undoneMessage?: string | undefined;
}

/** Older changes drop off the bottom: a day of work should not keep every closure alive. */
const maxEntries = 50;
let entries: (UndoEntry & { id: number })[] = [];
let nextId = 1;

/** Adds a change that can be taken back; answers its id for a toast's Undo. */
export function rememberUndo(entry: UndoEntry): number {
  const id = nextId++;
  entries = [...entries, { ...entry, id }].slice(-maxEntries);
  return id;
}

/** How many changes can be taken back, newest last (for tests and a future menu). */
export function undoLabels(): string[] {
  return entries.map((entry) => entry.label);
}

/** Forgets every change (a new workspace, a test). */
export function clearUndo(): void {
  entries = [];
}

/** Takes back one change by its id (a toast's Undo); false when it was already taken back. */
export function undoEntry(id: number, by: 'toast' | 'keyboard' = 'toast'): Promise<boolean> {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) return Promise.resolve(false);
  // Off the stack before it runs: a second Ctrl+Z pressed meanwhile goes to the one before.
  entries = entries.filter((candidate) => candidate !== entry);
  const { pushToast, showError } = useUi.getState();
  return entry.undo().then(
    () => {
      const message = entry.undoneMessage ?? (by === 'keyboard' ? `Undone: ${entry.label}` : undefined);
      if (message) pushToast({ message });
      return true;
    },
    (error: unknown) => {
      showError(error);
      return false;
    },
  );
}

/** Takes back the newest change still on the stack; says so when there is none. */
export function undoLatest(): Promise<boolean> {
  const newest = entries.at(-1);
  if (!newest) {
    useUi.getState().pushToast({ message: 'Nothing to undo' });
    return Promise.resolve(false);
  }
  return undoEntry(newest.id, 'keyboard');
}
