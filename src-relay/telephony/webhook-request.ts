import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { findUnstorableText, readFormBody, RelayHttpError } from '../http';
import type { PhoneAccount } from './accounts';
import { twilioSdk } from './twilio-sdk';

// Reading a Twilio webhook: its form-encoded body (small; Twilio never sends more than a few KB),
// then its X-Twilio-Signature, an HMAC of the URL Twilio was given plus the parameters under the
// account's auth token. The URL is rebuilt from the configured public address and the path and
// query the relay received, so a TLS proxy in front must forward the path unchanged.

const maxFormBytes = 64 * 1024;

export function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  return readFormBody(request, maxFormBytes, 'A Twilio webhook is never this large.');
}

/** 403 and nothing changes unless Twilio signed exactly this request for this account. */
export function verifySignature(account: PhoneAccount, request: IncomingMessage, params: Record<string, string>): void {
  const signature = request.headers['x-twilio-signature'];
  const url = `${account.publicUrl}${request.url ?? '/'}`;
  if (typeof signature !== 'string' || !twilioSdk().validateRequest(account.credentials.authToken, signature, url, params)) {
    throw new RelayHttpError(403, 'forbidden', 'This request is not signed by Twilio for this workspace (X-Twilio-Signature).');
  }
}

/** Parses the webhook's parameters; a malformed one is refused with the field it is about. */
export function webhookParams<S extends z.ZodType>(schema: S, params: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RelayHttpError(400, 'invalid_input', `Invalid ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'not accepted'}.`);
  }
  const unstorable = findUnstorableText(parsed.data);
  if (unstorable) throw new RelayHttpError(400, 'invalid_input', `Invalid ${unstorable}: it holds a character the relay cannot store.`);
  return parsed.data;
}

const seconds = z.coerce.number().int().min(0).max(10 * 24 * 3600);
const optionalSeconds = z.preprocess((value) => (value === '' ? undefined : value), seconds.optional());

export const VoiceParamsSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  From: z.string().max(64).default(''),
  To: z.string().max(64).default(''),
  CallStatus: z.string().max(20).default('ringing'),
  ParentCallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/).optional(),
  CallDuration: optionalSeconds,
});

export const DialParamsSchema = VoiceParamsSchema.extend({
  DialCallStatus: z.enum(['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled']),
  DialCallDuration: optionalSeconds,
});

export const RecordingParamsSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  RecordingSid: z.string().regex(/^RE[0-9a-fA-F]{32}$/),
  RecordingStatus: z.string().max(20).default('completed'),
  RecordingDuration: optionalSeconds,
});

export const TranscriptionParamsSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/),
  TranscriptionStatus: z.string().max(20).default('completed'),
  TranscriptionText: z.string().max(20_000).default(''),
});

export const SmsParamsSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  From: z.string().min(1).max(64),
  To: z.string().max(64).default(''),
  Body: z.string().max(1600).default(''),
});

export const SmsStatusParamsSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  MessageStatus: z.string().max(20),
  ErrorCode: z.string().max(10).optional(),
});
