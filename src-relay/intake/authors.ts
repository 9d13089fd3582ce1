import type { RelayDb } from '../db/open';
import { RelayAuthor } from '../telephony/relay-author';

/**
 * One RelayAuthor per name that writes at the relay (a website form's source, an API key's
 * name), so each change says who made it. A handful per workspace: made on first use.
 */
export function relayAuthors(db: RelayDb, now: () => number): (name: string) => RelayAuthor {
  const authors = new Map<string, RelayAuthor>();
  return (name) => {
    let author = authors.get(name);
    if (!author) authors.set(name, (author = new RelayAuthor(db, now, name)));
    return author;
  };
}
