import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/create-core';
import type { RpcResult } from '../../src-shared/ipc/contract';
import { eventIpcChannel, rpcIpcChannel } from './ipc-channels';
import { isAppUrl } from './app-protocol';

// The Electron transport of the contract; the preload (preload.ts) is the other end. Input
// validation, unknown channels and error mapping are core.invoke's, exactly as over HTTP, so this
// only decides who may call: our own page, never anything else a frame might have navigated to.

export function registerIpc(core: Pick<Core, 'invoke' | 'onAny'>): () => void {
  ipcMain.handle(rpcIpcChannel, (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<RpcResult<unknown>> => {
    if (!isFromAppPage(event)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from the Fieldbook window.' } });
    }
    return core.invoke(typeof channel === 'string' ? channel : String(channel), input);
  });

  const stopForwarding = core.onAny((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(eventIpcChannel, name, payload);
    }
  });

  return () => {
    stopForwarding();
    ipcMain.removeHandler(rpcIpcChannel);
  };
}

function isFromAppPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}
