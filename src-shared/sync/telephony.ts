import { z } from 'zod';
import { E164Schema, PhoneSettingsInputSchema, PhoneSettingsViewSchema } from '../domain/telephony';
import { route } from './protocol';

// The phone part of the wire protocol between the laptop (src-main/phone/relay-phone.ts) and the
// relay (src-relay/telephony/): device routes for settings, calling and texting, the paths Twilio
// posts its webhooks to, and the live message that makes a ringing call pop up on every laptop.
// Like the rest of the protocol, the workspace of a device request comes from its token.


/** Twilio's webhooks, under /twilio/<workspace id>/; each is signed by Twilio (X-Twilio-Signature). */
export const twilioWebhooks = {
  voice: 'voice',
  dial: 'dial',
  callStatus: 'call-status',
  recording: 'recording',
  transcription: 'transcription',
  bridge: 'bridge',
  sms: 'sms',
  smsStatus: 'sms-status',
} as const;
export type TwilioWebhook = (typeof twilioWebhooks)[keyof typeof twilioWebhooks];

export const twilioWebhookPath = (workspaceId: string, hook: TwilioWebhook): string =>
  `/twilio/${encodeURIComponent(workspaceId)}/${hook}`;

export const SaveSettingsRequestSchema = PhoneSettingsInputSchema;
export const SettingsResponseSchema = PhoneSettingsViewSchema;

export const TestResponseSchema = z.object({ ok: z.boolean(), message: z.string() });

export const ConfigureNumbersResponseSchema = z.object({
  numbers: z.array(z.object({ number: z.string(), ok: z.boolean(), message: z.string() })),
});

export const ImportHistoryRequestSchema = z.object({
  /** Calls that started at or after this time (epoch ms); default: the last 90 days. */
  since: z.number().int().min(0).optional(),
  /** Calls per page asked of Twilio (its maximum is 1000). */
  pageSize: z.number().int().min(1).max(1000).default(1000),
});
export const ImportHistoryResponseSchema = z.object({
  seen: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  pages: z.number().int(),
});

export const ClickToCallRequestSchema = z.object({
  to: E164Schema,
  contactId: z.string().min(1).max(64).optional(),
});
export const ClickToCallResponseSchema = z.object({ callId: z.string(), callSid: z.string(), ringing: E164Schema });

export const SendTextRequestSchema = z.object({
  /** The laptop's id of the text row: sending the same id twice sends one text. */
  textId: z.string().min(1).max(64),
  to: E164Schema,
  body: z.string().min(1).max(1600),
});
export const SendTextResponseSchema = z.object({
  textId: z.string(),
  messageSid: z.string(),
  status: z.string(),
  /** Why Twilio did not take the text; the relay also wrote it on the text's row. */
  error: z.string().nullable(),
});

/**
 * The phone line's device routes, declared like relayRoutes (protocol.ts): the relay's handlers
 * (src-relay/telephony/device-routes.ts) and the laptop's requests (src-main/phone/relay-phone.ts)
 * both take them from here.
 */
export const telephonyRoutes = {
  settings: route({ method: 'GET', path: '/v1/telephony/settings', response: SettingsResponseSchema }),
  saveSettings: route({ method: 'POST', path: '/v1/telephony/settings', body: SaveSettingsRequestSchema, response: SettingsResponseSchema }),
  test: route({ method: 'POST', path: '/v1/telephony/test', body: z.object({}), response: TestResponseSchema }),
  configureNumbers: route({ method: 'POST', path: '/v1/telephony/configure-numbers', body: z.object({}), response: ConfigureNumbersResponseSchema }),
  importHistory: route({ method: 'POST', path: '/v1/telephony/import', body: ImportHistoryRequestSchema, response: ImportHistoryResponseSchema }),
  call: route({ method: 'POST', path: '/v1/telephony/calls', body: ClickToCallRequestSchema, response: ClickToCallResponseSchema }),
  text: route({ method: 'POST', path: '/v1/telephony/texts', body: SendTextRequestSchema, response: SendTextResponseSchema }),
  /** The recording's audio bytes, sent as they are (not JSON). */
  recording: route({ method: 'GET', path: '/v1/telephony/recordings/:sha256', response: z.instanceof(Uint8Array) }),
} as const;

/** What a Twilio webhook answers: TwiML (XML), sent as text/xml. */
export const TwimlResponseSchema = z.string();

/** Sent over /v1/live to every device of the workspace when Twilio says a call is coming in. */
export const IncomingCallMessageSchema = z.object({
  type: z.literal('call.incoming'),
  callId: z.string(),
  callSid: z.string(),
  from: z.string(),
  to: z.string(),
  at: z.number().int(),
  /** The workspace asks laptops to make a contact for a caller nobody knows. */
  autoCreateContact: z.boolean(),
});
export type IncomingCallMessage = z.infer<typeof IncomingCallMessageSchema>;

/** Every live message besides the sync poke; the laptop ignores the ones it does not know. */
export const TelephonyLiveMessageSchema = IncomingCallMessageSchema;
