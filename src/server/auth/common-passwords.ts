import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/** The maintained list of ~49,000 common passwords, as a set built once on first use. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common.has(password.toLowerCase());
}
