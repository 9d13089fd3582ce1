import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi';
import { apiKeyPrefix, intakeRoutes, IntakeCreatedSchema } from '../../src-shared/domain/intake';
import { RelayErrorSchema } from '../../src-shared/sync/protocol';

// The intake API's OpenAPI 3.1 description, generated from the same zod schemas the relay checks
// requests with (src-shared/domain/intake.ts), so it cannot drift from what the relay accepts.
// Served at GET /api/openapi.json.

const ErrorSchema = RelayErrorSchema.meta({ id: 'Error', description: 'What was refused and why, in words for a person.' });

function operation(summary: string, description: string, body: z.ZodType): ZodOpenApiOperationObject {
  const error = (text: string) => ({ description: text, content: { 'application/json': { schema: ErrorSchema } } });
  return {
    summary,
    description,
    security: [{ apiKey: [] }],
    requestParams: {
      header: z.object({
        'idempotency-key': z
          .string()
          .max(200)
          .optional()
          .meta({ description: 'Any text unique to this request: sending it again with the same key makes nothing new and answers the same id.' }),
      }),
    },
    requestBody: { required: true, content: { 'application/json': { schema: body } } },
    responses: {
      '201': { description: 'Made; it reaches every laptop at its next sync.', content: { 'application/json': { schema: IntakeCreatedSchema } } },
      '200': { description: 'Made before, by a request with the same Idempotency-Key.', content: { 'application/json': { schema: IntakeCreatedSchema } } },
      '400': error('The body is not what this operation takes; the message names the field.'),
      '401': error('The API key is unknown or revoked.'),
      '404': error('The contact named by contactId is not in the workspace.'),
      '429': error('Too many requests with this key; retry after the Retry-After header’s seconds.'),
    },
  };
}

export function intakeOpenApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Fieldbook intake API',
      version: '1',
      description:
        'Create contacts and leads, add notes and log calls in a Fieldbook workspace from other tools. Each request becomes a change that every laptop of the workspace receives at its next sync. Admins make and revoke API keys in Fieldbook under Settings → Team sync → API keys.',
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: `A workspace API key (${apiKeyPrefix}…), as "Authorization: Bearer ${apiKeyPrefix}…".` },
      },
    },
    paths: {
      [intakeRoutes.contacts.path]: {
        post: operation(
          'Create a contact or lead',
          'A new contact, of type "lead" unless another is given, with its source (the API key’s name unless given), tags and a first note.',
          intakeRoutes.contacts.body,
        ),
      },
      [intakeRoutes.notes.path]: {
        post: operation('Add a note to a contact', 'A note on the timeline of a contact of the workspace.', intakeRoutes.notes.body),
      },
      [intakeRoutes.calls.path]: {
        post: operation(
          'Log a call',
          'A call that happened, with its outcome and notes. Without contactId each laptop links it to the contact with that number.',
          intakeRoutes.calls.body,
        ),
      },
    },
  });
}
