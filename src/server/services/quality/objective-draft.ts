import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { CADENCE_DAYS, expectedProgress, type CheckInCadence } from '../../../domain/index.js';
import type { DraftObjective, QualityContext } from '../../../domain/quality/index.js';
import type { Executor } from '../../../db/database.js';
import { alignments, checkIns, cycles, keyResults, objectives, teamMembers, teams } from '../../../db/schema/index.js';
import { alignedTo } from '../okrs/find-objectives.js';

type ObjectiveRow = typeof objectives.$inferSelect;
/** Company: no team. Individual: owned by someone who does not lead the team. Team: the rest. */
async function levelOf(db: Executor, o: Pick<ObjectiveRow, 'teamId' | 'ownerId'>): Promise<DraftObjective['level']> {
  if (!o.teamId) return 'company';
  if (!o.ownerId) return 'team';
  const [membership] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, o.teamId), eq(teamMembers.userId, o.ownerId)));
  return membership && membership.role !== 'lead' ? 'individual' : 'team';
}

/**
 * What the quality coach needs about one cycle for any objective in it: how many objectives
 * each owner holds, the share of aspirational ones, and which cycle of the organisation this is.
 */
export async function cycleQualityContext(
  db: Executor,
  orgId: string,
  cycleId: string,
  extra: { ownerId?: string | null; type?: string } = {},
) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)));
  if (!cycle) return {};
  const rows = await db
    .select({ ownerId: objectives.ownerId, type: objectives.type })
    .from(objectives)
    .where(and(eq(objectives.cycleId, cycleId), sql`${objectives.status} <> 'archived'`));
  const all = [...rows, ...(extra.type ? [{ ownerId: extra.ownerId ?? null, type: extra.type }] : [])];
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), sql`${cycles.startDate} <= ${cycle.startDate}`))) as [{ n: number }];
  return {
    cycleNumber: n,
    cycleAspirationalShare: all.length ? all.filter((o) => o.type === 'aspirational').length / all.length : 0,
    ownerObjectiveCount: extra.ownerId ? all.filter((o) => o.ownerId === extra.ownerId).length : undefined,
  };
}

/** A stored objective as the coach's draft, with the cycle context and today's date. */
export async function draftOfObjective(
  db: Executor,
  objective: ObjectiveRow,
  today: string,
  /** Only what the kept part of the score reads (partial-score.ts): no cycle-wide counts, no latest note. */
  options: { storedRulesOnly?: boolean } = {},
): Promise<{ draft: DraftObjective; context: QualityContext }> {
  const wide = !options.storedRulesOnly;
  const krs = await db.select().from(keyResults).where(eq(keyResults.objectiveId, objective.id)).orderBy(asc(keyResults.position));
  const [{ parents }] = (await db
    .select({ parents: sql<number>`count(*)::int` })
    .from(alignments)
    .where(eq(alignments.childObjectiveId, objective.id))) as [{ parents: number }];
  const children = await db
    .select({ id: objectives.id })
    .from(objectives)
    .where(alignedTo(db, objective.orgId, [objective.id]));
  const [team] = objective.teamId ? await db.select().from(teams).where(eq(teams.id, objective.teamId)) : [];
  const [latest] =
    wide && krs.length
      ? await db
          .select({ note: checkIns.note })
          .from(checkIns)
          .where(
            and(
              inArray(
                checkIns.keyResultId,
                krs.map((k) => k.id),
              ),
              eq(checkIns.deleted, false),
            ),
          )
          .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt))
          .limit(1)
      : [];
  const cycleContext = wide ? await cycleQualityContext(db, objective.orgId, objective.cycleId, {}) : {};
  const [cycle] = await db.select().from(cycles).where(eq(cycles.id, objective.cycleId));
  const owned =
    wide && objective.ownerId
      ? (
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(objectives)
            .where(and(eq(objectives.cycleId, objective.cycleId), eq(objectives.ownerId, objective.ownerId)))
        )[0]?.n
      : undefined;
  const draft: DraftObjective = {
    id: objective.id,
    title: objective.title,
    description: objective.description ?? undefined,
    whyImportant: objective.whyImportant ?? undefined,
    whyUrgent: objective.whyUrgent ?? undefined,
    ownerId: objective.ownerId,
    teamId: objective.teamId,
    level: await levelOf(db, objective),
    type: objective.type,
    // A closed cycle freezes its objectives: the coach treats them as closed and stops nagging.
    status: cycle?.status === 'closed' ? 'closed' : objective.status,
    progressDriver: objective.progressDriver,
    alignedChildCount: children.length,
    parentCount: parents,
    standaloneReason: objective.standaloneReason,
    progress: objective.progress,
    // Over the objective's own window: a just-published objective is expected at 0 %, so 0 % is no finding.
    // Drafts and frozen objectives have no pace at all.
    expectedProgress:
      cycle && cycle.status !== 'closed' && objective.status === 'active'
        ? expectedProgress(cycle, today, objective.effectiveStartDate)
        : undefined,
    latestNote: latest?.note ?? null,
    keyResults: krs.map((kr) => ({
      id: kr.id,
      title: kr.title,
      kind: kr.kind,
      unit: kr.unit ?? undefined,
      startValue: kr.startValue,
      targetValue: kr.targetValue,
      targetMin: kr.targetMin,
      targetMax: kr.targetMax,
      milestones: kr.milestones ?? undefined,
      ownerId: kr.ownerId,
      lastCheckInDate: kr.lastCheckInDate,
      createdDate: kr.createdAt.toISOString().slice(0, 10),
      dataReadiness: kr.dataReadiness ?? undefined,
    })),
  };
  const cadence = (team?.checkInCadence ?? 'weekly') as CheckInCadence;
  return { draft, context: { ...cycleContext, ownerObjectiveCount: owned, asOf: today, cadenceDays: CADENCE_DAYS[cadence] } };
}
