import type { ChannelInput, ChannelName } from '../../src-shared/ipc/contract';
import { api } from '../api';
import { useUi } from '../store';
import { rememberUndo, undoEntry } from './undo-stack';

// Changes the user can take back from the toast that reports them ("Deleted Ann Example · Undo"),
// or later with Ctrl+Z (Cmd+Z), newest first: each is also kept on the undo stack (undo-stack.ts).

interface Undoable {
  /** The change; when it fails, the error banner says why and nothing is offered. */
  run: () => Promise<unknown>;
  /** What the toast says once it is done. */
  message: string;
  /** The change that takes it back. */
  undo: () => Promise<unknown>;
  /** What a toast says after Undo; none when taking back is its own answer. */
  undoneMessage?: string;
}

/** Runs the change and offers Undo; answers whether the change was made. */
export async function runWithUndo({ run, message, undo, undoneMessage }: Undoable): Promise<boolean> {
  const { showError } = useUi.getState();
  try {
    await run();
  } catch (error) {
    showError(error);
    return false;
  }
  offerUndo({ message, undo, undoneMessage });
  return true;
}

/** After a change made elsewhere (whose errors the caller shows itself): says it, with Undo, and keeps it on the undo stack. */
export function offerUndo({ message, undo, undoneMessage }: Omit<Undoable, 'run'>): void {
  const id = rememberUndo({ label: message, undo, undoneMessage });
  useUi.getState().pushToast({ message, action: { label: 'Undo', run: () => void undoEntry(id) } });
}

type DomainOf<C> = C extends `${infer Domain}.delete` ? Domain : never;
type ById<C extends string> = C extends ChannelName ? (ChannelInput<C> extends { id: string } ? true : false) : false;

/** A domain whose contract has `<domain>.delete` and `<domain>.restore`, each taking `{ id }`. */
export type RestorableDomain = {
  [D in DomainOf<ChannelName>]: ById<`${D}.delete`> extends true ? (ById<`${D}.restore`> extends true ? D : never) : never;
}[DomainOf<ChannelName>];

/**
 * Deletes through `<domain>.delete` and offers Undo through `<domain>.restore` (the core keeps a
 * deleted row for that): deleteWithUndo('notes', note.id, { deleted: 'Note deleted', restored: 'Note restored' }).
 */
export function deleteWithUndo(domain: RestorableDomain, id: string, messages: { deleted: string; restored: string }): Promise<boolean> {
  // The two names are checked by RestorableDomain; TypeScript cannot follow a template literal to its channel.
  const invoke = (channel: string) => api.invoke(channel as `${RestorableDomain}.delete`, { id });
  return runWithUndo({
    run: () => invoke(`${domain}.delete`),
    message: messages.deleted,
    undo: () => invoke(`${domain}.restore`),
    undoneMessage: messages.restored,
  });
}
