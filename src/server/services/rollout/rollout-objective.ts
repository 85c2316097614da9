import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { checkInProposals, cycles, keyResults, objectives, rolloutKeyResults } from '../../../db/schema/index.js';
import {
  ROLLOUT_KEY_RESULTS,
  ROLLOUT_OBJECTIVE_DESCRIPTION,
  ROLLOUT_OBJECTIVE_TITLE,
  type RolloutFigure,
} from '../../../domain/rollout/rollout-objective.js';
import type { Actor } from '../../auth/actor.js';
import { conflict } from '../../errors.js';
import { authorizeRollout } from '../../policies/rollout.js';
import { writeAndAnnounce } from '../announce.js';
import { createKeyResult } from '../okrs/key-results.js';
import { createObjective } from '../okrs/objectives.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { proposeRolloutValues } from './rollout-figures.js';

/** The rollout objectives of the organisation's cycles, by cycle: their key results and each one's latest proposal. */
async function rolloutRows(db: Executor, orgId: string, cycleId?: string) {
  return db
    .select({
      objectiveId: objectives.id,
      title: objectives.title,
      status: objectives.status,
      cycleId: cycles.id,
      cycleName: cycles.name,
      keyResultId: keyResults.id,
      keyResultTitle: keyResults.title,
      currentValue: keyResults.currentValue,
      unit: keyResults.unit,
      figure: rolloutKeyResults.figure,
    })
    .from(rolloutKeyResults)
    .innerJoin(keyResults, and(eq(keyResults.orgId, rolloutKeyResults.orgId), eq(keyResults.id, rolloutKeyResults.keyResultId)))
    .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .where(and(eq(rolloutKeyResults.orgId, orgId), cycleId ? eq(cycles.id, cycleId) : undefined))
    .orderBy(desc(cycles.startDate), asc(keyResults.position));
}

/**
 * One click: "Make OKRs our way of working" as a company-level draft owned by the caller, with one key result per
 * figure, then the figures known today as proposed values. The objective and key results go through the objective
 * services (their rules, activity and roll-up). It is the programme's own objective, so a champion may place it at
 * company level here, which is otherwise for owners and admins. One per cycle (409 naming cycleId).
 */
export async function createRolloutObjective(deps: ServiceDeps, actor: Actor, cycleId: string) {
  authorizeRollout(actor);
  if ((await rolloutRows(deps.db, actor.orgId, cycleId)).length > 0)
    throw conflict('cycleId', 'This cycle already has the rollout objective: open it from the rollout page.');
  const placer: Actor = { ...actor, role: actor.role === 'owner' ? 'owner' : 'admin' };
  const objective = await createObjective(deps, placer, {
    cycleId,
    title: ROLLOUT_OBJECTIVE_TITLE,
    description: ROLLOUT_OBJECTIVE_DESCRIPTION,
    ownerId: actor.userId,
    teamId: null,
    type: 'committed',
    status: 'draft',
  });
  const created: { id: string; title: string; figure: RolloutFigure }[] = [];
  for (const plan of ROLLOUT_KEY_RESULTS) {
    const kr = await createKeyResult(deps, actor, objective.id, {
      title: plan.title,
      kind: 'metric',
      unit: plan.unit,
      startValue: plan.startValue,
      targetValue: plan.targetValue,
    });
    await deps.db.insert(rolloutKeyResults).values({ orgId: actor.orgId, keyResultId: kr.id, figure: plan.figure });
    created.push({ id: kr.id, title: kr.title, figure: plan.figure });
  }
  const proposed = await refreshRolloutValues(deps, actor);
  return { objectiveId: objective.id, title: objective.title, keyResults: created, proposed };
}

/** Proposes today's figures now (the daily job does the same): owners, admins and champions. */
export async function refreshRolloutValues(deps: ServiceDeps, actor: Actor): Promise<number> {
  authorizeRollout(actor);
  return writeAndAnnounce(deps, actor.orgId, (tx, announce) => proposeRolloutValues({ db: tx, clock: deps.clock }, actor.orgId, announce));
}

/** The rollout objectives with each key result's figure, value and latest proposal (newest cycle first). */
export async function listRolloutObjectives(db: Executor, actor: Actor) {
  authorizeRollout(actor);
  const rows = await rolloutRows(db, actor.orgId);
  const ids = rows.map((r) => r.keyResultId);
  const proposals =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(checkInProposals)
          .where(and(eq(checkInProposals.orgId, actor.orgId), inArray(checkInProposals.keyResultId, ids)))
          .orderBy(desc(checkInProposals.createdAt));
  const byObjective = new Map<string, { objectiveId: string; title: string; status: string; cycleId: string; cycleName: string }>();
  for (const r of rows) byObjective.set(r.objectiveId, r);
  return [...byObjective.values()].map((o) => ({
    objectiveId: o.objectiveId,
    title: o.title,
    status: o.status,
    cycleId: o.cycleId,
    cycleName: o.cycleName,
    keyResults: rows
      .filter((r) => r.objectiveId === o.objectiveId)
      .map((r) => {
        const latest = proposals.find((p) => p.keyResultId === r.keyResultId);
        return {
          id: r.keyResultId,
          title: r.keyResultTitle,
          figure: r.figure,
          unit: r.unit,
          currentValue: r.currentValue,
          latest: latest ? { value: latest.value, asOf: latest.asOf, source: latest.source, status: latest.status } : null,
        };
      }),
  }));
}
