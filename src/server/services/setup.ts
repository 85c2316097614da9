import { z } from 'zod';
import { passwordSchema } from '../auth/password-rules.js';
import { emailField, nameField, timeZoneField } from '../fields.js';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { organizations } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import { recordActivity } from './activity.js';
import { countUsers, createAccount } from './create-account.js';
import { spendSetupCode } from './setup-code.js';

/** What first-run setup needs, the same rules for the HTTP route and `cairn setup`. */
export const setupBody = z.object({
  organization: nameField.describe('The organisation name'),
  name: nameField.describe("The owner's full name"),
  email: emailField,
  password: passwordSchema,
  timeZone: timeZoneField.optional(),
});
export type SetupInput = z.infer<typeof setupBody>;

/** Over HTTP setup also needs the one-time code from the log; `cairn setup` on the machine does not. */
export const setupRequestBody = setupBody.extend({
  setupCode: z
    .string()
    .min(1, "Enter the setup code from Cairn's log.")
    .max(200)
    .describe('The one-time setup code Cairn printed to its log at start, or CAIRN_SETUP_TOKEN'),
});

/** How the caller proved they may set up: the code (HTTP) or being on the machine (the CLI). */
export type SetupProof = { setupCode: string; configuredCode?: string } | 'local';

/** First run: the organisation and its owner, together or not at all. Only while nobody exists. */
export async function setupOrganization(db: Database, input: SetupInput, proof: SetupProof) {
  return db.transaction(async (tx) => {
    // Two setups racing on a server: the second waits here, then sees the first owner.
    await tx.execute(sql`select pg_advisory_xact_lock(72621202)`);
    if ((await countUsers(tx)) > 0) throw new AppError('already-set-up', 'Cairn is already set up. Sign in instead.');
    if (proof !== 'local') await spendSetupCode(tx, proof.setupCode, proof.configuredCode);
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
