// Errors cross every boundary (IPC, HTTP, CLI) as this plain shape. The core turns anything
// that is not an AppError into `internal`, logs its stack, and never sends the stack on.
export const errorCodes = [
  'invalid_input',
  'not_found',
  'duplicate',
  'conflict',
  'forbidden',
  /** A server the app needs (the relay) cannot be reached now; trying later may work. */
  'unavailable',
  'unknown_channel',
  'cancelled',
  'internal',
  /** The app is locked: only the lock's own channels answer until it is unlocked. */
  'locked',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  toPayload(): ErrorPayload {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    (errorCodes as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === 'string'
  );
}
