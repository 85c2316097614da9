import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../../db/database.js';
import { AppError, type FieldError } from '../errors.js';
import { Problem, STATUS_OF_CODE } from './problem.js';

/** When a request refused for an unreachable database may try again. */
const DATABASE_RETRY_SECONDS = 5;

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** `/owner/email` → `owner.email`; array indices stay as `milestones[0]`. */
function fieldFromPath(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** A request the schema refuses is malformed (400); a rule a service refuses is 422. */
function validationProblem(error: FastifyError): Problem {
  const errors: FieldError[] = (error.validation ?? []).map((issue) => {
    return { field: fieldFromPath(issue.instancePath) || (error.validationContext ?? 'body'), message: issue.message ?? 'Invalid value.' };
  });
  const first = errors[0];
  const detail = first ? `${first.field}: ${first.message}` : 'The request is not valid.';
  return new Problem(400, 'validation-failed', detail, errors);
}

export function problemOf(error: AppError): Problem {
  const headers: Record<string, string> = error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {};
  return new Problem(STATUS_OF_CODE[error.code], error.code, error.message, error.errors, headers, error.extensions);
}

const unavailable = () =>
  problemOf(new AppError('unavailable', 'The database is not answering. Try again in a few seconds.', [], DATABASE_RETRY_SECONDS));

/**
 * Every error leaves as RFC 9457 problem+json; unexpected ones are logged and hidden. `databaseAnswers`
 * tells an unexpected error from an outage whose error was wrapped beyond recognition (Better Auth
 * turns a failed session query into its own 500): when the database does not answer, it is 503.
 */
export function installErrorHandling(app: FastifyInstance, databaseAnswers: () => Promise<boolean> = async () => true): void {
  app.setErrorHandler(async (error: FastifyError | AppError | Problem, request, reply) => {
    let problem: Problem;
    if (error instanceof Problem) problem = error;
    else if (error instanceof AppError) problem = problemOf(error);
    else if (hasZodFastifySchemaValidationErrors(error) || error.validation) problem = validationProblem(error);
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      problem = new Problem(error.statusCode, error.statusCode === 429 ? 'rate-limited' : 'bad-request', error.message);
    } else if (isDatabaseUnavailable(error) || !(await databaseAnswers())) {
      request.log.warn({ err: error }, 'database unavailable');
      problem = unavailable();
    } else {
      request.log.error({ err: error }, 'request failed');
      problem = new Problem(500, 'internal-error', 'Something went wrong on our side. It has been logged.');
    }
    return reply.status(problem.status).headers(problem.headers).type(PROBLEM_JSON).send(problem.toBody());
  });
}

export function apiNotFound(path: string): Problem {
  return new Problem(404, 'not-found', `No API endpoint at ${path}.`);
}
