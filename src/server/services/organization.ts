import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { organizations } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { authorizeOrganizationChange } from '../policies/organization.js';
import { recordActivity } from './activity.js';

export interface OrganizationFields {
  name?: string;
  timeZone?: string;
}

export async function loadOrganization(db: Executor, orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('The organisation');
  return org;
}

/** Renames the organisation or sets its time zone; an empty change answers the organisation unchanged. */
export async function updateOrganization(db: Database, actor: Actor, fields: OrganizationFields) {
  authorizeOrganizationChange(actor);
  const change = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as OrganizationFields;
  if (change.name !== undefined) change.name = change.name.trim();
  return db.transaction(async (tx) => {
    const before = await loadOrganization(tx, actor.orgId);
    if (Object.keys(change).length === 0) return before;
    const [after] = await tx.update(organizations).set(change).where(eq(organizations.id, actor.orgId)).returning();
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before,
      after,
    });
    return after!;
  });
}
