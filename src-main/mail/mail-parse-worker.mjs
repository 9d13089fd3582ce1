// mailparser off the main thread. Plain JavaScript so that a worker thread can load it as it is,
// from the sources (tests, the CLI through tsx) and from the bundles (scripts/build.mjs builds a
// copy next to dist/host/main.mjs and dist/electron/main.cjs). The same `parseParts` runs in
// process when no worker can be started (src-main/mail/parse-pool.ts). Types: the .d.mts beside it.
import { Buffer } from 'node:buffer';
import { isMainThread, parentPort } from 'node:worker_threads';
import { simpleParser } from 'mailparser';

/** What of mailparser's result is used, as plain data that can cross to another thread. */
export async function parseParts(source, options) {
  const parsed = await simpleParser(source, options);
  const addresses = (field) => (field ? (Array.isArray(field) ? field : [field]).map((entry) => ({ value: entry.value })) : undefined);
  return {
    subject: parsed.subject,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    dateLine: parsed.headerLines.find((header) => header.key === 'date')?.line,
    text: parsed.text,
    html: parsed.html,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      contentDisposition: attachment.contentDisposition,
      related: attachment.related,
      content: attachment.content,
    })),
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', async ({ id, source, options }) => {
    try {
      const parts = await parseParts(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options);
      const transfer = parts.attachments.map((attachment) => attachment.content.buffer).filter((buffer, index, all) => all.indexOf(buffer) === index);
      try {
        port.postMessage({ id, parts }, transfer);
      } catch {
        // A buffer from Node's shared pool cannot be transferred; copied instead.
        port.postMessage({ id, parts });
      }
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
