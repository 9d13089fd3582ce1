import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src-main/mail/parse';
import { createParsePool } from '../../../src-main/mail/parse-pool';
import { latin1Complaint, quoteRequest, supplierInvoice, undatedNote } from '../../fixtures/mail/messages';

const arrival = new Date('2026-11-20T10:00:00Z');
const messages = Array.from({ length: 6 }, () => [quoteRequest(), latin1Complaint(), supplierInvoice(), undatedNote()])
  .flat()
  .map((raw) => Buffer.from(raw, 'latin1'));

describe('parsing in worker threads', () => {
  it('gives exactly what parsing in this thread gives, attachments included', async () => {
    const pool = createParsePool({ size: 2, startAt: 1 });
    try {
      const inWorkers = await Promise.all(messages.map((raw) => parseMessage(raw, arrival, pool)));
      const here = await Promise.all(messages.map((raw) => parseMessage(raw, arrival)));
      expect(inWorkers).toEqual(here);
      expect(inWorkers[2]!.attachments[0]!.content).toBeInstanceOf(Buffer);
      expect(inWorkers[1]!.bodyText).toContain('Très urgent');
    } finally {
      await pool.close();
    }
  });

  it('parses in a worker from the first message once warmed, and in this thread before that', async () => {
    // A worker that answers every message with a subject of its own, so where a message was
    // parsed shows in what comes back.
    const workerUrl = new URL('../../fixtures/mail/marking-parse-worker.mjs', import.meta.url);
    const cold = createParsePool({ size: 1, startAt: 8, workerUrl });
    const warmed = createParsePool({ size: 1, startAt: 8, workerUrl });
    try {
      warmed.warm();
      expect((await parseMessage(messages[3]!, arrival, cold)).subject).toBe('Delivery slot');
      expect((await parseMessage(messages[3]!, arrival, warmed)).subject).toBe('parsed in a worker');
    } finally {
      await Promise.all([cold.close(), warmed.close()]);
    }
  });

  it('parses in this thread when no worker can start', async () => {
    const pool = createParsePool({ size: 2, startAt: 1, workerUrl: new URL('./no-such-worker.mjs', import.meta.url) });
    try {
      pool.warm();
      const parsed = await Promise.all(messages.slice(0, 4).map((raw) => parseMessage(raw, arrival, pool)));
      expect(parsed.map((message) => message.subject)).toEqual(['Devis pour la cuisine – café', 'Problème de chauffage', 'Invoice 2025-118', 'Delivery slot']);
    } finally {
      await pool.close();
    }
  });
});
