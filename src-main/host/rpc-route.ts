import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../src-shared/errors';
import type { RpcResult } from '../../src-shared/ipc/contract';
import { maxRpcBodyBytes } from '../../src-shared/ipc/bridge';
import type { HostCore } from './host-core';

export { maxRpcBodyBytes };

/**
 * `POST /rpc/<channel>`: the body is the channel's JSON input, the answer its RpcResult (HTTP 200
 * for success and for handled errors alike). Input validation, unknown channels and error mapping
 * all happen in core.invoke, exactly as for Electron IPC; this only turns HTTP into a call.
 * The client side is src-renderer's api transport for the browser host.
 */
export async function handleRpc(
  core: HostCore,
  channel: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request, maxRpcBodyBytes);
  if (body.kind === 'too-large') {
    // Tell the client to stop sending; the rest of its body is drained, not parsed.
    response.setHeader('Connection', 'close');
    request.resume();
    sendJson(response, 413, failure('invalid_input', `The request body is larger than ${maxRpcBodyBytes} bytes.`));
    return;
  }
  if (body.kind === 'aborted') return;

  let input: unknown;
  if (body.text.trim() !== '') {
    try {
      input = JSON.parse(body.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sendJson(response, 400, failure('invalid_input', `The request body is not valid JSON: ${reason}`));
      return;
    }
  }

  let result: RpcResult<unknown>;
  try {
    result = await core.invoke(channel, input);
  } catch {
    // core.invoke answers errors as results; landing here means the core itself is broken.
    sendJson(response, 500, failure('internal', 'Something went wrong inside Fieldbook. The details are in its log.'));
    return;
  }
  sendJson(response, 200, result);
}

export function failure(code: ErrorCode, message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too-large' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanup();
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    };
    const onAborted = () => {
      cleanup();
      resolve({ kind: 'aborted' });
    };
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAborted);
      request.off('close', onClose);
    };
    // 'close' before 'end' means the client went away mid-body.
    const onClose = () => {
      if (!request.complete) onAborted();
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAborted);
    request.on('close', onClose);
  });
}
