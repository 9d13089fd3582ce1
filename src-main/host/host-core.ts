import type { Core } from '../core/create-core';

/** The slice of the core the browser host uses: it calls channels and relays events, nothing else. */
export type HostCore = Pick<Core, 'invoke' | 'onAny'>;
