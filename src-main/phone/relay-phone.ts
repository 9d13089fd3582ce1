import type { z } from 'zod';
import { isSealedBytes, openSealedBytes, UnsealError } from '../../src-shared/sync/sealing';
import type { PhoneSettingsInputSchema } from '../../src-shared/domain/telephony';
import { AppError } from '../../src-shared/errors';
import { routePath } from '../../src-shared/sync/protocol';
import { telephonyRoutes } from '../../src-shared/sync/telephony';
import { RelayError } from '../sync/relay-client';
import type { SyncEngine } from '../sync/sync-engine';
import { relayErrorToAppError } from '../sync/service';

// The laptop's side of the phone line's routes (the relay side is src-relay/telephony/), with
// the device's own token. A relay refusal becomes an AppError the user can act on.

export function toAppError(error: unknown): unknown {
  return error instanceof RelayError ? relayErrorToAppError(error) : error;
}

export class RelayPhone {
  /** A getter: the sync engine is made after the phone line, which it tells about live messages. */
  constructor(private readonly sync: () => SyncEngine) {}

  get workspaceId(): string | undefined {
    return this.sync().config?.workspaceId;
  }

  settings() {
    return this.call((client) => client.call(telephonyRoutes.settings));
  }

  saveSettings(input: z.output<typeof PhoneSettingsInputSchema>) {
    return this.call((client) => client.call(telephonyRoutes.saveSettings, { body: input }));
  }

  test() {
    return this.call((client) => client.call(telephonyRoutes.test, { body: {} }));
  }

  configureNumbers() {
    return this.call((client) => client.call(telephonyRoutes.configureNumbers, { body: {} }));
  }

  importHistory(since?: number) {
    return this.call((client) =>
      client.call(telephonyRoutes.importHistory, { body: since === undefined ? {} : { since } }),
    );
  }

  callOut(to: string, contactId?: string) {
    return this.callRelay((client) => client.call(telephonyRoutes.call, { body: { to, ...(contactId ? { contactId } : {}) } }));
  }

  sendText(textId: string, to: string, body: string) {
    return this.callRelay((client) => client.call(telephonyRoutes.text, { body: { textId, to, body } }));
  }

  /** A recording's bytes, by the hash on its call. */
  async recording(sha256: string): Promise<Buffer> {
    const response = await this.call((client) => client.fetchRaw(routePath(telephonyRoutes.recording, { sha256 })));
    if (!response.ok) throw new AppError(response.status === 404 ? 'not_found' : 'unavailable', `The relay could not give the recording (HTTP ${response.status}).`);
    const kept = new Uint8Array(await response.arrayBuffer());
    // Sealed by the relay to the workspace's key (kept plain only if copied before it had one).
    if (!isSealedBytes(kept)) return Buffer.from(kept);
    try {
      return Buffer.from(openSealedBytes(this.sync().keys.keyOf, kept));
    } catch (error) {
      if (error instanceof UnsealError) throw new AppError('conflict', `The recording from the relay could not be opened: ${error.message}.`);
      throw error;
    }
  }

  /** Like call(), but keeps RelayError so callers can tell "offline" from "refused". */
  private callRelay<T>(work: (client: ReturnType<SyncEngine['client']>) => Promise<T>): Promise<T> {
    if (!this.sync().config) throw new AppError('conflict', 'The phone line works through your team’s relay: join or start a workspace in Settings → Team sync first.');
    return work(this.sync().client());
  }

  private async call<T>(work: (client: ReturnType<SyncEngine['client']>) => Promise<T>): Promise<T> {
    try {
      return await this.callRelay(work);
    } catch (error) {
      throw toAppError(error);
    }
  }
}
