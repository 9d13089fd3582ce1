import type { ErrorPayload } from '../src-shared/errors';
import { isErrorPayload } from '../src-shared/errors';
import {
  bridgeGlobalName,
  eventsPath,
  filesPathPrefix,
  fileUploadPath,
  rpcPathPrefix,
  rpcSocketPath,
  type FieldbookBridge,
  type NavigationTarget,
  type StagedUpload,
  type UploadPurpose,
} from '../src-shared/ipc/bridge';
import type { ChannelInput, ChannelName, ChannelOutput, RpcResult } from '../src-shared/ipc/contract';
import type { EventName, EventPayload } from '../src-shared/ipc/events';
import { eventNames } from './event-names';
import { RpcSocketClient } from './rpc-socket-client';

// The only way the renderer reaches the core. Inside Electron the preload exposes the bridge
// (src-main/electron/preload.ts); in a plain browser the same bridge is built over the browser
// host's HTTP transport (src-main/host/). Screens never call either directly.

declare global {
  interface Window {
    [bridgeGlobalName]?: FieldbookBridge;
  }
}

/** A refusal or failure from the core, carrying its `{ code, message, field? }`. */
export class ApiError extends Error {
  readonly code: ErrorPayload['code'];
  readonly field?: string;

  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    if (payload.field !== undefined) this.field = payload.field;
  }
}

const unreachable: ErrorPayload = {
  code: 'internal',
  message: "Fieldbook couldn't reach its data. Check that the app is still running, then try again.",
};

/** Called when events may have been missed (see api.onResync). */
const resyncListeners = new Set<() => void>();
/** Opens the browser host's way in for events (set when the HTTP bridge is made). */
let openEventStream: (() => void) | undefined;

/**
 * Calls the first screen will make, asked for as soon as the page runs (api.prefetch) instead of
 * one after another as each component mounts: the lock status, then the settings, then the
 * dashboard's figures were three round trips in a row before the app showed anything. They are
 * sent once the page's events come in, so no change made after they were read can go unannounced:
 * as soon as the call socket is open (the events come down it, in order with the answers), or
 * when it cannot open, once the event stream is open and the calls go over HTTP. A component
 * that asks for one of them before then waits for it rather than asking again. Each answer is
 * taken once, by the first api.invoke of the same channel and input within prefetchLifeMs of
 * being sent (some answers depend on the time: due reminders, the lock's idle clock); any event
 * or reconnection drops the answers already read and not yet taken, and their callers ask again.
 */
interface EarlyCall {
  answer: Promise<RpcResult<unknown>>;
  /** When it was sent; undefined while it waits for the events to come in. */
  sentAt: number | undefined;
}
const prefetched = new Map<string, EarlyCall>();
const prefetchLifeMs = 10_000;
/** How long the call socket's handshake may take before the event stream is opened beside it. */
const socketWaitMs = 1_000;
/** How long the opening calls wait for either: a page whose events cannot come must not be held back. */
const streamWaitMs = 3_000;
const prefetchKey = (channel: string, input: unknown) => `${channel} ${JSON.stringify(input ?? {})}`;
/** Drops the early answers already read: a change may have been made since. */
function dropReadAnswers(): void {
  for (const [key, early] of prefetched) if (early.sentAt !== undefined) prefetched.delete(key);
}
const knownEvents = new Set<string>(eventNames);

/** The browser host's bridge: the contract's, plus answers asked for early. */
interface HttpBridge extends FieldbookBridge {
  prefetch?<C extends ChannelName>(channel: C, input: ChannelInput<C>): void;
}

/**
 * Events come one way at a time: over the call socket while it is open, else over the event
 * stream (`GET /events`), which is opened only when the socket closes, cannot be made, or has not
 * opened within socketWaitMs, and closed as soon as the socket opens, so no event is handed to the
 * screens twice. Each time either opens, events may have been missed: the screens resync. (An
 * event the host sent in the moment between subscribing a reopened socket and the page closing
 * the stream can come both ways; the resync of that reopening reloads the screens anyway.)
 */
function createHttpBridge(): HttpBridge {
  let source: EventSource | undefined;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** Whether a call went out before events first came in (its answer may be stale then). */
  let calledBeforeEvents = false;
  let eventsCameInOnce = false;
  let releaseEarlyCalls: () => void = () => undefined;
  /** Settles when the opening calls may be sent: events come in (or never will). */
  const earlyCallsMayGo = new Promise<void>((resolve) => (releaseEarlyCalls = resolve));

  /** The socket or the stream (re)opened: events come in from now on. */
  function eventsCameIn(): void {
    dropReadAnswers();
    // Whatever changed before was never sent to us: screens may have loaded just before a change
    // landed, so they reload what they show. At the first opening, that is only so if a call was
    // read before it: the opening calls wait for it.
    const firstOpening = !eventsCameInOnce;
    eventsCameInOnce = true;
    releaseEarlyCalls();
    if (firstOpening && !calledBeforeEvents) return;
    for (const listener of resyncListeners) listener();
  }

  function deliver(name: string, payload: unknown): void {
    if (!knownEvents.has(name)) return;
    dropReadAnswers();
    for (const listener of listeners.get(name as EventName) ?? []) (listener as (payload: unknown) => void)(payload);
  }

  const socket = new RpcSocketClient(() => new WebSocket(new URL(rpcSocketPath, location.href.replace(/^http/, 'ws'))), unreachable, undefined, {
    opened() {
      closeStream();
      eventsCameIn();
    },
    closed: openStream,
    event: deliver,
  });

  function openStream(): void {
    if (source) return;
    const created = new EventSource(eventsPath, { withCredentials: true });
    created.addEventListener('open', () => {
      if (source === created) eventsCameIn();
    });
    for (const name of eventNames) {
      created.addEventListener(name, (message) => {
        if (source !== created) return;
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        deliver(name, payload);
      });
    }
    source = created;
  }

  function closeStream(): void {
    source?.close();
    source = undefined;
  }

  let connecting = false;
  function connect(): void {
    socket.connect();
    if (connecting) return;
    connecting = true;
    // A handshake that hangs must not leave the page without events, nor its opening calls waiting.
    setTimeout(() => {
      if (!socket.isOpen) openStream();
    }, socketWaitMs);
    setTimeout(releaseEarlyCalls, streamWaitMs);
  }
  openEventStream = connect;

  async function invokeOverHttp<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<RpcResult<ChannelOutput<C>>> {
    if (!eventsCameInOnce) calledBeforeEvents = true;
    const overSocket = socket.call(channel, input);
    if (overSocket) return overSocket as Promise<RpcResult<ChannelOutput<C>>>;
    let response: Response;
    try {
      response = await fetch(rpcPathPrefix + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, error: unreachable };
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (body && typeof body === 'object' && 'ok' in body) return body as RpcResult<ChannelOutput<C>>;
    return {
      ok: false,
      error:
        response.status === 401 || response.status === 403
          ? { code: 'forbidden', message: 'This window is no longer signed in to Fieldbook. Reload it to continue.' }
          : unreachable,
    };
  }

  return {
    invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
      const key = prefetchKey(channel, input);
      const early = prefetched.get(key);
      prefetched.delete(key);
      if (early && (early.sentAt === undefined || performance.now() - early.sentAt < prefetchLifeMs)) {
        // A refusal is never served from early: it may no longer hold (asked while locked, taken
        // after unlocking, before the lock's event arrived).
        return (early.answer as Promise<RpcResult<ChannelOutput<C>>>).then((result) => (result.ok ? result : invokeOverHttp(channel, input)));
      }
      return invokeOverHttp(channel, input);
    },
    prefetch<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
      connect();
      const key = prefetchKey(channel, input);
      if (prefetched.has(key)) return;
      const early: EarlyCall = {
        answer: earlyCallsMayGo.then(() => {
          early.sentAt = performance.now();
          return invokeOverHttp(channel, input);
        }),
        sentAt: undefined,
      };
      prefetched.set(key, early);
    },
    on(event, listener) {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
}

let bridge: FieldbookBridge | undefined;
function getBridge(): FieldbookBridge {
  bridge ??= window[bridgeGlobalName] ?? createHttpBridge();
  return bridge;
}

export const api = {
  async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await getBridge().invoke(channel, input);
    if (result.ok) return result.data;
    throw new ApiError(isErrorPayload(result.error) ? result.error : unreachable);
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return getBridge().on(event, listener);
  },
  /**
   * Opens the browser host's way in for events now, before any screen loads (open-early.ts calls
   * it): the call socket, or the event stream where the socket cannot open. A screen that loaded
   * before events came in reloads then (onResync); opened first, the socket is usually there
   * before the first load, and the app opens with one load per screen instead of two.
   */
  listen(): void {
    getBridge();
    openEventStream?.();
  },
  /**
   * Asks for a call the first screen is about to make (main.tsx), so the page's opening calls run
   * side by side rather than one after another. Only over the browser host's HTTP; inside Electron
   * a call is an in-process message and gains nothing.
   */
  prefetch<C extends ChannelName>(channel: C, input: ChannelInput<C>): void {
    (getBridge() as HttpBridge).prefetch?.(channel, input);
  },
  /**
   * Called whenever events may have been missed: the browser host's call socket or event stream
   * (re)connected.
   * Whoever shows data kept current by events reloads it then (ui/live-events.ts does).
   */
  onResync(listener: () => void): () => void {
    resyncListeners.add(listener);
    return () => {
      resyncListeners.delete(listener);
    };
  },
  /**
   * Hands a file's bytes to the core; `files.add` then attaches them with the returned uploadId.
   * A file for an import says so (`purpose` 'import'): it is held to the import's limit instead.
   */
  async uploadFile(file: File, purpose: UploadPurpose = 'file'): Promise<StagedUpload> {
    const bridged = getBridge();
    const result = bridged.stageFile ? await bridged.stageFile(file, purpose) : await uploadOverHttp(file, purpose);
    if (result.ok) return result.data;
    throw new ApiError(isErrorPayload(result.error) ? result.error : unreachable);
  },
  /** Where a stored file is served: the host's /files/<sha>, or app://fieldbook/files/<sha> in Electron. */
  fileUrl(sha256: string): string {
    return filesPathPrefix + encodeURIComponent(sha256);
  },
  /** Whether files open in the operating system's own apps (Electron) rather than download (browser host). */
  opensFilesWithOs(): boolean {
    return getBridge().openFile !== undefined;
  },
  async openFile(sha256: string): Promise<void> {
    const open = getBridge().openFile;
    if (!open) throw new ApiError({ code: 'internal', message: 'Opening files with other apps needs the desktop app.' });
    const result = await open(sha256);
    if (!result.ok) throw new ApiError(isErrorPayload(result.error) ? result.error : unreachable);
  },
  /** Requests from the Electron main process to show something; never fires in the browser host. */
  onNavigate(listener: (target: NavigationTarget) => void): () => void {
    return getBridge().onNavigate?.(listener) ?? (() => undefined);
  },
};

async function uploadOverHttp(file: File, purpose: UploadPurpose): Promise<RpcResult<StagedUpload>> {
  let response: Response;
  try {
    const query = new URLSearchParams({ name: file.name, ...(purpose === 'file' ? {} : { purpose }) });
    response = await fetch(`${fileUploadPath}?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: unreachable };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (body && typeof body === 'object' && 'ok' in body) return body as RpcResult<StagedUpload>;
  return { ok: false, error: unreachable };
}

/** Plain words for a failure, for the error banner. Field-level detail is shown by the form. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something unexpected went wrong. Please try again.';
  switch (error.code) {
    case 'not_found':
      return 'That item no longer exists. It may have been deleted on another device.';
    case 'invalid_input':
      return stripFieldPrefix(error.message);
    case 'internal':
      return error.message === unreachable.message
        ? error.message
        : 'Something went wrong inside Fieldbook. Your data is safe; please try again.';
    default:
      return error.message;
  }
}

/** The core prefixes validation messages with the dotted field ("draft.name: …"). */
export function stripFieldPrefix(message: string): string {
  return message.replace(/^[\w.]+: /, '');
}
