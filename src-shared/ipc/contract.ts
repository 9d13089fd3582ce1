import type { z } from 'zod';
import type { ErrorPayload } from '../errors';
import { appChannels } from './app';
import { contactsChannels } from './contacts';
import { settingsChannels } from './settings';
import { syncChannels } from './sync';
import { pipelineChannels } from './pipeline';
import { exchangeChannels } from './exchange';
import { mailChannels } from './mail';
import { callsChannels, filesChannels, followUpsChannels, notesChannels, timelineChannels } from './work';

// The one list of channels. The Electron shell (ipcMain.handle + preload), the browser host
// (POST /rpc/<channel>) and the renderer's api client are all derived from it, and the core's
// handler map is checked against it with `satisfies Handlers`.
// When adding a domain: its file beside this one, spread it here, its handlers in src-main.
export const contract = {
  ...appChannels,
  ...contactsChannels,
  ...settingsChannels,
  ...notesChannels,
  ...followUpsChannels,
  ...callsChannels,
  ...filesChannels,
  ...timelineChannels,
  ...syncChannels,
  ...pipelineChannels,
  ...exchangeChannels,
  ...mailChannels,
};

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

export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };
