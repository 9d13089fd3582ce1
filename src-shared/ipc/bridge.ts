import type { ChannelInput, ChannelName, ChannelOutput, RpcResult } from './contract';
import type { EventName, EventPayload } from './events';

// The object the Electron preload exposes as `window.fieldbook` (src-main/electron/preload.ts),
// and which src-renderer/api.ts also builds over the browser host's HTTP transport:
//   POST /rpc/<channel>  body: JSON input   answer: RpcResult JSON (HTTP 200 for ok and handled errors)
//   GET  /events          server-sent events: `event: <EventName>` + `data: <JSON payload>`
//   GET  /rpc-socket      upgraded to a WebSocket carrying the same calls as messages (rpc-socket.ts)
//   POST /files/upload?name=<name>[&purpose=import]  body: the file's bytes   answer: RpcResult<StagedUpload> (413 over the limit)
//   GET  /files/<sha256>             the stored bytes, inline when the app can preview them
export interface FieldbookBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<RpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Electron only: stages a picked or dropped file by its path on disk (the browser host uploads it instead). */
  stageFile?(file: PickedFile, purpose?: UploadPurpose): Promise<RpcResult<StagedUpload>>;
  /** Electron only: opens a stored file with the operating system's app for it. */
  openFile?(sha256: string): Promise<RpcResult<{ sha256: string }>>;
  /** Electron only: the main process asks the window to show something (a clicked OS notification). */
  onNavigate?(listener: (target: NavigationTarget) => void): () => void;
}

/** The part of a DOM File the bridge relies on (this layer has no DOM types). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/**
 * What an upload is for. A file attached to a record travels to teammates, so it is held to the
 * settings' (and the relay's) file size limit; a file to import is only read on this computer, so
 * it is held to the import's own limit (`importFileMaxBytes`) and can never be attached.
 */
export const uploadPurposes = ['file', 'import'] as const;
export type UploadPurpose = (typeof uploadPurposes)[number];

export function isUploadPurpose(value: unknown): value is UploadPurpose {
  return uploadPurposes.includes(value as UploadPurpose);
}

/**
 * The largest file an import reads: the whole file is decoded into one string, and V8's longest
 * string is just under 512 Mi characters. A million contacts exported as CSV are about 270 MB.
 */
export const importFileMaxBytes = 500 * 1024 * 1024;

/** Bytes held by the core until `files.add` attaches them to a contact. */
export interface StagedUpload {
  uploadId: string;
  sha256: string;
  sizeBytes: number;
}

export type NavigationTarget = { kind: 'contact'; contactId: string };

export const filesPathPrefix = '/files/';
export const fileUploadPath = '/files/upload';

export const bridgeGlobalName = 'fieldbook';
export const rpcPathPrefix = '/rpc/';
export const eventsPath = '/events';
export const rpcSocketPath = '/rpc-socket';
/** The largest call the browser host takes, as an HTTP body or as one socket message. */
export const maxRpcBodyBytes = 5 * 1024 * 1024;
