import { z } from 'zod';
import { invalid } from '../errors.js';
import { isCommonPassword } from './common-passwords.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const COMMON_PASSWORD_MESSAGE =
  'This password is on a list of common passwords that attackers try first. Choose one that is not, e.g. a few unrelated words.';

/** One rule, used by the API schemas, the CLI and every service that stores a password. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((value) => value.trim().length === value.length, 'The password cannot start or end with a space.')
  .refine((value) => !isCommonPassword(value), COMMON_PASSWORD_MESSAGE);

/** The same rule inside a service, whoever called it: throws a validation error naming `field`. */
export function assertPasswordAllowed(password: string, field: string): void {
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw invalid(field, checked.error.issues[0]?.message ?? 'Choose another password.');
}
