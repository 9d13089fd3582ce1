import type { z } from 'zod';
import type { ErrorPayload } from '../errors';
import { appChannels } from './app';
import { callsChannels } from './calls';
import { mergeDistinct, type HandlerMap } from './channel';
import { contactsChannels } from './contacts';
import { dashboardChannels } from './dashboard';
import { exchangeChannels } from './exchange';
import { filesChannels } from './files';
import { followUpsChannels } from './followups';
import { notesChannels } from './notes';
import { phoneChannels } from './phone';
import { pipelineChannels } from './pipeline';
import { searchChannels } from './search';
import { settingsChannels } from './settings';
import { syncChannels } from './sync';
import { timelineChannels } from './timeline';
import { mailChannels } from './mail';
import { webFormChannels } from './web-form';
import { apiKeysChannels } from './api-keys';
import { jobsChannels } from './jobs';
import { revenueChannels } from './revenue';
import { lifecycleChannels } from './lifecycle';
import { companiesChannels } from './companies';
import { privacyChannels } from './privacy';
import { auditChannels } from './audit';
import { segmentsChannels } from './segments';
import { lockChannels } from './lock';
import { viewsChannels } from './views';
import { bulkChannels } from './bulk';

// The one list of channels. The Electron shell (ipcMain.handle + preload), the browser host
// (POST /rpc/<channel>) and the renderer's api client are all derived from it, and the core's
// handler map is checked against it with `satisfies Handlers`. A name declared by two domains
// stops the app when this module loads (mergeDistinct).
// When adding a domain: its file beside this one, listed here, its handlers in src-main/<domain>/
// handlers.ts, registered in src-main/core/handlers.ts.
export const contract = mergeDistinct('channel', [
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
  phoneChannels,
  mailChannels,
  webFormChannels,
  apiKeysChannels,
  jobsChannels,
  revenueChannels,
  lifecycleChannels,
  companiesChannels,
  privacyChannels,
  auditChannels,
  segmentsChannels,
  lockChannels,
  viewsChannels,
  bulkChannels,
]);

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives: the input after parsing, defaults applied. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The core's whole handler map: one handler per channel of the contract. */
export type Handlers = HandlerMap<Contract>;

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
