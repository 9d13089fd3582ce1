import type { Handlers } from '../../src-shared/ipc/contract';
import { webFormRoutes } from '../../src-shared/domain/web-form';
import { AppError } from '../../src-shared/errors';
import { RelayError } from '../sync/relay-client';
import { relayErrorToAppError } from '../sync/service';
import type { SettingsService } from '../settings/service';
import type { SyncEngine } from '../sync/sync-engine';

// The laptop's side of the website enquiry form (the relay side is src-relay/forms/): the relay
// keeps the form, so every admin's laptop shows the same address and snippet.

export function webFormHandlers(sync: SyncEngine, settings: SettingsService) {
  const relay = async <T>(work: (client: ReturnType<SyncEngine['client']>) => Promise<T>): Promise<T> => {
    if (!sync.config) {
      throw new AppError('conflict', 'The website form sends enquiries through your team’s relay: start or join a workspace in Settings → Team sync first.');
    }
    try {
      return await work(sync.client());
    } catch (error) {
      throw error instanceof RelayError ? relayErrorToAppError(error) : error;
    }
  };
  return {
    'webForm.get': () => relay((client) => client.call(webFormRoutes.get)),
    'webForm.setUp': (input) =>
      relay((client) =>
        client.call(webFormRoutes.setUp, {
          body: {
            publicUrl: input.publicUrl ?? sync.config!.relayUrl,
            region: input.region ?? settings.get().defaultRegion,
            source: input.source,
          },
        }),
      ),
    'webForm.turnOff': () => relay((client) => client.call(webFormRoutes.turnOff, { body: {} })),
  } satisfies Pick<Handlers, Extract<keyof Handlers, `webForm.${string}`>>;
}
