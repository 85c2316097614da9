import { api } from './client.js';

/** Asks for a reset link; the answer is the same whether the address has an account or not. */
export const requestPasswordReset = (email: string) =>
  api<{ message: string }>('/api/v1/password-reset', { method: 'POST', body: { email } });

/** Sets the new password with the token from the e-mailed link. */
export const confirmPasswordReset = (token: string, newPassword: string) =>
  api<{ message: string }>('/api/v1/password-reset/confirm', { method: 'POST', body: { token, newPassword } });
