import type { Core } from '../core/create-core';

/**
 * The slice of the core the browser host uses: it calls channels, relays events, and carries
 * file bytes in (staging an upload) and out (a stored file by its SHA-256), nothing else.
 */
export type HostCore = Pick<Core, 'invoke' | 'onAny'> & {
  /** While locked, no file bytes go in or out (channels are refused by invoke itself). */
  lock: Pick<Core['lock'], 'isLocked'>;
  files: Pick<Core['files'], 'stage' | 'open'>;
  exchange: Pick<Core['exchange'], 'exportsDir' | 'backupDir'>;
};
