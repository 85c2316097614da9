import type { ParsedArgs } from '../args.js';
import { requireFlag, stringFlag } from '../args.js';
import { setupBody, setupOrganization } from '../../server/services/setup.js';

import { AppError } from '../../server/errors.js';
import { UsageError } from '../args.js';
import { readPassword } from './read-password.js';
import { withDatabase } from './with-database.js';

/** The same setup as the browser's first-run page, through the same schema and service. */
export async function setupCommand(args: ParsedArgs) {
  const input = setupBody.safeParse({
    organization: requireFlag(args, 'organization'),
    name: requireFlag(args, 'name'),
    email: requireFlag(args, 'email'),
    password: await readPassword(args),
    timeZone: stringFlag(args, 'time-zone'),
  });
  if (!input.success) throw new UsageError(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  await withDatabase(async (handle) => {
    try {
      const { organization, owner } = await setupOrganization(handle.db, input.data, 'local');
      console.log(`Created ${organization.name} with owner ${owner.email}. Sign in at the Cairn address.`);
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    }
  });
}
