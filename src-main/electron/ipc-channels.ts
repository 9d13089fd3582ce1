// The two Electron IPC channels between preload.ts and ipc.ts. Every contract call travels on
// `rpc` as (channel name, input); every core event on `event` as (event name, payload).
export const rpcIpcChannel = 'rpc';
export const eventIpcChannel = 'event';
