import { z } from 'zod';
import { apiKeyRoutes, NewApiKeyRequestSchema } from '../domain/intake';
import { channel } from './channel';

export const apiKeysChannels = {
  'apiKeys.list': channel({
    summary: 'The workspace’s live API keys for the intake API (names and hints, never the keys). Admins only.',
    input: z.object({}).default({}),
    output: apiKeyRoutes.list.response,
  }),
  'apiKeys.create': channel({
    summary: 'A new API key for another tool; the key itself is in this answer only. Numbers are read in this laptop’s country unless given. Admins only.',
    input: NewApiKeyRequestSchema.partial({ region: true }),
    output: apiKeyRoutes.create.response,
  }),
  'apiKeys.revoke': channel({
    summary: 'Stops an API key at once. Admins only.',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: apiKeyRoutes.list.response,
  }),
};
