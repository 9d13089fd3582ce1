import { app, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sha256Pattern } from '../../src-shared/domain/file';
import { AppError, type ErrorPayload } from '../../src-shared/errors';
import { isUploadPurpose, uploadPurposes } from '../../src-shared/ipc/bridge';
import type { RpcResult } from '../../src-shared/ipc/contract';
import type { Core } from '../core/create-core';
import { isAppUrl } from './app-protocol';
import { openFileIpcChannel, stageFileIpcChannel } from './ipc-channels';

// The Electron file transport (the browser host's is src-main/host/files-route.ts). The preload
// turns a picked or dropped File into its path (webUtils.getPathForFile), so the bytes go from
// disk to the store without crossing IPC; opening hands a copy to the OS's app for the type.

type FilesCore = { files: Pick<Core['files'], 'stageFromPath' | 'open'> };

export function registerFileIpc(core: FilesCore): () => void {
  ipcMain.handle(stageFileIpcChannel, (event, filePath: unknown, purpose: unknown = 'file') =>
    answer(event, async () => {
      if (typeof filePath !== 'string' || !path.isAbsolute(filePath)) {
        throw new AppError('invalid_input', 'Fieldbook can only attach files from this computer’s disks.', 'file');
      }
      if (!isUploadPurpose(purpose)) throw new AppError('invalid_input', `An upload is for one of: ${uploadPurposes.join(', ')}.`, 'purpose');
      return core.files.stageFromPath(filePath, purpose);
    }),
  );
  ipcMain.handle(openFileIpcChannel, (event, sha256: unknown) =>
    answer(event, async () => {
      const found = typeof sha256 === 'string' && sha256Pattern.test(sha256) ? core.files.open(sha256) : undefined;
      if (!found) throw new AppError('not_found', 'That file is no longer stored on this computer.', 'sha256');
      // A copy under its own name, so the OS picks the right app and the store is never edited in place.
      const folder = fs.mkdtempSync(path.join(app.getPath('temp'), 'fieldbook-'));
      const copy = path.join(folder, safeFileName(found.file.name));
      // Decrypted, for the other app to read: the copy lives in the OS's temp folder, as any opened attachment does.
      await pipeline(found.read(), fs.createWriteStream(copy, { mode: 0o600 }));
      const failure = await shell.openPath(copy);
      if (failure) throw new AppError('internal', `No app on this computer could open "${found.file.name}": ${failure}`);
      return { sha256: found.file.sha256 };
    }),
  );
  return () => {
    ipcMain.removeHandler(stageFileIpcChannel);
    ipcMain.removeHandler(openFileIpcChannel);
  };
}

async function answer<T>(event: IpcMainInvokeEvent, run: () => Promise<T>): Promise<RpcResult<T>> {
  if (event.senderFrame === null || !isAppUrl(event.senderFrame.url)) {
    return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from the Fieldbook window.' } };
  }
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    console.error('[fieldbook] file transport failed:', error);
    const payload: ErrorPayload = { code: 'internal', message: 'Something went wrong inside Fieldbook. Your data is safe; please try again.' };
    return { ok: false, error: payload };
  }
}

/** The stored name without folders or characters file systems refuse. */
function safeFileName(name: string): string {
  const printable = [...name].map((character) => (character.charCodeAt(0) < 32 ? '_' : character)).join('');
  const base = path.basename(printable.replace(/\\/g, '/')).replace(/[<>:"|?*]/g, '_').trim();
  return base === '' || base === '.' || base === '..' ? 'file' : base.slice(0, 200);
}
