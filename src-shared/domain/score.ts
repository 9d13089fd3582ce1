import { z } from 'zod';

export const ScoreFactorSchema = z.object({ label: z.string(), points: z.number().int() });

export const ContactScoresSchema = z.object({
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
