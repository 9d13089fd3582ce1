import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../../src-shared/ipc/events';
import { eventNames } from '../../src-renderer/event-names';

// The renderer listens to the core's events by a list of its own (src-renderer/event-names.ts),
// so that its first load does without the events' schemas. An event missing from it would never
// reach a screen in the browser host.

describe("the renderer's event names", () => {
  it('are every event the core sends, each once', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(eventSchemas).sort());
  });
});
