import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  honeypotField,
  WebFormSettingsRequestSchema,
  WebFormSubmissionSchema,
  webFormPostPath,
  webFormRoutes,
  type WebFormInfo,
} from '../../src-shared/domain/web-form';
import type { RelayDb } from '../db/open';
import { webForms, workspaces } from '../db/schema';
import { parseInput, readFormBody, RelayHttpError } from '../http';
import { RateLimiter } from '../rate-limit';
import { relayAuthors } from '../intake/authors';
import { responseSent, type Route } from '../routes/types';
import { formSnippet, problemsPage, thanksPage, tooManyPage, unknownFormPage } from './pages';

// The office website's enquiry form (docs/web-form.md). An admin turns it on from a laptop and
// pastes the snippet into the website; each submission is checked (WebFormSubmissionSchema),
// robots are caught by the honeypot field and floods by two rate limits, and a good one becomes
// a lead in the workspace's change log in one transaction, which laptops pull like any change.

const maxFormBytes = 64 * 1024;
/** One visitor (address): a few messages at once, then one every two minutes. */
const perVisitor = { burst: 5, perSecond: 1 / 120 };
/** One form from everywhere: a busy morning passes, a bot network does not. */
const perForm = { burst: 60, perSecond: 1 / 10 };

export interface WebFormsOptions {
  /** Override the limits (tests). */
  rateLimits?: { perVisitor: { burst: number; perSecond: number }; perForm: { burst: number; perSecond: number } };
}

function sendHtml(response: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): typeof responseSent {
  const body = Buffer.from(html, 'utf8');
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    ...headers,
  });
  response.end(body);
  return responseSent;
}

export function webFormRoutesFor(db: RelayDb, now: () => number, options: WebFormsOptions = {}): Route[] {
  const visitors = new RateLimiter(options.rateLimits?.perVisitor ?? perVisitor);
  const forms = new RateLimiter(options.rateLimits?.perForm ?? perForm);
  const authorFor = relayAuthors(db, now);

  const infoOf = (row: typeof webForms.$inferSelect): WebFormInfo => {
    const action = `${row.publicUrl}${webFormPostPath.replace(':key', row.key)}`;
    return { action, region: row.region, source: row.source, createdAt: row.createdAt, snippet: formSnippet(action) };
  };
  const formOf = async (workspaceId: string) => {
    const [row] = await db.select().from(webForms).where(eq(webForms.workspaceId, workspaceId)).limit(1);
    return { form: row ? infoOf(row) : null };
  };

  return [
    {
      ...webFormRoutes.setUp,
      access: 'admin',
      async handle(context) {
        const input = parseInput(WebFormSettingsRequestSchema, await context.body());
        const row = {
          workspaceId: context.caller.workspaceId,
          key: randomBytes(18).toString('base64url'),
          publicUrl: input.publicUrl,
          region: input.region,
          source: input.source,
          createdBy: context.caller.memberId,
          createdAt: context.now(),
        };
        await db.insert(webForms).values(row).onConflictDoUpdate({ target: webForms.workspaceId, set: row });
        return formOf(context.caller.workspaceId);
      },
    },
    {
      ...webFormRoutes.get,
      access: 'device',
      handle: (context) => formOf(context.caller.workspaceId),
    },
    {
      ...webFormRoutes.turnOff,
      access: 'admin',
      async handle(context) {
        await db.delete(webForms).where(eq(webForms.workspaceId, context.caller.workspaceId));
        return { ok: true as const };
      },
    },
    {
      method: 'POST',
      path: webFormPostPath,
      response: z.string(),
      access: 'public',
      // Limited here, per form and per visitor, with a page a visitor can read.
      rateLimited: false,
      async handle(context) {
        const { request, response } = context;
        const referer = request.headers.referer;
        const [form] = await db
          .select({ workspaceId: webForms.workspaceId, region: webForms.region, source: webForms.source, office: workspaces.name })
          .from(webForms)
          .innerJoin(workspaces, eq(workspaces.id, webForms.workspaceId))
          .where(eq(webForms.key, context.params.key!))
          .limit(1);
        if (!form) return sendHtml(response, 404, unknownFormPage());
        const type = request.headers['content-type'] ?? '';
        if (!type.startsWith('application/x-www-form-urlencoded')) {
          return sendHtml(response, 415, problemsPage(['The message must be sent from the form on the website.'], referer));
        }
        const wait = Math.max(visitors.take(`${form.workspaceId}:${request.socket.remoteAddress}`), forms.take(form.workspaceId));
        if (wait > 0) return sendHtml(response, 429, tooManyPage(wait, referer), { 'retry-after': String(wait) });

        let fields: Record<string, string>;
        try {
          fields = await readFormBody(request, maxFormBytes, 'This message is too long to send.');
        } catch (error) {
          if (error instanceof RelayHttpError) return sendHtml(response, error.status, problemsPage([error.message], referer), error.headers);
          throw error;
        }
        // A person never sees the honeypot; a robot fills it in. It is thanked, and nothing is kept.
        if (fields[honeypotField]) return sendHtml(response, 200, thanksPage(form.office, fields.name ?? '', referer));
        const parsed = WebFormSubmissionSchema.safeParse(fields);
        if (!parsed.success) return sendHtml(response, 422, problemsPage([...new Set(parsed.error.issues.map((issue) => issue.message))], referer));

        // Loaded on first use: it brings the phone numbers' metadata (libphonenumber-js/max).
        const { leadRows } = await import('./lead');
        const lead = leadRows(parsed.data, form, context.now());
        await authorFor(form.source).transaction(form.workspaceId, async (_tx, append) => append(lead.rows));
        return sendHtml(response, 200, thanksPage(form.office, parsed.data.name, referer));
      },
    },
  ];
}
