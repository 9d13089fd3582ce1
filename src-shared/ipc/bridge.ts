import type { ChannelInput, ChannelName, ChannelOutput, RpcResult } from './contract';
import type { EventName, EventPayload } from './events';

// The object the Electron preload exposes as `window.fieldbook` (src-main/electron/preload.ts),
// and which src-renderer/api.ts also builds over the browser host's HTTP transport:
//   POST /rpc/<channel>  body: JSON input   answer: RpcResult JSON (HTTP 200 for ok and handled errors)
//   GET  /events          server-sent events: `event: <EventName>` + `data: <JSON payload>`
export interface FieldbookBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<RpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const bridgeGlobalName = 'fieldbook';
export const rpcPathPrefix = '/rpc/';
export const eventsPath = '/events';
