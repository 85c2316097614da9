/**
 * What went wrong, in words every layer shares: a stable code, the fields at fault and a human message.
 * No HTTP here: `http/error-handler.ts` maps each code to a status and an RFC 9457 problem type, and the
 * CLI prints the message. Codes are documented in docs/api-errors.md.
 */
export const ERROR_CODES = [
  'validation-failed',
  'unauthenticated',
  'invalid-credentials',
  'forbidden',
  'not-found',
  'conflict',
  'already-set-up',
  'cycle-closed',
  'quality-blocked',
  'approval-required',
  'review-incomplete',
  'rate-limited',
  'unavailable',
  'too-large',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** For `rate-limited` and `unavailable`: when trying again may work. */
    readonly retryAfterSeconds?: number,
    /** Extension members of the problem (RFC 9457 §3.2), e.g. the review gaps that block closing a cycle. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const fieldError = (field: string | undefined, message: string): FieldError[] => (field ? [{ field, message }] : []);

export const invalid = (field: string, message: string) => new AppError('validation-failed', message, [{ field, message }]);
export const invalidFields = (errors: FieldError[]) =>
  new AppError('validation-failed', errors.map((e) => `${e.field}: ${e.message}`).join(' '), errors);
export const notFound = (what: string, field?: string) =>
  new AppError('not-found', `${what} was not found.`, fieldError(field, `${what} was not found.`));
export const conflict = (field: string, message: string) => new AppError('conflict', message, [{ field, message }]);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('forbidden', message);
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in or send a valid API token.');
/** An upload over the size a route accepts (HTTP 413). */
export const tooLarge = (field: string, message: string) => new AppError('too-large', message, [{ field, message }]);
export const cycleClosed = (field: string, message: string) =>
  new AppError('cycle-closed', message, [{ field, message: 'The cycle is closed.' }]);
