import { APIError } from 'better-auth/api';
import type { Auth } from '../auth/better-auth.js';
import { assertPasswordAllowed } from '../auth/password-rules.js';
import { invalid } from '../errors.js';

/**
 * Asks Better Auth for a reset link. The answer is the same whether the address has an account or
 * not, so the form cannot be used to find out who works here.
 */
export async function requestPasswordReset(auth: Auth, email: string): Promise<void> {
  await auth.api.requestPasswordReset({ body: { email: email.trim().toLowerCase() } });
}

/**
 * Sets the new password with the token from the e-mail. Cairn's password rule applies as everywhere;
 * a used, expired or made-up token is refused naming `token`.
 */
export async function resetPassword(auth: Auth, token: string, newPassword: string): Promise<void> {
  assertPasswordAllowed(newPassword, 'newPassword');
  try {
    await auth.api.resetPassword({ body: { token, newPassword } });
  } catch (error) {
    if (error instanceof APIError && error.body?.code === 'INVALID_TOKEN')
      throw invalid('token', 'This reset link was already used or has expired. Ask for a new one.');
    throw error;
  }
}
