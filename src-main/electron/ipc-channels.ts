// The Electron IPC channels between preload.ts and the main process. Every contract call travels
// on `rpc` as (channel name, input); every core event on `event` as (event name, payload). The
// file transport (files.ts) has its own two, and the main process asks the window to show
// something (a clicked notification, reminders.ts) on `navigate`.
export const rpcIpcChannel = 'rpc';
export const eventIpcChannel = 'event';
export const stageFileIpcChannel = 'stage-file';
export const openFileIpcChannel = 'open-file';
export const navigateIpcChannel = 'navigate';
