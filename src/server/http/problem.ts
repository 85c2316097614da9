import type { ErrorCode, FieldError } from '../errors.js';

/**
 * RFC 9457 problem details: the HTTP face of an error. `type` is stable and documented in
 * docs/api-errors.md; clients branch on it, people read `detail`, forms use `field`.
 * Only the HTTP edge builds these; everything below it throws `AppError` with a code.
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  errors?: FieldError[];
  /** Extension members a problem type documents (e.g. `gaps` of review-incomplete). */
  [extension: string]: unknown;
}

/** Problem types the HTTP edge adds to the application's codes: unreadable requests and bugs. */
export type ProblemType = ErrorCode | 'bad-request' | 'auth-failed' | 'internal-error';

const TITLES: Record<ProblemType, string> = {
  'validation-failed': 'Invalid request',
  unauthenticated: 'Sign in required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'already-set-up': 'Already set up',
  'rate-limited': 'Too many attempts',
  'invalid-credentials': 'Wrong email or password',
  'auth-failed': 'Authentication failed',
  'cycle-closed': 'Cycle closed',
  'quality-blocked': 'Blocked by the guiding principles',
  'approval-required': 'Approval required before publishing',
  'review-incomplete': 'Review not finished',
  unavailable: 'Temporarily unavailable',
  'too-large': 'Too large',
  'bad-request': 'Bad request',
  'internal-error': 'Internal error',
};

/** Each application error code's HTTP status. A new code fails to compile until it is given one here. */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  'validation-failed': 422,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'already-set-up': 409,
  'cycle-closed': 409,
  'quality-blocked': 422,
  'approval-required': 409,
  'review-incomplete': 409,
  'rate-limited': 429,
  unavailable: 503,
  'too-large': 413,
};

export class Problem {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    readonly extensions: Record<string, unknown> = {},
  ) {}

  toBody(): ProblemBody {
    const body: ProblemBody = {
      ...this.extensions,
      type: `/problems/${this.type}`,
      title: TITLES[this.type],
      status: this.status,
      detail: this.detail,
    };
    if (this.errors.length > 0) {
      body.field = this.errors[0]!.field;
      body.errors = this.errors;
    }
    return body;
  }
}
