import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedParts } from './mail-parse-worker.mjs';

/** Parses messages (mail-parse-worker.mjs); in worker threads when they can be started, else in this thread. */
export interface MailParser {
  parse(source: Buffer): Promise<ParsedParts>;
  /**
   * Gets ready for many messages ahead of the first one: loading the parser takes about as long
   * as connecting to the server and fetching a first batch, so a first sync starts it beside them.
   */
  warm(): void;
  close(): Promise<void>;
}

// The parser loads with the parsing module on the first message, not when the core opens.
const parsingModule = () => import('./mail-parse-worker.mjs');
const parseParts: MailParser['parse'] = async (source) => (await parsingModule()).parseParts(source);

export const inProcessParser: MailParser = {
  parse: parseParts,
  warm: () => void parsingModule().catch(() => {}),
  close: async () => {},
};

interface Pending {
  resolve(parts: ParsedParts): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: number;
  /** Ids of the requests it holds, failed over to this thread if it dies. */
  requests: Set<number>;
}

/**
 * Parsing is most of a first sync's CPU time; a few workers do it
 * beside the main thread, which keeps fetching and writing. Workers start when `warm` says many
 * messages are coming, or once `startAt` messages are in flight; they do not keep the process
 * alive, and when one cannot start (a packaging without the worker file) the parsing simply
 * happens here.
 */
export function createParsePool(
  options: { size?: number; startAt?: number; workerUrl?: URL } = {},
): MailParser {
  const size = options.size ?? Math.max(1, Math.min(3, availableParallelism() - 1));
  const startAt = options.startAt ?? 8;
  const workerUrl = options.workerUrl ?? new URL('./mail-parse-worker.mjs', import.meta.url);
  const slots: Slot[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken = false;
  let inFlight = 0;

  const start = (): Slot | undefined => {
    try {
      // Plain JavaScript: no loader of the parent (tsx in the CLI and tests) is needed, and
      // inheriting tsx's makes the worker hang.
      const worker = new Worker(workerUrl, { execArgv: [] });
      worker.unref();
      const slot: Slot = { worker, busy: 0, requests: new Set() };
      slots.push(slot);
      worker.on('message', (reply: { id: number; parts?: ParsedParts; error?: string }) => {
        const waiting = pending.get(reply.id);
        if (!waiting) return;
        pending.delete(reply.id);
        slot.requests.delete(reply.id);
        slot.busy -= 1;
        if (reply.parts) {
          // Buffers arrive as Uint8Arrays: make them Buffers again.
          for (const attachment of reply.parts.attachments) attachment.content = Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
          waiting.resolve(reply.parts);
        } else waiting.reject(new Error(reply.error ?? 'The mail parser failed.'));
      });
      worker.on('error', () => {
        broken = true;
        slots.splice(slots.indexOf(slot), 1);
        for (const id of slot.requests) {
          pending.get(id)?.reject(new Error('The mail parser stopped.'));
          pending.delete(id);
        }
      });
      return slot;
    } catch {
      broken = true;
      return undefined;
    }
  };

  return {
    warm() {
      while (!broken && slots.length < size) if (!start()) break;
    },
    parse(source) {
      // A handful of messages is parsed here: starting workers costs more than it saves.
      if (broken || (slots.length === 0 && inFlight < startAt)) {
        inFlight += 1;
        return parseParts(source).finally(() => (inFlight -= 1));
      }
      let slot = slots.find((candidate) => candidate.busy === 0);
      if (!slot && slots.length < size) slot = start();
      slot ??= slots.reduce<Slot | undefined>((least, candidate) => (!least || candidate.busy < least.busy ? candidate : least), undefined);
      if (!slot) return parseParts(source);
      const id = nextId++;
      const chosen = slot;
      chosen.busy += 1;
      return new Promise<ParsedParts>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        chosen.requests.add(id);
        chosen.worker.postMessage({ id, source });
      }).catch((error: unknown) => {
        // A worker that died takes its requests with it: parse those here.
        if (broken) return parseParts(source);
        throw error;
      });
    },
    async close() {
      const workers = slots.splice(0).map((slot) => slot.worker);
      for (const waiting of pending.values()) waiting.reject(new Error('The mail parser was closed.'));
      pending.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
