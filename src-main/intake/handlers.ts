import type { Handlers } from '../../src-shared/ipc/contract';
import { apiKeyRoutes } from '../../src-shared/domain/intake';
import { webFormRoutes } from '../../src-shared/domain/web-form';
import { AppError } from '../../src-shared/errors';
import { RelayError } from '../sync/relay-client';
import { relayErrorToAppError } from '../sync/service';
import type { SettingsService } from '../settings/service';
import type { SyncEngine } from '../sync/sync-engine';

// The laptop's side of what reaches the workspace from outside, kept at the relay: the website
// enquiry form (src-relay/forms/) and the intake API's keys (src-relay/intake/). The relay holds
// them, so every admin's laptop shows the same form and keys.

export function intakeHandlers(sync: SyncEngine, settings: SettingsService) {
  const relay = async <T>(work: (client: ReturnType<SyncEngine['client']>) => Promise<T>): Promise<T> => {
    if (!sync.config) {
      throw new AppError('conflict', 'This works through your team’s relay: start or join a workspace in Settings → Team sync first.');
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
    'apiKeys.list': () => relay((client) => client.call(apiKeyRoutes.list)),
    'apiKeys.create': (input) =>
      relay((client) => client.call(apiKeyRoutes.create, { body: { name: input.name, region: input.region ?? settings.get().defaultRegion } })),
    'apiKeys.revoke': ({ id }) =>
      relay(async (client) => {
        await client.call(apiKeyRoutes.revoke, { params: { id }, body: {} });
        return client.call(apiKeyRoutes.list);
      }),
  } satisfies Pick<Handlers, Extract<keyof Handlers, `webForm.${string}` | `apiKeys.${string}`>>;
}
