/**
 * RFC 9457 problem details. `type` is stable and documented in docs/api-errors.md;
 * clients branch on it, people read `detail`, forms use `field`.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  errors?: FieldProblem[];
}

const TITLES: Record<string, string> = {
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
  'bad-request': 'Bad request',
  'internal-error': 'Internal error',
};

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    detail: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toBody(): ProblemBody {
    const body: ProblemBody = {
      type: `/problems/${this.slug}`,
      title: TITLES[this.slug] ?? this.slug,
      status: this.status,
      detail: this.message,
    };
    if (this.errors.length > 0) {
      body.field = this.errors[0]!.field;
      body.errors = this.errors;
    }
    return body;
  }
}

export const invalid = (field: string, message: string) => new Problem(422, 'validation-failed', message, [{ field, message }]);
export const notFound = (what: string, field?: string) =>
  new Problem(404, 'not-found', `${what} was not found.`, field ? [{ field, message: `${what} was not found.` }] : []);
export const conflict = (field: string, message: string) => new Problem(409, 'conflict', message, [{ field, message }]);
export const forbidden = (message = 'You are not allowed to do this.') => new Problem(403, 'forbidden', message);
export const unauthenticated = () => new Problem(401, 'unauthenticated', 'Sign in or send a valid API token.');
