import { createHash } from 'node:crypto';
import { sealBytesToPublicKey } from '../../src-shared/sync/sealing';
import { newestPublicKey } from '../keys/seal-relay-writes';
import type { PhoneAccount } from './accounts';
import type { Telephony } from './context';
import type { StoredRecording } from './recording-store';

/**
 * Copies a recording from Twilio into the relay's store once (a repeated callback finds the
 * copy), then, when the admin asked for it, deletes it at Twilio. A failed delete is logged and
 * leaves the recording at Twilio: the copy is what matters.
 */
export async function copyRecording(t: Telephony, account: PhoneAccount, recordingSid: string, callSid: string): Promise<StoredRecording> {
  const known = await t.recordings.find(account.workspaceId, recordingSid);
  if (known) return known;
  const gateway = t.gateway(account);
  const bytes = await gateway.downloadRecording(recordingSid);
  // Kept sealed to the workspace's public key: the relay holds the audio only while it copies it.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const epoch = await newestPublicKey(t.db, account.workspaceId);
  const kept = epoch ? Buffer.from(sealBytesToPublicKey(epoch, bytes)) : bytes;
  const stored = await t.recordings.put({ workspaceId: account.workspaceId, recordingSid, callSid, sha256, bytes: kept, mimeType: 'audio/mpeg' });
  if (account.handling.deleteRecordingsAtTwilio) {
    try {
      await gateway.deleteRecording(recordingSid);
      await t.recordings.markDeletedAtTwilio(account.workspaceId, recordingSid);
    } catch (error) {
      t.logError('telephony.recording.delete', error);
    }
  }
  return stored;
}
