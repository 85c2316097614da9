import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { scimUsers, users } from '../../../db/schema/index.js';
import { SYSTEM } from '../../auth/actor.js';
import { nextAddress } from '../../../domain/identity/scim-input.js';
import { conflict, notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { normalizeEmail } from '../create-account.js';
import { isUniqueViolation } from '../db-errors.js';
import { updateUser, type UserFields } from '../users.js';

/** How SCIM changes are signed in the audit log: the identity provider, not a person. */
export const SCIM_ACTOR = 'SCIM';

/** What an identity provider says about a person. */
export interface ProvisionedPerson {
  /** The userName. */
  email: string;
  /** The work e-mail, when it was sent: a change of it alone moves the address too. */
  workEmail?: string;
  name: string;
  active: boolean;
  externalId?: string | null;
}

const selectPeople = (db: Executor, orgId: string, id?: string) =>
  db
    .select({ user: users, externalId: scimUsers.externalId })
    .from(users)
    .leftJoin(scimUsers, and(eq(scimUsers.orgId, users.orgId), eq(scimUsers.userId, users.id)))
    .where(id === undefined ? eq(users.orgId, orgId) : and(eq(users.orgId, orgId), eq(users.id, id)));

export type ScimPersonRow = Awaited<ReturnType<typeof selectPeople>>[number];

/** Every person of the organisation is a SCIM user, whether provisioned, invited or set up by hand. */
export const listScimPeople = (db: Database, orgId: string) => selectPeople(db, orgId).orderBy(asc(users.createdAt));

export async function findScimPerson(db: Executor, orgId: string, id: string): Promise<ScimPersonRow> {
  const [row] = await selectPeople(db, orgId, id);
  if (!row) throw notFound('The user');
  return row;
}

const audit = (orgId: string, id: string) => ({ orgId, actorId: null, actorName: SCIM_ACTOR, entityType: 'user', entityId: id });

const emailTaken = (email: string) => conflict('userName', `${email} already has an account.`);

/**
 * Creates the person an identity provider provisions, without a password: they sign in through single
 * sign-on or set one with "Forgot password". The address is the provider's to vouch for, so it counts as verified.
 */
export async function provisionPerson(db: Database, orgId: string, person: ProvisionedPerson): Promise<ScimPersonRow> {
  const email = normalizeEmail(person.email);
  const id = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const deactivatedAt = person.active ? null : new Date();
      await tx.insert(users).values({ id, orgId, name: person.name.trim(), email, emailVerified: true, deactivatedAt });
      await tx.insert(scimUsers).values({ orgId, userId: id, externalId: person.externalId ?? null });
      await recordActivity(tx, {
        ...audit(orgId, id),
        action: 'scim.user-created',
        after: { email, name: person.name, active: person.active },
      });
      return findScimPerson(tx, orgId, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(email);
    throw error;
  }
}

/**
 * Applies what the provider now says (PUT, or PATCH once applied). Name and active go through the People
 * page's own rule (`updateUser`): deactivation ends every session and token in this same transaction.
 */
export async function reprovisionPerson(db: Database, orgId: string, id: string, person: ProvisionedPerson): Promise<ScimPersonRow> {
  let email = normalizeEmail(person.email);
  try {
    return await db.transaction(async (tx) => {
      const before = await findScimPerson(tx, orgId, id);
      email = normalizeEmail(nextAddress(before.user.email, person.email, person.workEmail));
      if (email !== before.user.email) {
        await tx
          .update(users)
          .set({ email })
          .where(and(eq(users.orgId, orgId), eq(users.id, id)));
        await recordActivity(tx, {
          ...audit(orgId, id),
          action: 'scim.user-renamed',
          before: { email: before.user.email },
          after: { email },
        });
      }
      const fields: UserFields = {};
      if (person.name.trim() !== before.user.name) fields.name = person.name;
      if (person.active !== !before.user.deactivatedAt) fields.active = person.active;
      if (Object.keys(fields).length > 0) await updateUser(tx, SYSTEM, orgId, id, fields, SCIM_ACTOR);
      const externalId = person.externalId ?? before.externalId ?? null;
      await tx
        .insert(scimUsers)
        .values({ orgId, userId: id, externalId })
        .onConflictDoUpdate({ target: [scimUsers.orgId, scimUsers.userId], set: { externalId } });
      return findScimPerson(tx, orgId, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(email);
    throw error;
  }
}

/** DELETE keeps the person and what they did (objectives, check-ins) but deactivates them for good. */
export async function deprovisionPerson(db: Database, orgId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findScimPerson(tx, orgId, id);
    if (!before.user.deactivatedAt) await updateUser(tx, SYSTEM, orgId, id, { active: false }, SCIM_ACTOR);
    await recordActivity(tx, { ...audit(orgId, id), action: 'scim.user-deleted', before: { email: before.user.email } });
  });
}
