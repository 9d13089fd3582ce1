// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactPicker, type PickedContact } from '../../src-renderer/ui/ContactPicker';
import { installTestBridge } from './test-bridge';
import { settle } from './render-hook';

// The contact picker typed into quickly: the matches on screen may still be those of what was
// typed before, and Enter must pick from what the user typed, as it does once the list catches up.

const bridge = installTestBridge();
const people = [
  { id: 'ann', name: 'Ann Archer', kind: 'person', company: 'Archer & Co', primaryPhone: null },
  { id: 'bob', name: 'Bob Fletcher', kind: 'person', company: 'Fletcher Roofing', primaryPhone: null },
];

let root: Root | undefined;
beforeEach(() => bridge.reset());
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
});

const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

async function renderPicker(picked: (PickedContact | null)[]): Promise<HTMLInputElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<ContactPicker id="contact" aria-invalid={undefined} aria-describedby={undefined} value={null} onChange={(contact) => picked.push(contact)} />));
  return host.querySelector('input')!;
}

async function type(input: HTMLInputElement, text: string) {
  await act(async () => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const press = (input: HTMLInputElement, key: string) =>
  act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

describe('ContactPicker', () => {
  const answerByName = () =>
    bridge.answer('contacts.list', async (input) => {
      const query = String((input as { query?: string }).query ?? '').toLowerCase();
      const items = people.filter((person) => person.name.toLowerCase().includes(query));
      return { items, total: items.length };
    });

  it('picks the first match of what was typed when Enter comes before any match arrived', async () => {
    answerByName();
    const picked: (PickedContact | null)[] = [];
    const input = await renderPicker(picked);
    await type(input, 'Bob');
    await press(input, 'Enter');
    await wait(300);
    await settle();

    expect(picked.filter(Boolean)).toEqual([{ id: 'bob', name: 'Bob Fletcher' }]);
    expect(input.value).toBe('Bob Fletcher');
  });

  it('does not pick from the list still on screen for what was typed before', async () => {
    answerByName();
    const picked: (PickedContact | null)[] = [];
    const input = await renderPicker(picked);
    await act(async () => input.focus());
    await wait(300);
    await settle();

    await type(input, 'Bob');
    await press(input, 'Enter');
    await wait(300);
    await settle();

    expect(picked.filter(Boolean)).toEqual([{ id: 'bob', name: 'Bob Fletcher' }]);
  });

  it('picks the highlighted match with Enter once the matches are there', async () => {
    bridge.answer('contacts.list', async () => ({ items: people, total: 2 }));
    const picked: (PickedContact | null)[] = [];
    const input = await renderPicker(picked);
    await type(input, 'er');
    await wait(300);
    await settle();
    await press(input, 'ArrowDown');
    await press(input, 'Enter');

    expect(picked.filter(Boolean)).toEqual([{ id: 'bob', name: 'Bob Fletcher' }]);
  });
});
