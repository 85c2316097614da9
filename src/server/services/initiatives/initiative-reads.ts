import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { initiativeDrivenKeyResults, initiatives, keyResults, objectives, users } from '../../../db/schema/index.js';
import { initiativeAbilities } from '../../policies/initiatives.js';
import { notFound } from '../../errors.js';
import type { Actor } from '../../auth/actor.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';

export type InitiativeRow = typeof initiatives.$inferSelect;

const withOwner = { initiative: initiatives, ownerName: users.name };

/** A key result's initiatives in their order with their owners' names, whether they drive it, and what the caller may do. */
export async function listInitiatives(db: Executor, actor: Actor, keyResultId: string) {
  const { keyResult, relation } = await loadKeyResultFor(db, actor, keyResultId);
  const rows = await db
    .select(withOwner)
    .from(initiatives)
    .leftJoin(users, eq(users.id, initiatives.ownerId))
    .where(and(eq(initiatives.orgId, actor.orgId), eq(initiatives.keyResultId, keyResultId)))
    .orderBy(asc(initiatives.position), asc(initiatives.createdAt));
  const [driven] = await db
    .select({ id: initiativeDrivenKeyResults.keyResultId })
    .from(initiativeDrivenKeyResults)
    .where(and(eq(initiativeDrivenKeyResults.orgId, actor.orgId), eq(initiativeDrivenKeyResults.keyResultId, keyResultId)));
  return { rows, driven: Boolean(driven), can: initiativeAbilities(actor, relation, keyResult.ownerId) };
}

/** The caller's open initiatives (planned or in progress), due first, with the key result and objective they serve. */
export async function myOpenInitiatives(db: Executor, actor: Actor) {
  return db
    .select({ ...withOwner, keyResultTitle: keyResults.title, objectiveId: objectives.id, objectiveTitle: objectives.title })
    .from(initiatives)
    .innerJoin(keyResults, eq(keyResults.id, initiatives.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .leftJoin(users, eq(users.id, initiatives.ownerId))
    .where(
      and(
        eq(initiatives.orgId, actor.orgId),
        eq(initiatives.ownerId, actor.userId),
        inArray(initiatives.status, ['planned', 'in_progress']),
        ne(objectives.status, 'archived'),
      ),
    )
    .orderBy(asc(initiatives.dueDate), asc(initiatives.createdAt));
}

/** An initiative with its key result's facts for the policy, under the caller's organisation. */
export async function loadInitiativeFor(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.orgId, actor.orgId), eq(initiatives.id, id)));
  if (!row) throw notFound('The initiative');
  return { initiative: row, ...(await loadKeyResultFor(tx, actor, row.keyResultId)) };
}

/** The owner must be a person of the organisation. */
export async function checkInitiativeOwner(tx: Executor, orgId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId)));
  if (!row) throw notFound('The person', 'ownerId');
}
