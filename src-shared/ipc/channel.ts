import { z } from 'zod';

/** One IPC channel: what it takes and what it answers, both checked at the boundary. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for people reading the contract (and the host's channel list). */
  summary: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

/** A domain's channels, as each `src-shared/ipc/<domain>.ts` exports them. */
export type ChannelGroup = Record<string, ChannelSpec>;

/**
 * The handlers of a group of channels: each takes the parsed input (defaults applied) and answers
 * the output, at once or as a promise. A domain's `handlers.ts` in src-main is checked with
 * `satisfies HandlerMap<typeof itsChannels>`, so a missing or mistyped handler fails to compile.
 */
export type HandlerMap<G extends ChannelGroup> = {
  [C in keyof G]: (input: z.output<G[C]['input']>) => z.output<G[C]['output']> | Promise<z.output<G[C]['output']>>;
};

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** Several objects as one, typed as all of them at once. */
export type Merged<Parts extends readonly object[]> = UnionToIntersection<Parts[number]>;

/**
 * Merges channel groups, or handler maps, into one, refusing a name that two of them declare: a
 * spread would silently keep the last one. Runs when the contract module loads and when the core
 * starts, so a clash stops the app at once instead of answering with the wrong handler.
 */
export function mergeDistinct<const Parts extends readonly object[]>(what: string, parts: Parts): Merged<Parts> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) throw new Error(`The ${what} "${name}" is declared twice.`);
      merged[name] = value;
    }
  }
  return merged as Merged<Parts>;
}

// Pieces many channels share.
export const Id = z.string().min(1).max(64);
export const ById = z.object({ id: Id });
/** What a delete answers: the id, for the undo that restores it. */
export const Deleted = z.object({ id: z.string() });
export const Page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
