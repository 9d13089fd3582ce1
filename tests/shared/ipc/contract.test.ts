import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, mergeDistinct } from '../../../src-shared/ipc/channel';
import { channelNames } from '../../../src-shared/ipc/contract';
import { dashboardChannels } from '../../../src-shared/ipc/dashboard';
import { searchChannels } from '../../../src-shared/ipc/search';
import { settingsChannels } from '../../../src-shared/ipc/settings';

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

  it('holds every channel of every domain file in src-shared/ipc, each once', async () => {
    const folder = path.resolve(import.meta.dirname, '../../../src-shared/ipc');
    const declared: string[] = [];
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'contract.ts')) {
      const module = (await import(path.join(folder, file))) as Record<string, unknown>;
      for (const [name, group] of Object.entries(module)) if (name.endsWith('Channels')) declared.push(...Object.keys(group as object));
    }
    expect([...channelNames].sort()).toEqual([...declared].sort());
  });

  it('names each channel after the domain file that declares it', () => {
    expect(Object.keys(dashboardChannels)).toEqual(['dashboard.get']);
    expect(Object.keys(searchChannels)).toEqual(['search.global', 'search.everything']);
    expect(Object.keys(settingsChannels)).toContain('settings.setLogo');
  });
});
