import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { organizations } from '../../db/schema/index.js';
import { Problem } from '../http/problem.js';
import { recordActivity } from './activity.js';
import { countUsers, createAccount } from './create-account.js';

export interface SetupInput {
  organization: string;
  name: string;
  email: string;
  password: string;
  timeZone?: string;
}

/** First run: the organisation and its owner, together or not at all. Only while nobody exists. */
export async function setupOrganization(db: Database, input: SetupInput) {
  return db.transaction(async (tx) => {
    // Two setups racing on a server: the second waits here, then sees the first owner.
    await tx.execute(sql`select pg_advisory_xact_lock(72621202)`);
    if ((await countUsers(tx)) > 0) throw new Problem(409, 'already-set-up', 'Cairn is already set up. Sign in instead.');
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
