import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

// The browser host hands finished exports and backups to the user:
//   GET /downloads/exports/<name>  a file of dataDir/exports (exchange.exportCsv, exchange.exportJson)
//   GET /downloads/backups/<name>  a file of the backup folder (exchange.backup, exchange.listBackups)
// The renderer only ever names a file the core wrote; the folder is the core's, never the
// request's. The renderer side is src-renderer/features/exchange/hooks.ts (downloadHref); the
// Electron shell offers the same files through a save dialog instead.

export const downloadsPathPrefix = '/downloads/';

export const downloadKinds = ['exports', 'backups'] as const;
export type DownloadKind = (typeof downloadKinds)[number];

/** Where the core writes what can be downloaded: ExchangeService's exportsDir and backupDir. */
export interface DownloadFolders {
  exportsDir: string;
  backupDir: string;
}

/** The policy of a downloaded file: it is data to save, never a page to run. */
const downloadPolicy = "default-src 'none'; sandbox";

/** `rest` is the path after /downloads/, still percent-encoded: `exports/contacts-standard-….csv`. */
export async function serveDownload(folders: DownloadFolders, rest: string, response: ServerResponse): Promise<void> {
  const found = findDownload(folders, rest);
  if (found.kind === 'bad-name') return sendText(response, 400, 'Bad file name');
  if (found.kind === 'not-found') return sendText(response, 404, 'Not found');
  response.writeHead(200, {
    'Content-Type': contentType(found.name),
    'Content-Length': found.size,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeRFC5987(found.name)}`,
    'Content-Security-Policy': downloadPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  await pipeline(fs.createReadStream(found.file), response);
}

type FoundDownload =
  | { kind: 'file'; file: string; name: string; size: number }
  | { kind: 'bad-name' }
  | { kind: 'not-found' };

export function findDownload(folders: DownloadFolders, rest: string): FoundDownload {
  const slash = rest.indexOf('/');
  if (slash < 0) return { kind: 'not-found' };
  const folderKind = rest.slice(0, slash);
  let name: string;
  try {
    name = decodeURIComponent(rest.slice(slash + 1));
  } catch {
    return { kind: 'bad-name' };
  }
  // One plain file name: no separator of any platform, no dot-segments, no NUL, nothing hidden.
  if (name === '' || name.length > 255 || /[/\\\0:]/.test(name) || name.includes('..') || name.startsWith('.')) {
    return { kind: 'bad-name' };
  }
  const dir = folderKind === 'exports' ? folders.exportsDir : folderKind === 'backups' ? folders.backupDir : undefined;
  if (!dir) return { kind: 'not-found' };
  const file = path.join(dir, name);
  // Belt and braces: whatever the checks above missed, the file must sit directly in its folder.
  if (path.dirname(path.resolve(file)) !== path.resolve(dir)) return { kind: 'bad-name' };
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return { kind: 'not-found' };
  return { kind: 'file', file, name, size: stat.size };
}

function contentType(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  if (name.endsWith('.vcf')) return 'text/vcard; charset=utf-8';
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz')) return 'application/gzip';
  return 'application/octet-stream';
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
