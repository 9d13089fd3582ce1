// A small ustar (POSIX.1-1988 tar) writer and reader, enough for backups: regular files with
// names up to 100 bytes. Any tar program can list and extract what this writes
// (`tar -tzf fieldbook-backup-….tar.gz`). Layout: per file a 512-byte header, the bytes, zero
// padding to a multiple of 512; two zero blocks at the end.

const block = 512;

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar: the name "${name}" is longer than 100 bytes`);
  const header = Buffer.alloc(block);
  nameBytes.copy(header, 0);
  writeNumber(header, 100, 8, 0o644);
  writeNumber(header, 108, 8, 0);
  writeNumber(header, 116, 8, 0);
  writeNumber(header, 124, 12, size);
  writeNumber(header, 136, 12, Math.max(0, Math.floor(mtimeSeconds)));
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  header.fill(0x20, 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'ascii');
  return header;
}

export function tarPadding(size: number): Buffer {
  return Buffer.alloc((block - (size % block)) % block);
}

export const tarEnd = Buffer.alloc(block * 2);

/** Octal with a NUL, or GNU base-256 for sizes past 8 GiB. */
function writeNumber(header: Buffer, offset: number, length: number, value: number): void {
  const octal = value.toString(8);
  if (octal.length < length) {
    header.write(`${octal.padStart(length - 1, '0')}\u0000`, offset, 'ascii');
    return;
  }
  header[offset] = 0x80;
  let rest = BigInt(value);
  for (let index = offset + length - 1; index > offset; index -= 1) {
    header[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function readNumber(header: Buffer, offset: number, length: number): number {
  if ((header[offset]! & 0x80) !== 0) {
    let value = 0n;
    for (let index = offset + 1; index < offset + length; index += 1) value = (value << 8n) | BigInt(header[index]!);
    return Number(value);
  }
  const text = header.toString('ascii', offset, offset + length).replace(/[\0 ]+$/g, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new TarError('a header number is not octal');
  return text === '' ? 0 : parseInt(text, 8);
}

export class TarError extends Error {}

export interface TarEntry {
  name: string;
  size: number;
  /** '0' for a regular file. */
  type: string;
  /** The entry's bytes; what is not read is skipped before the next entry. */
  content: AsyncGenerator<Buffer>;
}

/** Reads entries from a stream of tar bytes (for example a gunzip stream). Truncation and bad checksums throw. */
export async function* readTar(source: AsyncIterable<Buffer | string>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    const header = await reader.read(block);
    if (!header) throw new TarError('the archive ends without its end marker (is it cut short?)');
    if (header.every((byte) => byte === 0)) return;
    const stored = readNumber(header, 148, 8);
    const copy = Buffer.from(header);
    copy.fill(0x20, 148, 156);
    if (copy.reduce((total, byte) => total + byte, 0) !== stored) throw new TarError('a header checksum does not match (the archive is damaged)');
    const name = cString(header, 0, 100);
    const prefix = header.toString('ascii', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
    const size = readNumber(header, 124, 12);
    const type = String.fromCharCode(header[156] || 0x30);
    reader.pending = size;
    yield { name: prefix ? `${prefix}/${name}` : name, size, type, content: reader.take() };
    // What the caller did not read of the entry is skipped, then the padding.
    await reader.skip(reader.pending + tarPadding(size).length);
    reader.pending = 0;
  }
}

function cString(buffer: Buffer, offset: number, length: number): string {
  const end = buffer.indexOf(0, offset);
  return buffer.toString('utf8', offset, end === -1 || end > offset + length ? offset + length : end);
}

class ByteReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;

  constructor(private readonly iterator: AsyncIterator<Buffer | string>) {}

  private async fill(wanted: number): Promise<void> {
    while (this.length < wanted && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else {
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        this.chunks.push(chunk);
        this.length += chunk.length;
      }
    }
  }

  private shift(count: number): Buffer {
    const joined = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const taken = joined.subarray(0, count);
    const rest = joined.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return taken;
  }

  /** Exactly `count` bytes; null at a clean end; throws when the data stops part-way. */
  async read(count: number): Promise<Buffer | null> {
    await this.fill(count);
    if (this.length === 0 && this.ended) return null;
    if (this.length < count) throw new TarError('the archive is cut short');
    return this.shift(count);
  }

  /** Bytes of the current entry not yet taken. */
  pending = 0;

  /** The pending bytes as they arrive, in chunks. */
  async *take(): AsyncGenerator<Buffer> {
    while (this.pending > 0) {
      if (this.length === 0) await this.fill(1);
      if (this.length === 0) throw new TarError('the archive is cut short');
      const chunk = this.shift(Math.min(this.pending, this.length, 1024 * 1024));
      this.pending -= chunk.length;
      yield chunk;
    }
  }

  async skip(count: number): Promise<void> {
    if (count > 0 && !(await this.read(count))) throw new TarError('the archive is cut short');
  }
}
