import type { RelayDb } from '../db/open';
import type { PhoneAccount, PhoneAccounts } from './accounts';
import type { RecordingStore } from './recording-store';
import type { RelayAuthor } from './relay-author';
import type { TwilioGateway } from './twilio-gateway';

/** What the phone line's routes share; made once per relay process by createTelephony (index.ts). */
export interface Telephony {
  db: RelayDb;
  now: () => number;
  accounts: PhoneAccounts;
  author: RelayAuthor;
  recordings: RecordingStore;
  gateway(account: PhoneAccount): TwilioGateway;
  logError(where: string, error: unknown): void;
}
