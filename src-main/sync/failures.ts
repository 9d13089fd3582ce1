import type { SyncStatus } from '../../src-shared/domain/sync';
import { RelayError } from './relay-client';

// What a failed sync cycle means for the person, in plain words, with what they can do: wait
// (sync retries by itself), join again, ask the admin or update the app. Never just "an
// unexpected error" that stays forever; every failure is also logged with its cause.

export interface SyncProblem {
  state: 'offline' | 'error';
  message: string;
  action: NonNullable<SyncStatus['action']>;
  /** Whether sync tries again by itself. */
  retry: boolean;
}

/** Failures in a row after which a problem inside this laptop is not called passing any more. */
const lastingAfter = 3;

export function describeSyncFailure(error: unknown, failuresInARow: number): SyncProblem {
  if (error instanceof RelayError) {
    if (error.code === 'offline' || error.status >= 500 || error.code === 'rate_limited') {
      return { state: 'offline', message: error.message, action: 'wait', retry: true };
    }
    if (error.code === 'unauthorized') {
      return {
        state: 'error',
        message: 'The relay no longer accepts this laptop (it was removed or revoked). Ask your admin for a new invite, then join the workspace again.',
        action: 'rejoin',
        retry: false,
      };
    }
    if (error.code === 'forbidden') return { state: 'error', message: `${error.message} Ask an admin of the workspace.`, action: 'ask_admin', retry: true };
    if (error.code === 'clock_ahead') return { state: 'error', message: error.message, action: 'wait', retry: true };
    if (error.code === 'bad_response' || error.code === 'invalid_input' || error.code === 'too_large' || error.code === 'not_found') {
      return {
        state: 'error',
        message: `The relay and this version of Fieldbook do not understand each other (${error.message}). Update Fieldbook on this laptop; if it is up to date, ask your admin to update the relay.`,
        action: 'update_app',
        retry: true,
      };
    }
    return { state: 'error', message: error.message, action: 'wait', retry: true };
  }
  const cause = error instanceof Error ? error.message : String(error);
  if (failuresInARow < lastingAfter) {
    return { state: 'error', message: `Sync stopped on a problem on this laptop (${cause}); it will try again shortly.`, action: 'wait', retry: true };
  }
  return {
    state: 'error',
    message: `Sync keeps stopping on a problem on this laptop (${cause}). Update Fieldbook; if that does not help, send its log to your admin. Your changes are safe on this laptop meanwhile.`,
    action: 'update_app',
    retry: true,
  };
}
