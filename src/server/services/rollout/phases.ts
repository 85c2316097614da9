import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { rolloutPhases, users } from '../../../db/schema/index.js';
import { ROLLOUT_PHASES, type RolloutPhase } from '../../../domain/rollout/programme.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeRollout } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';

export interface PhaseView {
  phase: RolloutPhase;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  done: boolean;
}

/** All five phases in their order; a phase nobody has planned yet is unowned, undated and open. */
export async function listPhases(db: Executor, orgId: string): Promise<PhaseView[]> {
  const rows = await db
    .select({
      phase: rolloutPhases.phase,
      ownerId: rolloutPhases.ownerId,
      ownerName: users.name,
      dueOn: rolloutPhases.dueOn,
      done: rolloutPhases.done,
    })
    .from(rolloutPhases)
    .leftJoin(users, and(eq(users.orgId, rolloutPhases.orgId), eq(users.id, rolloutPhases.ownerId)))
    .where(eq(rolloutPhases.orgId, orgId))
    .orderBy(asc(rolloutPhases.phase));
  return ROLLOUT_PHASES.map(
    (phase) => rows.find((r) => r.phase === phase) ?? { phase, ownerId: null, ownerName: null, dueOn: null, done: false },
  );
}

export interface PhaseChange {
  ownerId?: string | null;
  dueOn?: string | null;
  done?: boolean;
}

/** Plans or ticks one phase; its owner must be an active person of the organisation (else 404 naming ownerId). */
export async function updatePhase(db: Database, actor: Actor, phase: RolloutPhase, change: PhaseChange) {
  authorizeRollout(actor);
  return db.transaction(async (tx) => {
    if (change.ownerId) await requireActivePerson(tx, actor.orgId, change.ownerId, 'ownerId');
    const before = (await listPhases(tx, actor.orgId)).find((p) => p.phase === phase)!;
    const after = {
      ownerId: change.ownerId !== undefined ? change.ownerId : before.ownerId,
      dueOn: change.dueOn !== undefined ? change.dueOn : before.dueOn,
      done: change.done ?? before.done,
    };
    await tx
      .insert(rolloutPhases)
      .values({ orgId: actor.orgId, phase, ...after })
      .onConflictDoUpdate({ target: [rolloutPhases.orgId, rolloutPhases.phase], set: after });
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'rollout.phase-updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { phase, ownerId: before.ownerId, dueOn: before.dueOn, done: before.done },
      after: { phase, ...after },
    });
    return (await listPhases(tx, actor.orgId)).find((p) => p.phase === phase)!;
  });
}

/** A person named by the programme: active and in the organisation, or "not found" naming the field. */
export async function requireActivePerson(tx: Executor, orgId: string, userId: string, field: string) {
  const [person] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!person) throw notFound('That person', field);
}
