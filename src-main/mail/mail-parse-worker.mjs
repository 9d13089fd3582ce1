// Parsing a message off the main thread. Plain JavaScript so that a worker thread can load it as
// it is, from the sources (tests, the CLI through tsx) and from the bundles (scripts/build.mjs
// builds a copy next to dist/host/main.mjs and dist/electron/main.cjs). The same `parseParts`
// runs in process when no worker can be started (src-main/mail/parse-pool.ts). Types: the .d.mts
// beside it.
import { Buffer } from 'node:buffer';
import { isMainThread, parentPort } from 'node:worker_threads';
import PostalMime from 'postal-mime';

// mailparser is loaded only for the messages postal-mime is not trusted with (quickFits).
let mailparser;
const simpleParser = async (source, options) => (await (mailparser ??= import('mailparser'))).simpleParser(source, options);

const unicodeCharsets = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const charsetNames = /charset\s*=\s*"?([^"';\s]+)|=\?([a-z0-9_.:-]+)[?*]/gi;
const partTypes = /^content-type\s*:\s*(?:text\/(plain|html)|(multipart\/related|message\/))/gim;
const otherShapes = /^content-id\s*:|format\s*=\s*"?flowed/im;
// A field name and its colon, or a folded line: in a header, anything else ends it for postal-mime, not for mailparser.
const headerLine = /^(?:[!-9;-~]+[ \t]*:|[ \t])/;

/**
 * Whether postal-mime gives what mailparser would for this message: UTF-8 or ASCII only (its
 * TextDecoder and mailparser's iconv differ on legacy charsets), at most one plain and one HTML
 * part and no HTML-only body (mailparser joins several, and makes text out of HTML its own way),
 * no multipart/related, Content-ID or nested message (the two mark inline parts differently),
 * no format=flowed, no line in the message's header that is not a field. Most mail is one of
 * these; anything else goes to mailparser.
 * tests/main/mail/parse-equivalence.test.ts compares the two on awkward messages.
 */
export function quickFits(source) {
  const raw = source.toString('latin1');
  for (const match of raw.matchAll(charsetNames)) if (!unicodeCharsets.has((match[1] ?? match[2]).toLowerCase())) return false;
  if (otherShapes.test(raw)) return false;
  const headerEnd = /\r?\n\r?\n/.exec(raw)?.index ?? raw.length;
  if (!raw.slice(0, headerEnd).split(/\r?\n/).every((line) => headerLine.test(line))) return false;
  let plain = 0;
  let html = 0;
  for (const match of raw.matchAll(partTypes)) {
    if (match[2]) return false;
    if (match[1].toLowerCase() === 'plain') plain += 1;
    else html += 1;
  }
  return plain <= 1 && html <= 1 && (html === 0 || plain === 1);
}

async function quickParts(source) {
  const parsed = await PostalMime.parse(source);
  const addresses = (list) => (list ? [{ value: list }] : undefined);
  return {
    subject: parsed.subject,
    from: addresses(parsed.from ? [parsed.from] : undefined),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    dateLine: parsed.headerLines.find((header) => header.key === 'date')?.line,
    text: parsed.text,
    html: parsed.html ?? false,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? undefined,
      contentType: attachment.mimeType,
      contentDisposition: attachment.disposition ?? undefined,
      related: Boolean(attachment.related),
      content: Buffer.from(attachment.content),
    })),
  };
}

// Turning HTML into text is most of mailparser's time, and needless when a plain part came with
// the HTML (multipart/alternative): only an HTML-only message is parsed again for its text.
async function mailparserParts(source, options) {
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

/**
 * What of a message is used, as plain data that can cross to another thread: postal-mime's
 * reading when it is known to agree with mailparser's (it takes a third of mailparser's time or
 * less), else mailparser's.
 */
export async function parseParts(source) {
  if (quickFits(source)) {
    try {
      return await quickParts(source);
    } catch {
      // Whatever postal-mime refuses, mailparser reads as best it can.
    }
  }
  return parsePartsWithMailparser(source);
}

/** mailparser's reading of any message; what postal-mime's must equal where it is used. */
export async function parsePartsWithMailparser(source) {
  const fast = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true };
  const parts = await mailparserParts(source, { ...fast, skipHtmlToText: true });
  if (!parts.text?.trim() && typeof parts.html === 'string') return mailparserParts(source, fast);
  return parts;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', async ({ id, source }) => {
    try {
      const parts = await parseParts(Buffer.from(source.buffer, source.byteOffset, source.byteLength));
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
