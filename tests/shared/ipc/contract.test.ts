import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appChannels } from '../../../src-shared/ipc/app';
import { callsChannels } from '../../../src-shared/ipc/calls';
import { channel, mergeDistinct } from '../../../src-shared/ipc/channel';
import { contactsChannels } from '../../../src-shared/ipc/contacts';
import { channelNames } from '../../../src-shared/ipc/contract';
import { dashboardChannels } from '../../../src-shared/ipc/dashboard';
import { exchangeChannels } from '../../../src-shared/ipc/exchange';
import { filesChannels } from '../../../src-shared/ipc/files';
import { followUpsChannels } from '../../../src-shared/ipc/followups';
import { notesChannels } from '../../../src-shared/ipc/notes';
import { pipelineChannels } from '../../../src-shared/ipc/pipeline';
import { searchChannels } from '../../../src-shared/ipc/search';
import { settingsChannels } from '../../../src-shared/ipc/settings';
import { syncChannels } from '../../../src-shared/ipc/sync';
import { timelineChannels } from '../../../src-shared/ipc/timeline';

const ping = channel({ summary: 'Answers pong.', input: z.object({}), output: z.literal('pong') });

describe('merging channel groups into the contract', () => {
  it('refuses a channel name that two groups declare, naming it', () => {
    expect(() => mergeDistinct('channel', [{ 'app.ping': ping }, { 'notes.list': ping }, { 'app.ping': ping }])).toThrow(
      'The channel "app.ping" is declared twice.',
    );
  });

  it('refuses a channel handled twice, as the core registers its handlers', () => {
    const notes = { 'notes.list': () => [] };
    const timeline = { 'timeline.list': () => [], 'notes.list': () => ['from the wrong domain'] };
    expect(() => mergeDistinct('channel handler', [notes, timeline])).toThrow('The channel handler "notes.list" is declared twice.');
  });

  it('keeps every entry of groups that do not clash', () => {
    const merged = mergeDistinct('channel', [{ 'a.one': ping }, { 'b.two': ping, 'b.three': ping }]);
    expect(Object.keys(merged)).toEqual(['a.one', 'b.two', 'b.three']);
  });

  it('holds every channel of every domain file, each once', () => {
    const groups = [
      appChannels,
      contactsChannels,
      settingsChannels,
      notesChannels,
      followUpsChannels,
      callsChannels,
      filesChannels,
      timelineChannels,
      dashboardChannels,
      searchChannels,
      syncChannels,
      pipelineChannels,
      exchangeChannels,
    ];
    const declared = groups.flatMap((group) => Object.keys(group));
    expect([...channelNames].sort()).toEqual([...declared].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('names each channel after the domain file that declares it', () => {
    expect(Object.keys(dashboardChannels)).toEqual(['dashboard.get']);
    expect(Object.keys(searchChannels)).toEqual(['search.global']);
    expect(Object.keys(settingsChannels)).toContain('settings.setLogo');
  });
});
