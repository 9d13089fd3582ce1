import type { CallFacts, CallRowFields } from './call-facts';

// What Twilio tells the relay about a call that names the customer — the caller's number and the
// voicemail's transcript — is passed on to the laptops in the call's row (sealed to the
// workspace's public key, src-relay/keys/seal-relay-writes.ts) and never kept in
// telephony_calls. The relay keeps only that it has heard each one: enough to state a number
// once (the first to say it wins, as in mergeFacts) without being able to say it again.

/** Each private fact, and the call row field it becomes. */
const privateFacts = { otherNumber: 'number', transcript: 'transcript' } as const;
type PrivateFact = keyof typeof privateFacts;
const privateNames = Object.keys(privateFacts) as PrivateFact[];
const heardKey = 'privateFactsHeard';

export interface StoredFacts {
  facts: CallFacts;
  heard: PrivateFact[];
}

/** The facts as telephony_calls keeps them: a private value there (from before this version) is dropped. */
export function readStoredFacts(stored: Record<string, unknown>): StoredFacts {
  const { [heardKey]: heard, ...rest } = stored;
  const facts = withoutPrivateFacts(rest as CallFacts);
  const heardBefore = privateNames.filter((name) => rest[name] !== undefined);
  return { facts, heard: [...new Set([...(Array.isArray(heard) ? (heard as PrivateFact[]) : []), ...heardBefore])] };
}

export function storedFacts({ facts, heard }: StoredFacts): Record<string, unknown> {
  return { ...withoutPrivateFacts(facts), [heardKey]: heard };
}

export function withoutPrivateFacts(facts: CallFacts): CallFacts {
  const kept: Record<string, unknown> = { ...facts };
  for (const name of privateNames) delete kept[name];
  return kept as CallFacts;
}

export function withoutPrivateRowFields(row: CallRowFields): CallRowFields {
  const kept = { ...row };
  for (const name of privateNames) delete kept[privateFacts[name]];
  return kept;
}

/**
 * The private row fields this update states: the number the first time it is heard (empty on a
 * new call that came without one, as the row needs it), a transcript whenever one comes.
 */
export function privateRowFields(update: CallFacts, heard: readonly PrivateFact[], isNewCall: boolean): { fields: CallRowFields; heard: PrivateFact[] } {
  const fields: CallRowFields = {};
  const now = new Set(heard);
  if (update.otherNumber !== undefined && !now.has('otherNumber')) {
    fields.number = update.otherNumber;
    now.add('otherNumber');
  } else if (isNewCall && !now.has('otherNumber')) {
    fields.number = '';
  }
  if (update.transcript !== undefined) {
    fields.transcript = update.transcript;
    now.add('transcript');
  }
  return { fields, heard: [...now] };
}
