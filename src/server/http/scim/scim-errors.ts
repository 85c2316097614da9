import SCIMMY from 'scimmy';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../errors.js';
import { Problem, STATUS_OF_CODE } from '../problem.js';

export type ScimError = InstanceType<typeof SCIMMY.Types.Error>;

export const SCIM_JSON = 'application/scim+json; charset=utf-8';

/** The statuses SCIM's error message allows (RFC 7644 §3.12); others (429, 503…) are sent with a 500 body relabelled. */
const SCIM_STATUSES = new Set([307, 308, 400, 401, 403, 404, 409, 412, 413, 500, 501]);

const statusOf = (error: unknown): number => {
  const code = (error as { statusCode?: unknown }).statusCode;
  return typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
};

/**
 * Cairn's own errors in SCIM's words. A refused field is 400 invalidValue (SCIM has no 422); a taken
 * userName is 409 uniqueness, which is how Okta and Entra recognise a duplicate.
 */
export function toScimError(error: unknown): ScimError {
  if (error instanceof SCIMMY.Types.Error) return error;
  if (error instanceof AppError) {
    if (error.code === 'validation-failed') return new SCIMMY.Types.Error(400, 'invalidValue', error.message);
    const status = STATUS_OF_CODE[error.code];
    const uniqueness = error.code === 'conflict' && error.errors.some((e) => e.field === 'userName');
    return new SCIMMY.Types.Error(status, uniqueness ? 'uniqueness' : '', error.message);
  }
  if (error instanceof Problem) return new SCIMMY.Types.Error(error.status, error.status === 400 ? 'invalidSyntax' : '', error.detail);
  const status = statusOf(error);
  const detail = status === 500 ? 'Something went wrong on our side.' : error instanceof Error ? error.message : 'Bad request';
  return new SCIMMY.Types.Error(status, status === 400 ? 'invalidSyntax' : '', detail);
}

/** Sends the error as SCIM's Error message, built by the SCIM library. */
export function sendScimError(reply: FastifyReply, error: ScimError) {
  const status = SCIM_STATUSES.has(error.status) ? error.status : 500;
  const body = new SCIMMY.Messages.ErrorResponse(new SCIMMY.Types.Error(status, error.scimType, error.message));
  return reply
    .status(error.status)
    .type(SCIM_JSON)
    .send(JSON.stringify({ ...body, status: String(error.status) }));
}
