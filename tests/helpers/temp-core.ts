import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/create-core';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/ipc/contract';
import { testKeySource } from '../../src-main/security/key-source';

export interface TempCore extends Core {
  /** Invokes a channel like the renderer does, and fails the test on an error answer. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  dispose(): void;
}

/** A real core on a fresh data folder, removed again by dispose(). */
export function createTempCore(options: Partial<CoreOptions> = {}): TempCore {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-test-'));
  // The test passphrase unlocks it whichever shell a test plays.
  const core = createCore({ shell: 'test', keySource: testKeySource(), logError: () => {}, ...options, dataDir });
  return Object.assign(core, {
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await core.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data as ChannelOutput<C>;
    },
    dispose() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
