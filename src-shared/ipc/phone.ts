import { z } from 'zod';
import {
  ConversationSchema,
  E164Schema,
  PhoneSettingsInputSchema,
  PhoneSettingsViewSchema,
  ScreenPopSchema,
  TextMessageSchema,
  TextTemplateSchema,
  clickToCallStates,
} from '../domain/telephony';
import { CallSchema } from '../domain/call';
import { ConfigureNumbersResponseSchema, ImportHistoryResponseSchema, TestResponseSchema } from '../sync/telephony';
import { channel } from './channel';

// The office phone line: its settings (kept by the relay, admins change them), calling and texting
// customers, and the incoming call on screen. The core side is src-main/phone/handlers.ts.

const Id = z.string().min(1).max(64);

export const phoneChannels = {
  'phone.settings': channel({ summary: 'The phone line’s settings, as the relay keeps them (never a secret).', input: z.object({}).default({}), output: PhoneSettingsViewSchema }),
  'phone.saveSettings': channel({ summary: 'Connect Twilio and set how calls are handled (admins).', input: PhoneSettingsInputSchema, output: PhoneSettingsViewSchema }),
  'phone.test': channel({ summary: 'Check the Twilio credentials; the answer is in plain words.', input: z.object({}).default({}), output: TestResponseSchema }),
  'phone.configureNumbers': channel({
    summary: 'Point the office numbers’ voice and messaging webhooks at the relay, through Twilio’s API (admins).',
    input: z.object({}).default({}),
    output: ConfigureNumbersResponseSchema,
  }),
  'phone.importHistory': channel({
    summary: 'Bring in the account’s call history from Twilio (admins).',
    input: z.object({ since: z.number().int().min(0).optional() }),
    output: ImportHistoryResponseSchema,
  }),
  'phone.call': channel({
    summary: 'Call a contact or number: your own phone rings, then the customer, from the office number.',
    input: z
      .object({ contactId: Id.optional(), number: z.string().trim().min(1).max(40).optional() })
      .refine((input) => input.contactId || input.number, 'Say whom to call'),
    output: z.object({ callId: z.string(), ringing: E164Schema }),
  }),
  'phone.callState': channel({
    summary: 'Where a call made from Fieldbook stands: dialing, connected or ended.',
    input: z.object({ callId: Id }),
    output: z.object({ callId: z.string(), state: z.enum(clickToCallStates), status: z.string(), durationSeconds: z.number().int() }),
  }),
  'phone.callDetail': channel({ summary: 'One call with its recording, transcript and mood.', input: z.object({ callId: Id }), output: CallSchema }),
  'phone.recording': channel({
    summary: 'Fetch a call’s recording to this laptop (once) so it can play.',
    input: z.object({ callId: Id }),
    output: z.object({ sha256: z.string(), seconds: z.number().int() }),
  }),
  'phone.lastScreenPop': channel({
    summary: 'The call ringing now, if any (for a window opened while it rings).',
    input: z.object({}).default({}),
    output: ScreenPopSchema.nullable(),
  }),
  'texts.conversations': channel({
    summary: 'Text conversations, one per customer number, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(ConversationSchema),
  }),
  'texts.thread': channel({
    summary: 'Every text to and from one number (or a contact’s numbers), oldest first.',
    input: z.object({ number: z.string().max(40).optional(), contactId: Id.optional() }),
    output: z.object({ number: z.string().nullable(), optedOut: z.boolean(), doNotContact: z.boolean(), texts: z.array(TextMessageSchema) }),
  }),
  'texts.send': channel({
    summary: 'Write a text to a contact or number; it is sent through the relay as soon as it is reachable.',
    input: z
      .object({ contactId: Id.optional(), number: z.string().trim().max(40).optional(), body: z.string().trim().min(1, 'Write the text').max(1600) })
      .refine((input) => input.contactId || input.number, 'Say whom to text'),
    output: TextMessageSchema,
  }),
  'texts.templates': channel({ summary: 'Text templates, with {first_name}, {company} and {my_name}.', input: z.object({}).default({}), output: z.array(TextTemplateSchema) }),
  'texts.saveTemplates': channel({ summary: 'Replace the text templates.', input: z.object({ templates: z.array(TextTemplateSchema).max(50) }), output: z.array(TextTemplateSchema) }),
  'texts.fill': channel({
    summary: 'A template filled in for a contact.',
    input: z.object({ templateId: z.string().max(64), contactId: Id.optional() }),
    output: z.object({ body: z.string() }),
  }),
};

export const phoneEvents = {
  /** A call is ringing the office: show who it is. */
  'phone.incomingCall': ScreenPopSchema,
  /** Texts were written (here or by the relay): conversations refresh. */
  'texts.changed': z.object({ numbers: z.array(z.string()) }),
};
