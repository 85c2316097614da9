import { Problem } from '../problem.js';

interface BetterAuthError {
  code?: string;
  message?: string;
}

/**
 * Better Auth answers errors as `{ code, message }`; Cairn's API answers problem+json everywhere,
 * so a client branches on one `type` and a form finds its `field`. The codes are Better Auth's.
 */
export function problemFromAuthError(status: number, error: BetterAuthError): Problem {
  const code = error.code ?? '';
  const message = error.message ?? 'Signing in did not work.';
  if (code === 'INVALID_EMAIL_OR_PASSWORD')
    return new Problem(status, 'invalid-credentials', 'The email or the password is wrong.', [
      { field: 'password', message: 'The email or the password is wrong.' },
    ]);
  if (status === 403) return new Problem(403, 'forbidden', message);
  if (status === 404) return new Problem(404, 'not-found', message);
  if (status === 400 || status === 422) {
    const field = /PASSWORD/.test(code) ? 'password' : /EMAIL/.test(code) ? 'email' : undefined;
    return new Problem(status, 'validation-failed', message, field ? [{ field, message }] : []);
  }
  return new Problem(status, status === 401 ? 'unauthenticated' : 'auth-failed', message);
}
