import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isPreviewable, sha256Pattern } from '../../src-shared/domain/file';
import { AppError } from '../../src-shared/errors';
import { isUploadPurpose, uploadPurposes } from '../../src-shared/ipc/bridge';
import type { HostCore } from './host-core';
import { failure, sendJson } from './rpc-route';

// The browser host's file transport; the renderer side is api.uploadFile / api.fileUrl in
// src-renderer/api.ts, the Electron counterpart src-main/electron/files.ts and app-protocol.ts.
//   POST /files/upload?name=<name>[&purpose=import]  raw body → core.files.stage → RpcResult<{uploadId, sha256, sizeBytes}>
//   GET  /files/<sha256>            the stored bytes with their mime type, under a policy of their own

/**
 * A stored file is whatever a user (or a stranger's e-mail attachment) put there, so its response
 * runs sandboxed: no script, no same-origin access, only our page may frame it (Chromium's own PDF
 * viewer still renders a sandboxed PDF). Previewable types (images, PDF) are shown inline,
 * everything else downloads.
 */
export const storedFilePolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self'",
  "object-src 'self'",
  'plugin-types application/pdf',
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

export async function handleUpload(core: HostCore, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const name = (url.searchParams.get('name') ?? '').trim();
  if (name === '' || name.length > 255) {
    request.resume();
    sendJson(response, 400, failure('invalid_input', 'Give the file a name of 1 to 255 characters.'));
    return;
  }
  const purpose = url.searchParams.get('purpose') ?? 'file';
  if (!isUploadPurpose(purpose)) {
    request.resume();
    sendJson(response, 400, failure('invalid_input', `An upload is for one of: ${uploadPurposes.join(', ')}.`));
    return;
  }
  // The request is piped, not handed over: when the core refuses the upload mid-stream it destroys
  // what it reads from, and destroying the request itself would take the socket (and our answer) with it.
  const body = new PassThrough();
  request.on('close', () => {
    if (!request.complete) body.destroy(new AppError('cancelled', 'The upload was interrupted.'));
  });
  request.pipe(body);
  try {
    const staged = await core.files.stage(body, name, purpose);
    sendJson(response, 200, { ok: true, data: staged });
  } catch (error) {
    if (!request.complete && request.destroyed) return;
    const appError = error instanceof AppError ? error : undefined;
    // Let the client finish sending before answering, so it reads the refusal instead of a reset.
    request.unpipe(body);
    await drain(request);
    if (appError) {
      const status = appError.code === 'invalid_input' && appError.field === 'file' ? 413 : 400;
      sendJson(response, status, { ok: false, error: appError.toPayload() });
    } else {
      console.error('[fieldbook host] upload failed:', error);
      sendJson(response, 500, failure('internal', 'Something went wrong inside Fieldbook while storing the file.'));
    }
  }
}

export async function serveStoredFile(core: HostCore, sha256: string, response: ServerResponse): Promise<void> {
  const found = sha256Pattern.test(sha256) ? core.files.open(sha256) : undefined;
  if (!found) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, storedFileHeaders(found.file, found.sizeBytes));
  // Decrypted on the way out (src-main/files/blob-store.ts).
  await pipeline(found.read(), response);
}

/** The headers of a stored file's response; shared with the Electron shell's app:// handler. */
export function storedFileHeaders(file: { name: string; mimeType: string }, size: number): Record<string, string | number> {
  const mimeType = safeMimeType(file.mimeType);
  const inline = isPreviewable(mimeType);
  return {
    'Content-Type': mimeType,
    'Content-Length': size,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeRFC5987(file.name)}`,
    'Content-Security-Policy': storedFilePolicy,
    'X-Content-Type-Options': 'nosniff',
    // Content-addressed, so the bytes at this address never change; still private to this user.
    'Cache-Control': 'private, max-age=3600',
  };
}

/** A stored mime type as a header value: one `type/subtype`, nothing that could split the header. */
function safeMimeType(mimeType: string): string {
  const plain = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(plain) ? plain : 'application/octet-stream';
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function drain(request: IncomingMessage): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    request.once('end', resolve);
    request.once('close', resolve);
    request.resume();
  });
}
