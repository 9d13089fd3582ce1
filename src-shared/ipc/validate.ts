import type { z } from 'zod';
import { AppError } from '../errors';

/** Parses a boundary value, turning the first zod issue into an error that names the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = issue
    ? field
      ? `${field}: ${issue.message}`
      : issue.message
    : `Invalid ${what}`;
  throw new AppError('invalid_input', message, field);
}
