import { randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

// A passphrase becomes key material through scrypt (memory-hard, in node:crypto). Its parameters
// and salt are stored beside whatever the key seals, so they can be raised later without
// breaking what was sealed before, and a new laptop can derive the same key from the same
// passphrase.

export const KdfParamsSchema = z.object({
  name: z.literal('scrypt'),
  salt: z.string().regex(/^[0-9a-f]{32,128}$/),
  /** CPU/memory cost, a power of two. */
  N: z.number().int().min(2).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/** ~128 MB and a few hundred milliseconds per derivation on a laptop: slow for a guesser. */
export const strongKdfCost = { N: 2 ** 17, r: 8, p: 1 } as const;
/** For tests and benches only: data folders made by them are throwaway. */
export const fastKdfCost = { N: 2 ** 10, r: 8, p: 1 } as const;

export type KdfCost = { N: number; r: number; p: number };

export function newKdfParams(cost: KdfCost = strongKdfCost): KdfParams {
  return { name: 'scrypt', salt: randomBytes(16).toString('hex'), ...cost };
}

/** `bytes` of key material from the passphrase (32 per key wanted). */
export function deriveKey(passphrase: string, params: KdfParams, bytes = 32): Buffer {
  const { N, r, p } = params;
  // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MB) is below the strong cost.
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'hex'), bytes, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}
