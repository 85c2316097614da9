import { z } from 'zod';
import { passwordSchema } from '../auth/password-rules.js';
import { emailField, nameField, timeZoneField } from '../fields.js';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { organizations } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import { recordActivity } from './activity.js';
import { countUsers, createAccount } from './create-account.js';

/** What first-run setup needs, the same rules for the HTTP route and `cairn setup`. */
export const setupBody = z.object({
  organization: nameField.describe('The organisation name'),
  name: nameField.describe("The owner's full name"),
  email: emailField,
  password: passwordSchema,
  timeZone: timeZoneField.optional(),
});
export type SetupInput = z.infer<typeof setupBody>;

/** First run: the organisation and its owner, together or not at all. Only while nobody exists. */
export async function setupOrganization(db: Database, input: SetupInput) {
  return db.transaction(async (tx) => {
    // Two setups racing on a server: the second waits here, then sees the first owner.
    await tx.execute(sql`select pg_advisory_xact_lock(72621202)`);
    if ((await countUsers(tx)) > 0) throw new AppError('already-set-up', 'Cairn is already set up. Sign in instead.');
    const [org] = await tx
      .insert(organizations)
      .values({ name: input.organization.trim(), timeZone: input.timeZone ?? 'UTC' })
      .returning();
    const owner = await createAccount(tx, {
      orgId: org!.id,
      name: input.name,
      email: input.email,
      password: input.password,
      role: 'owner',
    });
    await recordActivity(tx, {
      orgId: org!.id,
      actorId: owner.id,
      action: 'organization.created',
      entityType: 'organization',
      entityId: org!.id,
      after: { name: org!.name },
    });
    return { organization: org!, owner };
  });
}
