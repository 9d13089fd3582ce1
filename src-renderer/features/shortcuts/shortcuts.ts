// Every keyboard shortcut of the app, declared once: the handlers match key presses with
// `matches`, and the shortcut sheet (`?`) lists the same entries, so the sheet cannot drift from
// what the keys do.

/** The keys as a key press reports them; `mod` is Ctrl, or Cmd on a Mac. */
interface KeyCombo {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  /** What it does, as the sheet says it. */
  description: string;
  /** Where it works, for the sheet's groups. */
  scope: 'Anywhere' | 'Contacts list' | 'Writing a note' | 'Dialogs and lists' | 'Call triage';
  combo: KeyCombo;
  /** Only when the focus is not in a text field (there the key types, or the browser's own undo applies). */
  notWhileTyping?: boolean;
}

export const shortcuts = {
  palette: { description: 'Open the command palette: go anywhere, find anything, start something new', scope: 'Anywhere', combo: { key: 'k', mod: true } },
  undo: { description: 'Undo the last change (again for the one before)', scope: 'Anywhere', combo: { key: 'z', mod: true }, notWhileTyping: true },
  lock: { description: 'Lock Fieldbook now (once the app lock is on in Settings)', scope: 'Anywhere', combo: { key: 'l', mod: true, shift: true } },
  sheet: { description: 'Show these shortcuts', scope: 'Anywhere', combo: { key: '?' }, notWhileTyping: true },
  focusSearch: { description: 'Jump to the search box', scope: 'Contacts list', combo: { key: '/' }, notWhileTyping: true },
  addNote: { description: 'Add the note', scope: 'Writing a note', combo: { key: 'Enter', mod: true } },
  close: { description: 'Close the dialog, preview or palette', scope: 'Dialogs and lists', combo: { key: 'Escape' } },
  triageNext: { description: 'Next call (once this one has an outcome)', scope: 'Call triage', combo: { key: 'n' }, notWhileTyping: true },
  triagePrevious: { description: 'Previous call', scope: 'Call triage', combo: { key: 'p' }, notWhileTyping: true },
  triageOutcome: { description: 'Choose an outcome: 1 for the first, 2 for the second, up to 9', scope: 'Call triage', combo: { key: '1' }, notWhileTyping: true },
} as const satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof shortcuts;

export function isMac(platform = globalThis.navigator?.platform ?? ''): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** Whether the focus is where a key types text (so the key is the field's, not the app's). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** Whether a key press is this shortcut (and allowed where the focus is). */
export function matches(name: ShortcutName, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): boolean {
  const shortcut: Shortcut = shortcuts[name];
  const { combo } = shortcut;
  if (event.altKey) return false;
  const mod = event.ctrlKey || event.metaKey;
  if (!!combo.mod !== mod) return false;
  // Shift is part of "?" itself; for a mod combo, Shift+Ctrl+Z is redo, not undo.
  if (combo.mod && event.shiftKey !== !!combo.shift) return false;
  if (event.key.toLowerCase() !== combo.key.toLowerCase()) return false;
  return !(shortcut.notWhileTyping && isTyping(event.target));
}

/** The keys as the sheet shows them: ["Ctrl", "K"], or ["⌘", "K"] on a Mac. */
export function keysOf(name: ShortcutName, mac = isMac()): string[] {
  const { combo }: Shortcut = shortcuts[name];
  const key = combo.key === 'Escape' ? 'Esc' : combo.key.length === 1 ? combo.key.toUpperCase() : combo.key;
  return [...(combo.mod ? [mac ? '⌘' : 'Ctrl'] : []), ...(combo.shift ? ['Shift'] : []), key];
}
