import { describe, expect, it } from 'vitest';
import { useTestRelay } from '../../helpers/test-relay';
import { carriedChangesPlan } from '../../../src-main/sync/carried-changes';
import type { SequencedChange } from '../../../src-shared/sync/protocol';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { contactChanged, until } from '../../helpers/waits';

// A teammate's edit reaches this laptop in the poke that announces it (src-relay/routes/push.ts
// sends it, src-main/sync/sync-engine.ts applies it); a gap falls back to the pull.

const relay = useTestRelay('carried');

/** A core that syncs on its own, counting the pulls it sends. */
function countingCore(): TempCore & { pulls: () => number } {
  let pulls = 0;
  const counting: typeof fetch = (input, init) => {
    if (new URL(String(input)).pathname === '/v1/pull') pulls += 1;
    return fetch(input, init);
  };
  return Object.assign(createTempCore({ fetch: counting }), { pulls: () => pulls });
}

const cursorOf = (core: TempCore) =>
  Number((core.sqlite.prepare("SELECT value FROM local_settings WHERE key = 'sync.cursor'").get() as { value: string }).value);

describe("a teammate's edit carried by the live poke", () => {
  it('is applied from the poke without a pull, and a gap before it is pulled', async () => {
    const ann = countingCore();
    const ben = countingCore();
    try {
      await ann.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Harbour Plumbing', memberName: 'Ann' });
      const { inviteCode } = await ann.call('sync.invite', {});
      await ben.call('sync.join', { relayUrl: relay.url, inviteCode, memberName: 'Ben' });
      const { id } = await ann.call('contacts.create', { draft: { name: 'Dee Jones' }, allowDuplicate: true });
      await until(() => ann.sync.status().state === 'synced', 'Ann has pushed');
      await ben.sync.syncNow();
      expect((await ben.call('contacts.get', { id })).name).toBe('Dee Jones');
      // Ben's live socket is open and his cycles have settled.
      await new Promise((resolve) => setTimeout(resolve, 500));

      const pullsBefore = ben.pulls();
      const seen = contactChanged(ben, id);
      await ann.call('contacts.update', { id, patch: { jobTitle: 'Owner' } });
      await seen;
      expect((await ben.call('contacts.get', { id })).jobTitle).toBe('Owner');
      expect(ben.pulls() - pullsBefore).toBe(0);
      const afterCarried = cursorOf(ben);

      // Ben's cursor put back one: the next poke's change does not follow it, so he pulls, and
      // gets both, each applied once; his cursor ends at the relay's newest.
      ben.sqlite.prepare("UPDATE local_settings SET value = ? WHERE key = 'sync.cursor'").run(JSON.stringify(afterCarried - 1));
      const pullsBeforeGap = ben.pulls();
      const seenAgain = contactChanged(ben, id);
      await ann.call('contacts.update', { id, patch: { jobTitle: 'Director' } });
      await seenAgain;
      expect((await ben.call('contacts.get', { id })).jobTitle).toBe('Director');
      expect(ben.pulls() - pullsBeforeGap).toBeGreaterThan(0);
      await until(() => cursorOf(ben) === afterCarried + 1, `Ben's cursor is ${afterCarried + 1}`);
    } finally {
      ann.dispose();
      ben.dispose();
    }
  }, 60_000);
});

describe('carriedChangesPlan', () => {
  const entries = (...seqs: number[]) => seqs.map((seq) => ({ seq }) as SequencedChange);

  it('applies the changes right after the cursor up to the newest, in whatever order they came', () => {
    expect(carriedChangesPlan(7, 9, entries(9, 8))).toBe('apply');
  });

  it('pulls on a gap, a missing middle, an overlap or a newest beyond the changes', () => {
    expect(carriedChangesPlan(6, 9, entries(8, 9))).toBe('pull');
    expect(carriedChangesPlan(7, 10, entries(8, 10))).toBe('pull');
    expect(carriedChangesPlan(8, 9, entries(8, 9))).toBe('pull');
    expect(carriedChangesPlan(7, 10, entries(8, 9))).toBe('pull');
  });

  it('does nothing with changes the laptop has already', () => {
    expect(carriedChangesPlan(9, 9, entries(8, 9))).toBe('none');
  });
});
