import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { disposeAll, startTeam, syncInTurn } from '../../helpers/workspace-team';
import { laptopHolds, relayHolds } from './forget-scan';

// A retention rule runs the way forgetting does: the admin sets "call recordings for 30 days";
// an older call keeps its row but loses its recording and transcript, with every past value of
// them, on both laptops and at the relay. A newer call keeps its own.

const relay = useRelayInMemory();
let ann: TempCore;
let ben: TempCore;
const dayMs = 24 * 60 * 60 * 1000;
const oldWords = 'transcript-of-the-old-call-5512';
const newWords = 'transcript-of-the-new-call-8820';

function logCallWithRecording(core: TempCore, id: string, startedAt: number, transcript: string) {
  core.engine.transaction((tx) =>
    tx.write('calls', id, { direction: 'inbound', number: '+14155550188', started_at: startedAt, status: 'completed', disposition: 'call back', transcript, recording_sha256: 'a'.repeat(64), created_at: startedAt }),
  );
  // A second value, so that the change log holds a past one too.
  core.engine.transaction((tx) => tx.write('calls', id, { transcript: `${transcript} (corrected)` }));
}

beforeAll(async () => {
  ({ admin: ann, teammate: ben } = await startTeam(relay.url));
  logCallWithRecording(ann, 'call-old', Date.now() - 45 * dayMs, oldWords);
  logCallWithRecording(ann, 'call-new', Date.now() - 2 * dayMs, newWords);
  await syncInTurn(ann, ben);
}, 120_000);
afterAll(() => disposeAll(ann, ben));

describe('retention rules', () => {
  it("erase old calls' recordings and transcripts everywhere, and keep the calls and the newer ones", async () => {
    expect(laptopHolds(ben.sqlite, [oldWords])).toContain(`${oldWords} in changes`);
    expect(await ann.call('privacy.retention', {})).toEqual({ callRecordingDays: null });

    const applied = await ann.call('privacy.setRetention', { callRecordingDays: 30 });
    expect(applied).toEqual({ rules: { callRecordingDays: 30 }, cleared: 1 });
    await ann.call('sync.now', {});
    await ben.call('sync.now', {});

    for (const core of [ann, ben]) {
      expect(laptopHolds(core.sqlite, [oldWords])).toEqual([]);
      expect(laptopHolds(core.sqlite, [newWords])).not.toEqual([]);
      const old = core.sqlite.prepare('SELECT recording_sha256, transcript, disposition FROM calls WHERE id = ?').get('call-old');
      expect(old).toEqual({ recording_sha256: null, transcript: '', disposition: 'call back' });
    }
    // The relay holds both calls sealed (end-to-end encryption), so neither transcript is readable there.
    expect(await relayHolds(relay.database, [oldWords, newWords])).toEqual([]);
    // Nothing more to do the second time.
    expect((await ann.call('privacy.setRetention', { callRecordingDays: 30 })).cleared).toBe(0);
  });

  it('are set by admins only', async () => {
    expect(await ben.invoke('privacy.setRetention', { callRecordingDays: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ann.invoke('privacy.setRetention', { callRecordingDays: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
