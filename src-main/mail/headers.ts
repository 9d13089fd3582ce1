import type { MailAddress } from '../../src-shared/domain/mail';
import { mailLibraries, type MailLibraries } from './mail-libraries';
import { bareMessageId } from './message-ids';

/** The headers sync asks the server for to decide whether a message is kept. */
export const matchHeaderFields = ['from', 'to', 'cc', 'message-id', 'subject', 'date'];

export interface MatchHeaders {
  messageId: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** Epoch ms, or undefined when missing or unreadable. */
  date: number | undefined;
}

type HeaderLibraries = Pick<MailLibraries, 'libmime' | 'addressparser'>;

function decodeWords(libmime: HeaderLibraries['libmime'], text: string): string {
  if (!text.includes('=?')) return text;
  try {
    return libmime.decodeWords(text);
  } catch {
    return text;
  }
}

// `Name <a@b>` or `a@b`, comma-separated, without quotes, comments or groups: most headers.
const plainList = /^[^"():;\\]*$/;
const plainEntry = /^\s*(?:(.*?)\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))\s*$/;

function addressList({ libmime, addressparser }: HeaderLibraries, values: string[] | undefined): MailAddress[] {
  const result: MailAddress[] = [];
  for (const value of values ?? []) {
    // addressparser is thorough and, on thousands of headers, the slowest part of matching;
    // the plain shapes are read directly and anything else goes to it.
    const entries = plainList.test(value) ? value.split(',').map((part) => plainEntry.exec(part)) : undefined;
    if (entries?.every(Boolean)) {
      for (const entry of entries) result.push({ name: decodeWords(libmime, entry![1] ?? '').slice(0, 500), address: (entry![2] ?? entry![3]!).slice(0, 500) });
      continue;
    }
    for (const entry of addressparser(value, { flatten: true })) {
      if (entry.address) result.push({ name: decodeWords(libmime, entry.name ?? '').slice(0, 500), address: entry.address.trim().slice(0, 500) });
    }
  }
  return result;
}

/**
 * Reads the few header fields fetched with BODY.PEEK[HEADER.FIELDS (…)]. The server sends them
 * as one literal, which imapflow hands over as bytes: much cheaper for it than ENVELOPE, whose
 * parsed structure cost more than fetching whole messages.
 */
export async function readMatchHeaders(block: Buffer | undefined): Promise<MatchHeaders> {
  const libraries = await mailLibraries();
  const headers = libraries.libmime.decodeHeaders((block ?? Buffer.alloc(0)).toString('utf8'));
  const first = (key: string) => headers[key]?.[0] ?? '';
  const dateText = first('date');
  const date = dateText ? new Date(dateText.replace(/\s+/g, ' ')).getTime() : Number.NaN;
  return {
    messageId: bareMessageId(first('message-id')),
    from: addressList(libraries, headers.from)[0] ?? { name: '', address: '' },
    to: addressList(libraries, headers.to),
    cc: addressList(libraries, headers.cc),
    subject: decodeWords(libraries.libmime, first('subject')).slice(0, 2000),
    date: Number.isFinite(date) && date > 0 ? date : undefined,
  };
}
