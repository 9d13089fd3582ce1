import { z } from 'zod';

/** An amount per currency: revenue is never added across currencies. */
export const MoneyTotalSchema = z.object({ currency: z.string(), amountMinor: z.number().int() });
export type MoneyTotal = z.infer<typeof MoneyTotalSchema>;

const ContactRefSchema = z.object({ id: z.string(), name: z.string() });

/**
 * What a contact brought the office, from its jobs: the jobs booked (cancelled ones left out), the
 * paid ones and what they were paid. A referral partner also sees what the contacts it referred
 * brought, the same way.
 */
export const ContactRevenueSchema = z.object({
  jobs: z.number().int(),
  paidJobs: z.number().int(),
  paid: z.array(MoneyTotalSchema),
  referredBy: ContactRefSchema.nullable(),
  referrals: z.object({
    /** How many contacts name this one as the partner who referred them. */
    count: z.number().int(),
    paidJobs: z.number().int(),
    paid: z.array(MoneyTotalSchema),
    /** The referred contacts, those who brought most first (at most 50). */
    people: z.array(ContactRefSchema.extend({ paidJobs: z.number().int(), paid: z.array(MoneyTotalSchema) })),
  }),
});
export type ContactRevenue = z.infer<typeof ContactRevenueSchema>;
