import { z } from 'zod';

export const ScoreFactorSchema = z.object({ label: z.string(), points: z.number().int() });

/**
 * Where the contact stands, which the score's words follow: a lead is hot or cold, a customer
 * engaged or gone quiet. From the status (won, lost, dormant) and the contact type.
 */
export const lifecycles = ['lead', 'customer', 'lost', 'dormant', 'contact'] as const;
export type Lifecycle = (typeof lifecycles)[number];

export const ContactScoresSchema = z.object({
  lifecycle: z.enum(lifecycles),
  /** "Lead score" for a lead, "Engagement" for everyone else. */
  scoreName: z.string(),
  /** The grade in words for this lifecycle: "A hot lead", "An engaged customer". */
  headline: z.string(),
  leadScore: z.number().int().min(0).max(100),
  grade: z.enum(['A', 'B', 'C', 'D']),
  leadFactors: z.array(ScoreFactorSchema),
  health: z.enum(['green', 'yellow', 'red']),
  /** Why the health is what it is, in words; empty when all is well. */
  healthFactors: z.array(z.string()),
});
export type ContactScores = z.infer<typeof ContactScoresSchema>;

export function gradeOf(score: number): 'A' | 'B' | 'C' | 'D' {
  if (score >= 70) return 'A';
  if (score >= 50) return 'B';
  if (score >= 30) return 'C';
  return 'D';
}

const headlines: Record<Lifecycle, Record<'A' | 'B' | 'C' | 'D', string>> = {
  lead: { A: 'A hot lead', B: 'A warm lead', C: 'A cool lead', D: 'A cold lead' },
  customer: { A: 'A very engaged customer', B: 'An engaged customer', C: 'A quiet customer', D: 'A customer gone quiet' },
  lost: { A: 'A lost deal, still in touch', B: 'A lost deal, still in touch', C: 'A lost deal', D: 'A lost deal, gone quiet' },
  dormant: { A: 'Dormant, but active again', B: 'Dormant, but in touch', C: 'Dormant', D: 'Dormant and quiet' },
  contact: { A: 'Very active', B: 'Active', C: 'Quiet', D: 'Gone quiet' },
};

/** Won, or a customer by type: a customer. A lead by type: a lead. Lost and dormant say so. */
export function lifecycleOf(status: string, contactType: string): Lifecycle {
  if (status === 'won') return 'customer';
  if (status === 'lost') return 'lost';
  if (status === 'dormant') return 'dormant';
  const type = contactType.trim().toLowerCase();
  if (type === 'lead' || type === 'prospect') return 'lead';
  if (type === 'customer' || type === 'client') return 'customer';
  return 'contact';
}

export function headlineOf(lifecycle: Lifecycle, grade: 'A' | 'B' | 'C' | 'D'): string {
  return headlines[lifecycle][grade];
}
