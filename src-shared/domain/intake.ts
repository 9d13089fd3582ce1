import { z } from 'zod';
import { OkResponseSchema, route } from '../sync/protocol';
import { isStorableText } from '../sync/change-contract';
import { callDirections } from './call';
import { SettingsSchema } from './settings';

// The relay's intake API for other tools (Zapier, a booking page, a script): create a contact or
// lead, add a note, log a call, with a workspace API key an admin made. Each request becomes
// change records at the relay that every laptop pulls (src-relay/intake/, docs/intake-api.md).
// These schemas are the API's contract: the relay checks requests with them and its OpenAPI
// description (GET /api/openapi.json) is generated from them.

const text = (max: number) => z.string().trim().max(max).refine(isStorableText, 'contains a NUL or a broken Unicode character');

export const IntakeContactSchema = z
  .object({
    name: text(200).pipe(z.string().min(1, 'a contact needs a name')).meta({ description: 'The person’s full name.', example: 'Priya Shah' }),
    email: z.email('not an e-mail address').max(254).optional().meta({ example: 'priya@example.com' }),
    phone: text(40).optional().meta({ description: 'International (+44 20 7946 0123) or in the key’s country.', example: '020 7946 0123' }),
    company: text(200).optional().meta({ example: 'Cotham Hill Flats' }),
    type: text(60).pipe(z.string().min(1)).default('lead').meta({ description: 'The contact type, as in the office’s settings.', example: 'lead' }),
    source: text(200).optional().meta({ description: 'Where the contact came from; defaults to the API key’s name.', example: 'Booking page' }),
    tags: z.array(text(40).pipe(z.string().min(1))).max(20).default([]).meta({ example: ['boiler'] }),
    note: text(100_000).optional().meta({ description: 'Becomes the contact’s first note.', example: 'Wants a boiler service in March.' }),
  })
  .meta({ id: 'NewContact' });

export const IntakeNoteSchema = z
  .object({
    contactId: z.uuid('not a contact id').meta({ description: 'The id a create-contact answer gave, or a contact’s id from Fieldbook.' }),
    body: text(100_000).pipe(z.string().min(1, 'a note needs some text')).meta({ example: 'Booked for Tuesday 10:00.' }),
  })
  .meta({ id: 'NewNote' });

export const IntakeCallSchema = z
  .object({
    contactId: z.uuid('not a contact id').optional().meta({ description: 'Leave out to let each laptop find the contact by number.' }),
    number: text(40).pipe(z.string().min(3, 'a call needs the other party’s number')).meta({ example: '+44 20 7946 0123' }),
    direction: z.enum(callDirections).meta({ example: 'inbound' }),
    startedAt: z.iso.datetime({ offset: true, message: 'not a date and time such as 2026-12-05T10:30:00Z' }).meta({ example: '2026-12-05T10:30:00Z' }),
    durationSeconds: z.number().int().min(0).max(86_400).default(0),
    outcome: text(200).default('').meta({ description: 'The call’s outcome, as in the office’s settings.', example: 'booked' }),
    notes: text(100_000).default(''),
  })
  .meta({ id: 'NewCall' });

export const IntakeCreatedSchema = z
  .object({
    id: z.uuid().meta({ description: 'The new record’s id.' }),
    created: z.boolean().meta({ description: 'False when an earlier request with the same Idempotency-Key already made it.' }),
  })
  .meta({ id: 'Created' });

export const intakeRoutes = {
  contacts: route({ method: 'POST', path: '/api/v1/contacts', body: IntakeContactSchema, response: IntakeCreatedSchema }),
  notes: route({ method: 'POST', path: '/api/v1/notes', body: IntakeNoteSchema, response: IntakeCreatedSchema }),
  calls: route({ method: 'POST', path: '/api/v1/calls', body: IntakeCallSchema, response: IntakeCreatedSchema }),
} as const;

export const openApiPath = '/api/openapi.json';
/** Every API key starts so: a leaked one is recognisable in logs and by secret scanners. */
export const apiKeyPrefix = 'fbk_';

// Managing keys: admins, from a laptop, with the device's own token.

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is shown once. */
  hint: z.string(),
  region: z.string(),
  createdBy: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const NewApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1, 'Name the key after the tool that uses it, such as Zapier').max(60, 'Keep the name under 60 characters'),
  /** The country numbers written without a +code belong to. */
  region: SettingsSchema.shape.defaultRegion,
});

export const apiKeyRoutes = {
  list: route({ method: 'GET', path: '/v1/api-keys', response: z.object({ keys: z.array(ApiKeySchema) }) }),
  create: route({ method: 'POST', path: '/v1/api-keys', body: NewApiKeyRequestSchema, response: z.object({ key: ApiKeySchema, secret: z.string() }) }),
  revoke: route({ method: 'POST', path: '/v1/api-keys/:id/revoke', body: z.object({}), response: OkResponseSchema }),
} as const;
