import type { IncomingMessage } from 'node:http';
import { and, eq, sql } from 'drizzle-orm';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { apiKeyPrefix, intakeRoutes, IntakeCallSchema, IntakeContactSchema, IntakeNoteSchema, openApiPath } from '../../src-shared/domain/intake';
import { isStorableText } from '../../src-shared/sync/change-contract';
import type { RelayDb } from '../db/open';
import { rowState } from '../db/schema';
import { bearerToken, invalidInput, notFound, parseInput, readJsonBody, RelayHttpError, sendJson } from '../http';
import { RateLimiter, type RateLimitOptions } from '../rate-limit';
import { responseSent, type Route, type RouteContext } from '../routes/types';
import type { RowWrite } from '../telephony/relay-author';
import { relayAuthors } from './authors';
import { apiKeyManagementRoutes, keyHolder, type KeyHolder } from './keys';

// The intake API (docs/intake-api.md): other tools create contacts, notes and calls in a
// workspace with an API key. Every request is checked with the shared schemas, scoped to the
// key's workspace, and written as change records in one transaction, like the phone line's.

export interface IntakeOptions {
  /** Requests per key (default 5 a second, bursts of 60). */
  perKey?: RateLimitOptions;
  /** Requests with an unknown key per address (default 1 a second, bursts of 30). */
  unknownKeys?: RateLimitOptions;
}

// Ids made from an Idempotency-Key: the same key from the same API key makes the same records.
const idempotencyNamespace = '6f1e2b8a-3c4d-4e5f-9a0b-1c2d3e4f5a6b';
const IdempotencyKeySchema = z.string().min(1).max(200).refine(isStorableText);

const unauthorised = () =>
  new RelayHttpError(401, 'unauthorized', `This API key is unknown or was revoked. Send "Authorization: Bearer ${apiKeyPrefix}…" with a key an admin made in Fieldbook.`);

export function intakeRoutesFor(db: RelayDb, now: () => number, options: IntakeOptions = {}): Route[] {
  const perKey = new RateLimiter(options.perKey ?? { perSecond: 5, burst: 60 });
  const unknownKeys = new RateLimiter(options.unknownKeys ?? { perSecond: 1, burst: 30 });
  const authorFor = relayAuthors(db, now);
  // Loaded on first use: the OpenAPI builder and the phone numbers' metadata (libphonenumber-js/max,
  // through rows.ts) weigh megabytes an idle relay, or one no tool writes to, never needs.
  let document: Promise<string> | undefined;
  const openApiDocument = () => (document ??= import('./openapi').then(({ intakeOpenApiDocument }) => JSON.stringify(intakeOpenApiDocument())));
  const rowsModule = () => import('./rows');

  const authorise = async (request: IncomingMessage): Promise<KeyHolder> => {
    const token = bearerToken(request);
    const holder = token?.startsWith(apiKeyPrefix) ? await keyHolder(db, token, now()) : undefined;
    if (!holder) {
      const wait = unknownKeys.take(`address:${request.socket.remoteAddress}`);
      if (wait > 0) throw new RelayHttpError(429, 'rate_limited', `Too many requests with unknown API keys; try again in ${wait} s.`, { 'retry-after': String(wait) });
      throw unauthorised();
    }
    const wait = perKey.take(holder.keyId);
    if (wait > 0) throw new RelayHttpError(429, 'rate_limited', `Too many requests with this API key; try again in ${wait} s.`, { 'retry-after': String(wait) });
    return holder;
  };

  /** A contact of the key's workspace that is not deleted (its causal length is odd). */
  const contactExists = async (workspaceId: string, contactId: string) => {
    const [row] = await db
      .select({ cl: sql<number | null>`(${rowState.fields}->>'cl')::bigint`.mapWith(Number) })
      .from(rowState)
      .where(and(eq(rowState.workspaceId, workspaceId), eq(rowState.tableName, 'contacts'), eq(rowState.rowId, contactId)))
      .limit(1);
    return row !== undefined && row.cl % 2 === 1;
  };
  const rowExists = async (workspaceId: string, tableName: string, rowId: string) => {
    const [row] = await db
      .select({ rowId: rowState.rowId })
      .from(rowState)
      .where(and(eq(rowState.workspaceId, workspaceId), eq(rowState.tableName, tableName), eq(rowState.rowId, rowId)))
      .limit(1);
    return row !== undefined;
  };

  /** Checks, authorises and writes one request; answers 201 with the new id (200 when it was made before). */
  function intakeRoute<S extends z.ZodType>(
    spec: (typeof intakeRoutes)[keyof typeof intakeRoutes],
    schema: S,
    mainTable: string,
    build: (input: z.output<S>, holder: KeyHolder, ids: (part: string) => string) => Promise<RowWrite[]>,
  ): Route {
    return {
      ...spec,
      access: 'public',
      // Limited per key, after the key is known (authorise), so one tool's burst never blocks another.
      rateLimited: false,
      async handle(context: RouteContext) {
        const holder = await authorise(context.request);
        const input = parseInput(schema, await readJsonBody(context.request, 1024 * 1024));
        const header = context.request.headers['idempotency-key'];
        let idempotency: string | undefined;
        if (header !== undefined) {
          const parsed = IdempotencyKeySchema.safeParse(header);
          if (!parsed.success) throw invalidInput('Invalid Idempotency-Key: use up to 200 characters, sent once per header.');
          idempotency = parsed.data;
        }
        const ids = (part: string) =>
          idempotency ? uuidv5(`${holder.keyId}\n${spec.path}\n${idempotency}\n${part}`, idempotencyNamespace) : uuidv7();
        const mainId = ids('main');
        if (idempotency && (await rowExists(holder.workspaceId, mainTable, mainId))) {
          sendJson(context.response, 200, { id: mainId, created: false });
          return responseSent;
        }
        const rows = await build(input, holder, (part) => (part === 'main' ? mainId : ids(part)));
        await authorFor(holder.keyName).transaction(holder.workspaceId, async (_tx, append) => append(rows));
        sendJson(context.response, 201, { id: mainId, created: true });
        return responseSent;
      },
    };
  }

  return [
    ...apiKeyManagementRoutes(db),
    {
      method: 'GET',
      path: openApiPath,
      response: z.unknown(),
      access: 'public',
      rateLimited: true,
      async handle(context) {
        context.response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
        context.response.end(await openApiDocument());
        return responseSent;
      },
    },
    intakeRoute(intakeRoutes.contacts, IntakeContactSchema, 'contacts', async (input, holder, ids) =>
      (await rowsModule()).contactRows(
        { ...input, contactType: input.type, source: input.source ?? holder.keyName },
        { region: holder.region, author: holder.keyName, at: now(), ids: { contact: ids('main'), note: ids('note') } },
      ),
    ),
    intakeRoute(intakeRoutes.notes, IntakeNoteSchema, 'notes', async (input, holder, ids) => {
      if (!(await contactExists(holder.workspaceId, input.contactId))) throw notFound('There is no contact with this contactId in the workspace.');
      return [(await rowsModule()).noteRow(input, { author: holder.keyName, at: now(), id: ids('main') })];
    }),
    intakeRoute(intakeRoutes.calls, IntakeCallSchema, 'calls', async (input, holder, ids) => {
      const { callRow, normalisePhone } = await rowsModule();
      const e164 = normalisePhone(input.number, holder.region);
      if (!e164) throw invalidInput('Invalid number: it is not a phone number (write it with its country code, such as +44 20 7946 0123).');
      if (input.contactId && !(await contactExists(holder.workspaceId, input.contactId))) {
        throw notFound('There is no contact with this contactId in the workspace.');
      }
      const call = { ...input, e164, startedAt: Date.parse(input.startedAt) };
      return [callRow(call, { author: holder.keyName, at: now(), id: ids('main') })];
    }),
  ];
}
