import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The office's time zone dates every exported row and picks the quote year. A zone the
// computer does not know would silently fall back to this computer's own zone, so it is
// refused at the boundary, in words the owner understands, and nothing of the patch is kept.

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

describe('the office time zone setting', () => {
  it('refuses a zone that does not exist, with a plain message, and changes nothing', async () => {
    await core.call('settings.update', { userName: 'Sam', timeZone: 'Europe/London' });
    const answer = await core.invoke('settings.update', { userName: 'Someone else', timeZone: 'Europe/Londn' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toContain('Choose a time zone from the list');
    expect(await core.call('settings.get', {})).toMatchObject({ userName: 'Sam', timeZone: 'Europe/London' });
  });

  it('accepts a known zone, and the empty value that means this computer’s zone', async () => {
    expect(await core.call('settings.update', { timeZone: ' America/New_York ' })).toMatchObject({ timeZone: 'America/New_York' });
    expect(await core.call('settings.update', { timeZone: '' })).toMatchObject({ timeZone: '' });
  });
});
