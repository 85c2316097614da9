import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';

/** The columns a replay and the reports built on it read. */
const objectiveColumns = {
  id: objectives.id,
  title: objectives.title,
  teamId: objectives.teamId,
  ownerId: objectives.ownerId,
  status: objectives.status,
  weight: objectives.weight,
  progressDriver: objectives.progressDriver,
  effectiveStartDate: objectives.effectiveStartDate,
};
export type HistoryObjective = Pick<typeof objectives.$inferSelect, keyof typeof objectiveColumns>;

/**
 * The objectives a history replays: the whole cycle, or — when only some teams are asked about — those teams'
 * objectives and, level by level, every objective of the cycle aligned into them (to them or to one of their key
 * results), since their progress rolls up from there. Objectives the viewer may not read are left out either way,
 * as the whole-cycle history does. A team's report then replays a few dozen objectives instead of the cycle.
 */
export async function historyObjectives(
  db: Executor,
  orgId: string,
  cycleId: string,
  visibleTo: Viewer | null,
  onlyTeams: readonly string[] | null,
) {
  const inCycle = (narrower: SQL | undefined): Promise<HistoryObjective[]> =>
    db
      .select(objectiveColumns)
      .from(objectives)
      .where(
        and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId), visibleTo ? objectiveVisibleTo(visibleTo) : undefined, narrower),
      );
  if (onlyTeams === null) return inCycle(undefined);
  if (onlyTeams.length === 0) return [];
  const found = await inCycle(inArray(objectives.teamId, [...onlyTeams]));
  const seen = new Set(found.map((o) => o.id));
  let frontier = [...seen];
  while (frontier.length > 0) {
    const frontierKeyResults = db
      .select({ id: keyResults.id })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, frontier)));
    const children = await db
      .selectDistinct({ id: alignments.childObjectiveId })
      .from(alignments)
      .where(
        and(
          eq(alignments.orgId, orgId),
          or(inArray(alignments.parentObjectiveId, frontier), inArray(alignments.parentKeyResultId, frontierKeyResults)),
        ),
      );
    const fresh = children.map((c) => c.id).filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    const rows = fresh.length ? await inCycle(inArray(objectives.id, fresh)) : [];
    found.push(...rows);
    frontier = rows.map((o) => o.id);
  }
  return found;
}
