import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';

// The office phone line (Twilio), as the laptop and the relay both see it: the admin's settings
// (secrets only on the way in), call handling, opt-out keywords, text templates, and the ids
// derived from outside facts so that whoever writes first, every writer writes the same row.
// The relay side is src-relay/telephony/, the laptop side src-main/phone/.

export const E164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'Write the number in international form, such as +447700900123');
export const CallSidSchema = z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'Not a Twilio call id (CA…)');
export const MessageSidSchema = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'Not a Twilio message id (SM…)');
const AccountSidSchema = z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'The Account SID starts with AC and has 32 more letters and digits');

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 08:30');

/** Opening hours of one day of the week (0 = Sunday … 6 = Saturday), in the office's time zone. */
export const OpeningHoursSchema = z
  .object({ day: z.number().int().min(0).max(6), opens: ClockTime, closes: ClockTime })
  .refine((hours) => hours.opens < hours.closes, { message: 'Closing time must be after opening time', path: ['closes'] });

export const RingTargetSchema = z.object({
  /** The member whose mobile this is: click-to-call rings it when that member calls out. */
  memberId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  mobile: E164Schema,
});
export type RingTarget = z.infer<typeof RingTargetSchema>;

export const CallHandlingSchema = z.object({
  /** Said to every caller before the phones ring; empty says nothing. */
  greeting: z.string().trim().max(500).default(''),
  /** Whose mobiles ring for an incoming call, in this order. */
  ringTargets: z.array(RingTargetSchema).max(20).default([]),
  ringMode: z.enum(['together', 'in_order']).default('together'),
  /** How long each phone (or all of them together) rings before the next step. */
  ringSeconds: z.number().int().min(5).max(120).default(20),
  /** Empty: always open. Otherwise calls outside these hours go straight to voicemail. */
  openingHours: z.array(OpeningHoursSchema).max(14).default([]),
  /** IANA time zone of the opening hours, such as Europe/London. */
  timeZone: z.string().trim().min(1).max(64).default('UTC'),
  voicemail: z.boolean().default(true),
  voicemailGreeting: z.string().trim().max(500).default('Sorry, nobody can take your call right now. Please leave a message after the tone.'),
  recordCalls: z.boolean().default(false),
  /** Said before a recorded call is connected; required when calls are recorded. */
  recordingAnnouncement: z.string().trim().max(500).default('This call may be recorded.'),
  /** Delete a recording at Twilio once Fieldbook holds its copy. */
  deleteRecordingsAtTwilio: z.boolean().default(false),
  /** Callers from these numbers hear nothing and are rejected; nobody can call or text them. */
  blockedNumbers: z.array(E164Schema).max(1000).default([]),
  /** A caller nobody knows gets a contact of their own (exactly one, on every laptop). */
  autoCreateContacts: z.boolean().default(false),
  /** The answer to a text saying HELP. */
  helpReply: z.string().trim().max(320).default('Reply STOP to stop texts from us. Call us for anything else.'),
});
export type CallHandling = z.infer<typeof CallHandlingSchema>;

/** What an admin sends. Secrets are write-only: left out, the stored ones are kept. */
export const PhoneSettingsInputSchema = z
  .object({
    accountSid: AccountSidSchema,
    /** Signs every webhook Twilio sends, so it is needed even when an API key is used. */
    authToken: z.string().trim().regex(/^[0-9a-zA-Z]{32}$/, 'The auth token is 32 letters and digits').optional(),
    apiKeySid: z.string().trim().regex(/^SK[0-9a-fA-F]{32}$/, 'The API key SID starts with SK').optional(),
    apiKeySecret: z.string().trim().min(16).max(128).optional(),
    officeNumbers: z.array(E164Schema).min(1, 'Add the office number from your Twilio account').max(10),
    /** The relay's address as Twilio reaches it, such as https://relay.example.com */
    publicUrl: z
      .string()
      .trim()
      .url('Enter the address Twilio reaches the relay at, such as https://relay.example.com')
      .refine((value) => /^https?:\/\//.test(value), 'The address starts with https://')
      .transform((value) => value.replace(/\/+$/, '')),
    handling: CallHandlingSchema.default(CallHandlingSchema.parse({})),
  })
  .refine((input) => (input.apiKeySid === undefined) === (input.apiKeySecret === undefined), {
    message: 'An API key needs both its SID and its secret',
    path: ['apiKeySecret'],
  })
  .refine((input) => !input.handling.recordCalls || input.handling.recordingAnnouncement.length > 0, {
    message: 'Recorded calls need an announcement telling the caller',
    path: ['handling', 'recordingAnnouncement'],
  });
export type PhoneSettingsInput = z.input<typeof PhoneSettingsInputSchema>;

/** The URLs to paste into Twilio's console when configuring the number by hand. */
export const WebhookUrlsSchema = z.object({ voice: z.string(), voiceStatus: z.string(), messaging: z.string() });

/** What every device of the workspace may see: never a secret. */
export const PhoneSettingsViewSchema = z.object({
  configured: z.boolean(),
  accountSid: z.string().nullable(),
  hasAuthToken: z.boolean(),
  usesApiKey: z.boolean(),
  officeNumbers: z.array(z.string()),
  publicUrl: z.string().nullable(),
  webhookUrls: WebhookUrlsSchema.nullable(),
  handling: CallHandlingSchema,
  webhooksConfiguredAt: z.number().int().nullable(),
  lastCatchUpAt: z.number().int().nullable(),
  /** How the relay keeps the credentials, in words for the admin. */
  secretsAtRest: z.string(),
});
export type PhoneSettingsView = z.infer<typeof PhoneSettingsViewSchema>;

// ---- Derived ids -------------------------------------------------------------------------
// Name-based UUIDs (version 5) of the outside fact: the same fact gives the same id on the relay
// and on every laptop, so concurrent creation merges into one row. Hashing also keeps the phone
// number out of the id, which the relay stores in clear.
const namespace = '6f1c2a52-8e0b-4b4f-9c53-6e2f1d0a7c11';

export const callIdForCallSid = (callSid: string): string => uuidv5(`twilio-call:${callSid}`, namespace);
export const textIdForMessageSid = (messageSid: string): string => uuidv5(`twilio-message:${messageSid}`, namespace);
/** The contact made automatically for a caller nobody knew, from the workspace and number. */
export const contactIdForCaller = (workspaceId: string, e164: string): string => uuidv5(`caller:${workspaceId}:${e164}`, namespace);
/** The follow-up an SLA rule makes for a call, made by whichever laptop sees the call first. */
export const followUpIdForCallRule = (callId: string, ruleId: string): string => uuidv5(`call-rule:${callId}:${ruleId}`, namespace);
/** The per-number opt-out row (STOP / START), one per workspace number. */
export const optOutIdForNumber = (e164: string): string => uuidv5(`opt-out:${e164}`, namespace);

// ---- Texts -----------------------------------------------------------------------------------
export const textDirections = ['inbound', 'outbound'] as const;
/** Twilio's message statuses, plus `queued` for a text written offline and not yet handed over. */
export const textStatuses = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received'] as const;
export type TextStatus = (typeof textStatuses)[number];

/** Carriers' and Twilio's standard opt-out and opt-in keywords (the whole text, any case). */
export const optOutKeywords = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const;
export const optInKeywords = ['START', 'UNSTOP', 'YES'] as const;
export const helpKeywords = ['HELP', 'INFO'] as const;

export type TextKeyword = 'opt_out' | 'opt_in' | 'help' | null;

export function textKeyword(body: string): TextKeyword {
  const word = body.trim().replace(/[.!]+$/, '').toUpperCase();
  if ((optOutKeywords as readonly string[]).includes(word)) return 'opt_out';
  if ((optInKeywords as readonly string[]).includes(word)) return 'opt_in';
  if ((helpKeywords as readonly string[]).includes(word)) return 'help';
  return null;
}

export const templateVariables = ['first_name', 'company', 'my_name'] as const;

/** Fills {first_name}, {company} and {my_name}; an unknown {name} is left as typed. */
export function fillTemplate(template: string, values: Record<(typeof templateVariables)[number], string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    (templateVariables as readonly string[]).includes(name) ? values[name as keyof typeof values] : whole,
  );
}

// ---- Call states shown while calling out ------------------------------------------------------
export const clickToCallStates = ['dialing', 'connected', 'ended'] as const;
export type ClickToCallState = (typeof clickToCallStates)[number];

export function clickToCallState(status: string): ClickToCallState {
  if (status === 'in-progress') return 'connected';
  if (status === 'queued' || status === 'ringing') return 'dialing';
  return 'ended';
}

// ---- What the laptop shows -------------------------------------------------------------------

/** A ringing call on screen: who it is (matched on this laptop by E.164) and where things stand. */
export const ScreenPopSchema = z.object({
  callId: z.string(),
  number: z.string(),
  at: z.number().int(),
  contact: z
    .object({
      id: z.string(),
      name: z.string(),
      company: z.string(),
      contactType: z.string(),
      doNotContact: z.boolean(),
    })
    .nullable(),
  lastCallAt: z.number().int().nullable(),
  openFollowUp: z.object({ id: z.string(), title: z.string(), dueAt: z.number().int() }).nullable(),
  /** The contact was made for this caller just now (the workspace makes contacts for new callers). */
  createdContact: z.boolean(),
});
export type ScreenPop = z.infer<typeof ScreenPopSchema>;

export const TextMessageSchema = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  direction: z.enum(textDirections),
  number: z.string(),
  officeNumber: z.string(),
  body: z.string(),
  status: z.enum(textStatuses),
  error: z.string(),
  sentBy: z.string(),
  createdAt: z.number().int(),
});
export type TextMessage = z.infer<typeof TextMessageSchema>;

export const ConversationSchema = z.object({
  number: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  lastText: TextMessageSchema,
  count: z.number().int(),
  optedOut: z.boolean(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const TextTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1, 'Name the template').max(80),
  body: z.string().trim().min(1, 'Write the text').max(1600),
});
export type TextTemplate = z.infer<typeof TextTemplateSchema>;

export const defaultTextTemplates: TextTemplate[] = [
  { id: 'on-our-way', name: 'On our way', body: 'Hi {first_name}, this is {my_name} from the office: we are on our way and will be with you shortly.' },
  { id: 'quote-ready', name: 'Quote ready', body: 'Hi {first_name}, your quote for {company} is ready. Reply here or call us with any questions. {my_name}' },
];

export const sentimentFilters = ['positive', 'neutral', 'negative'] as const;
export type SentimentFilter = (typeof sentimentFilters)[number];
/** Where the sentiment score (-1 … 1) is cut into the three words shown and filtered on. */
export const sentimentCut = 0.2;
export function sentimentLabel(score: number): SentimentFilter {
  if (score >= sentimentCut) return 'positive';
  if (score <= -sentimentCut) return 'negative';
  return 'neutral';
}
