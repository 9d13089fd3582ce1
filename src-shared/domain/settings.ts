import { z } from 'zod';
import { getCountries } from 'libphonenumber-js/min';
import { isKnownTimeZone } from '../office-time';
import { defaultOfflineFiles, OfflineFilesSchema } from './file';

const regions = new Set<string>(getCountries());

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export const customFieldKinds = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

export const CustomFieldDefSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]{1,64}$/, 'Use lower-case letters, digits and _ for a field id'),
    label: z.string().trim().min(1, 'A custom field needs a label').max(60),
    kind: z.enum(customFieldKinds),
    choices: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  })
  .refine((def) => def.kind !== 'choice' || def.choices.length > 0, {
    message: 'A choice field needs at least one choice',
    path: ['choices'],
  });
export type CustomFieldDef = z.infer<typeof CustomFieldDefSchema>;

/**
 * "Missed call from a lead: call back within 2 hours." A rule matches a logged call by its
 * outcome (and, when given, the contact's type), or a new contact by its type alone.
 */
export const SlaRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
    name: z.string().trim().min(1, 'Name the rule').max(120),
    contactType: z.string().trim().max(60).optional(),
    callOutcome: z.string().trim().max(60).optional(),
    withinMinutes: z.number().int().min(1).max(60 * 24 * 60),
    followUpTitle: z.string().trim().min(1).max(200),
  })
  .refine((rule) => rule.contactType || rule.callOutcome, {
    message: 'A rule needs a contact type or a call outcome',
    path: ['contactType'],
  });
export type SlaRule = z.infer<typeof SlaRuleSchema>;

export const SettingsSchema = z.object({
  /** The user's own name: the owner of what they create, and "My contacts". */
  userName: z.string().trim().max(120),
  /** ISO 3166-1 alpha-2 region used for numbers typed without a country code. */
  defaultRegion: z
    .string()
    .toUpperCase()
    .refine((code) => regions.has(code), 'Choose a known country code such as GB or US'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR'),
  contactTypes: z
    .array(z.string().trim().min(1).max(60))
    .min(1, 'Keep at least one contact type')
    .max(30),
  customFields: z.array(CustomFieldDefSchema).max(50),
  /** Outcomes a logged call must be given. */
  callDispositions: z.array(z.string().trim().min(1).max(60)).min(1, 'Keep at least one call outcome').max(40),
  slaRules: z.array(SlaRuleSchema).max(50),
  /** A call whose transcript or notes name one of these (whole words, any case or accent) is an emergency. */
  emergencyKeywords: z.array(z.string().trim().min(1).max(60)).max(100),
  /** Files larger than this are refused. */
  maxFileBytes: z.number().int().min(1024).max(2 * 1024 ** 3),
  /** Printed on quotes. */
  officeName: z.string().trim().max(120),
  officeAddress: z.string().trim().max(500),
  /** A PNG or JPEG in the file store, printed on quotes. */
  officeLogoSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  defaultTaxRateBp: z.number().int().min(0).max(10_000),
  /** Which teammates' files this laptop fetches by itself, to have them offline. */
  offlineFiles: OfflineFilesSchema,
  /** Printed under the office's address on quotes, so a customer knows how to answer. */
  officePhone: z.string().trim().max(60),
  officeEmail: z.string().trim().max(200).pipe(z.union([z.literal(''), z.email('Enter an e-mail address such as office@example.com')])),
  /** A VAT or other tax registration number, printed on quotes. */
  officeTaxNumber: z.string().trim().max(60),
  /** Printed at the foot of every quote: when and how the customer pays. */
  quotePaymentTerms: z.string().trim().max(1000),
  /** A quote sent without its own validity date is valid this many days from sending. */
  quoteValidDays: z.number().int().min(1, 'A quote is valid for at least 1 day').max(365, 'Keep it to a year at most'),
  /** Light or dark, or whichever the system uses. */
  theme: z.enum(themes),
  /** The first-run checklist was put away; it stays away. */
  firstRunChecklistDismissed: z.boolean(),
  /** The office's time zone (IANA, `Europe/London`) for exported dates and the quote year; empty: this computer's. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => zone === '' || isKnownTimeZone(zone), 'Choose a time zone from the list, such as Europe/London'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    userName: SettingsSchema.shape.userName,
    defaultRegion: SettingsSchema.shape.defaultRegion,
    currency: SettingsSchema.shape.currency,
    contactTypes: SettingsSchema.shape.contactTypes,
    customFields: SettingsSchema.shape.customFields,
    callDispositions: SettingsSchema.shape.callDispositions,
    slaRules: SettingsSchema.shape.slaRules,
    emergencyKeywords: SettingsSchema.shape.emergencyKeywords,
    maxFileBytes: SettingsSchema.shape.maxFileBytes,
    officeName: SettingsSchema.shape.officeName,
    officeAddress: SettingsSchema.shape.officeAddress,
    officeLogoSha256: SettingsSchema.shape.officeLogoSha256,
    defaultTaxRateBp: SettingsSchema.shape.defaultTaxRateBp,
    offlineFiles: SettingsSchema.shape.offlineFiles,
    officePhone: SettingsSchema.shape.officePhone,
    officeEmail: SettingsSchema.shape.officeEmail,
    officeTaxNumber: SettingsSchema.shape.officeTaxNumber,
    quotePaymentTerms: SettingsSchema.shape.quotePaymentTerms,
    quoteValidDays: SettingsSchema.shape.quoteValidDays,
    theme: SettingsSchema.shape.theme,
    firstRunChecklistDismissed: SettingsSchema.shape.firstRunChecklistDismissed,
    timeZone: SettingsSchema.shape.timeZone,
  })
  .partial();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export const defaultSettings: Settings = {
  userName: '',
  defaultRegion: 'GB',
  currency: 'GBP',
  contactTypes: ['customer', 'lead', 'partner'],
  customFields: [],
  callDispositions: ['booked', 'quote needed', 'call back', 'no answer', 'wrong number', 'spam'],
  slaRules: [
    {
      id: 'missed-lead-call',
      name: 'Missed call from a lead',
      contactType: 'lead',
      callOutcome: 'no answer',
      withinMinutes: 120,
      followUpTitle: 'Call back (missed call)',
    },
  ],
  emergencyKeywords: ['leak', 'flood', 'no heating', 'burst pipe', 'gas smell', 'no hot water'],
  maxFileBytes: 100 * 1024 * 1024,
  officeName: '',
  officeAddress: '',
  officeLogoSha256: null,
  defaultTaxRateBp: 2000,
  offlineFiles: defaultOfflineFiles,
  officePhone: '',
  officeEmail: '',
  officeTaxNumber: '',
  quotePaymentTerms: '',
  quoteValidDays: 30,
  theme: 'system',
  firstRunChecklistDismissed: false,
  timeZone: '',
};
