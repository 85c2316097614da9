import { createInterface } from 'node:readline/promises';
import type { ParsedArgs } from '../args.js';
import { stringFlag, UsageError } from '../args.js';
import { passwordSchema } from '../../server/auth/password-rules.js';

/** --password, else CAIRN_SETUP_PASSWORD, else a prompt when a terminal is attached. Checked by the shared rule. */
export async function readPassword(args: ParsedArgs): Promise<string> {
  let password = stringFlag(args, 'password') ?? process.env.CAIRN_SETUP_PASSWORD;
  if (!password && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password: ');
    rl.close();
  }
  if (!password) throw new UsageError('--password is required (or set CAIRN_SETUP_PASSWORD)');
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new UsageError(`password: ${checked.error.issues[0]?.message}`);
  return password;
}
