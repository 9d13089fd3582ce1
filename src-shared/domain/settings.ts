import { z } from 'zod';
import { getCountries } from 'libphonenumber-js/min';

const regions = new Set<string>(getCountries());

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
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    userName: SettingsSchema.shape.userName,
    defaultRegion: SettingsSchema.shape.defaultRegion,
    currency: SettingsSchema.shape.currency,
    contactTypes: SettingsSchema.shape.contactTypes,
    customFields: SettingsSchema.shape.customFields,
  })
  .partial();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export const defaultSettings: Settings = {
  userName: '',
  defaultRegion: 'GB',
  currency: 'GBP',
  contactTypes: ['customer', 'lead', 'partner'],
  customFields: [],
};
