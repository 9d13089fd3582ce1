import { z } from 'zod';
import { OkResponseSchema, route } from '../sync/protocol';
import { isStorableText } from '../sync/change-contract';
import { SettingsSchema } from './settings';

// The office website's enquiry form. The relay serves one form address per workspace; whoever
// fills it in on the website becomes a lead on every laptop of the workspace, with their message
// as a note (src-relay/forms/, docs/web-form.md). The same words reach the visitor when a field is
// refused, so every message here is written for someone who has never heard of Fieldbook.

/** The hidden field a person never sees (and leaves empty); form-filling robots fill it in. */
export const honeypotField = 'website';

const visitorText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long: keep it under ${max.toLocaleString('en-GB')} characters.`)
    .refine(isStorableText, `${label} contains a character that cannot be stored.`);

/** What the website's form posts (form-encoded); empty fields arrive as empty strings. */
export const WebFormSubmissionSchema = z
  .object({
    name: visitorText(200, 'Your name').pipe(z.string().min(1, 'Please give your name.')),
    email: visitorText(254, 'Your e-mail address').pipe(
      z.union([z.literal(''), z.email('Your e-mail address does not look right: it should look like name@example.com.')]),
    ),
    phone: visitorText(40, 'Your phone number'),
    company: visitorText(200, 'Your company'),
    message: visitorText(5000, 'Your message'),
    [honeypotField]: z.string().max(2000),
  })
  .partial({ email: true, phone: true, company: true, message: true, [honeypotField]: true })
  .refine((form) => Boolean(form.email || form.phone), {
    message: 'Please give an e-mail address or a phone number, so the office can reply.',
    path: ['email'],
  });
export type WebFormSubmission = z.output<typeof WebFormSubmissionSchema>;

export const WebFormSettingsRequestSchema = z.object({
  /** The relay's address as the website's visitors reach it (https in production). */
  publicUrl: z
    .url({ protocol: /^https?$/, error: 'Give the relay’s public address, such as https://relay.example.com' })
    .max(500)
    .transform((url) => url.replace(/\/+$/, '')),
  /** The country a phone number written without its +code belongs to (the office's default region). */
  region: SettingsSchema.shape.defaultRegion,
  /** Stored as the lead's source and tag. */
  source: z.string().trim().min(1, 'Name the source, such as Website form').max(40, 'Keep the source under 40 characters'),
});

export const WebFormInfoSchema = z.object({
  /** Where the website's form posts to (the relay's public address plus the form's key). */
  action: z.string(),
  region: z.string(),
  source: z.string(),
  createdAt: z.number().int(),
  /** The HTML to paste into the website. */
  snippet: z.string(),
});
export type WebFormInfo = z.infer<typeof WebFormInfoSchema>;

/** A workspace's form: null until an admin turns it on. */
export const WebFormStateSchema = z.object({ form: WebFormInfoSchema.nullable() });

export const webFormRoutes = {
  /** Turns the form on, or gives it a new address (the old one stops working); admins only. */
  setUp: route({ method: 'POST', path: '/v1/web-form', body: WebFormSettingsRequestSchema, response: WebFormStateSchema }),
  get: route({ method: 'GET', path: '/v1/web-form', response: WebFormStateSchema }),
  turnOff: route({ method: 'POST', path: '/v1/web-form/off', body: z.object({}), response: OkResponseSchema }),
} as const;

/** The public address the website posts to; `:key` is the form's unguessable key. */
export const webFormPostPath = '/forms/:key';
