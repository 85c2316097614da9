import { and, desc, eq, sql } from 'drizzle-orm';
import { computeGraphProgress, type KeyResultProgress } from '../../../domain/index.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { alignments, checkIns, keyResults } from '../../../db/schema/index.js';
import { statusAnnouncements, type StatusAnnouncement } from '../../../domain/webhooks/status-announcements.js';
import { readEndpoints, subscribedEndpoints } from '../webhooks/queue-events.js';
import { marginsOf, queueStatusEvents, todayOf } from '../webhooks/status-events.js';
import { currentWriteClock } from '../write-clock.js';
import { loadAncestry, type Ancestry, type AncestryKeyResult } from './ancestry.js';
import { measureOf, milestonesWithState, type CheckInState } from './measure.js';

// Below this a recomputed value is float noise (items summed in another order), not a change.
const CHANGED = 1e-12;

export type LatestCheckIn = CheckInState & Pick<typeof checkIns.$inferSelect, 'asOf' | 'confidence'>;

/** A key result's latest check-in by `asOf`, the newest entry on a tie; null before the first. */
export async function latestCheckIn(tx: Executor, keyResultId: string): Promise<LatestCheckIn | null> {
  const [latest] = await tx
    .select({ asOf: checkIns.asOf, value: checkIns.value, milestonesDone: checkIns.milestonesDone, confidence: checkIns.confidence })
    .from(checkIns)
    .where(and(eq(checkIns.keyResultId, keyResultId), eq(checkIns.deleted, false)))
    .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt))
    .limit(1);
  return latest ?? null;
}

/** The state a key result's stored columns already hold (its latest check-in, as last applied). */
const storedState = (kr: AncestryKeyResult): CheckInState => ({
  value: kr.currentValue,
  milestonesDone: kr.milestones?.map((m) => m.done) ?? null,
});

/**
 * The objectives whose progress status left the one last announced, compared on the write's "today"
 * (write-clock.ts); none when the write has no clock (imports, seeding), which the daily job catches up.
 */
function announcementsOf(ancestry: Ancestry, progressOf: (id: string) => number): StatusAnnouncement[] {
  const clock = currentWriteClock();
  if (!clock || !ancestry.org) return [];
  return statusAnnouncements(ancestry.statusFacts, progressOf, todayOf(ancestry.org, clock()), marginsOf(ancestry.org));
}

interface Measured {
  id: string;
  latest: LatestCheckIn | null;
}

/**
 * Brings the ancestry of some objectives up to date in two round trips: one read (loadAncestry),
 * the method in memory (the domain's computeGraphProgress over that part of the graph), and one
 * statement writing every row that moved. `measured` is a key result whose latest check-in
 * changed: its value columns are rewritten too. Answers the recomputed key results.
 */
async function rollUp(
  tx: Executor,
  from: { objectiveIds?: string[]; keyResultIds?: string[] },
  measured?: Measured,
): Promise<ReadonlyMap<string, KeyResultProgress>> {
  const ancestry = await loadAncestry(tx, from);
  const stale = new Set(ancestry.stale);
  const given = new Map(ancestry.objectives.filter((o) => !stale.has(o.id)).map((o) => [o.id, o.progress]));
  const result = computeGraphProgress(
    ancestry.objectives,
    ancestry.keyResults.map((kr) => ({ ...kr, measure: measureOf(kr, kr.id === measured?.id ? measured.latest : storedState(kr)) })),
    ancestry.alignments,
    { given },
  );
  const movedObjectives = ancestry.objectives.filter(
    (o) => stale.has(o.id) && Math.abs(result.objectives.get(o.id)! - o.progress) >= CHANGED,
  );
  const movedKeyResults = ancestry.keyResults.filter((kr) => {
    const now = result.keyResults.get(kr.id)!;
    return (
      kr.id !== measured?.id && (Math.abs(now.progress - kr.progress) >= CHANGED || Math.abs(now.achievement - kr.achievement) >= CHANGED)
    );
  });
  const target = ancestry.keyResults.find((kr) => kr.id === measured?.id);
  const announcements = announcementsOf(ancestry, (id) => result.objectives.get(id)!);
  if (!target && movedObjectives.length === 0 && movedKeyResults.length === 0 && announcements.length === 0) return result.keyResults;

  const progressOf = (id: string) => result.keyResults.get(id)!;
  // One statement: data-modifying CTEs all run, each on rows the others do not touch.
  const targetUpdate = target
    ? sql`, target as (${tx
        .update(keyResults)
        .set({
          ...progressOf(target.id),
          currentValue: target.kind === 'metric' || target.kind === 'threshold' ? (measured!.latest?.value ?? null) : null,
          milestones: target.kind === 'milestone' ? milestonesWithState(target.milestones ?? [], measured!.latest) : target.milestones,
          lastCheckInDate: measured!.latest?.asOf ?? null,
          confidence: measured!.latest?.confidence ?? null,
        })
        .where(eq(keyResults.id, target.id))
        .getSQL()})`
    : sql``;
  // One update per objective row (two CTEs updating the same row would leave one of them undone): new
  // progress where it moved, the new announced status where it changed, each kept otherwise.
  const touched = [...new Set([...movedObjectives.map((o) => o.id), ...announcements.map((a) => a.id)])];
  const progressColumn = touched.map((id) => (movedObjectives.some((o) => o.id === id) ? result.objectives.get(id)! : null));
  const announcementOf = (id: string) => announcements.find((a) => a.id === id);
  const announced = announcements.some((a) => a.announce);
  // Only when a status moved are the subscribed endpoints read, and in this same statement.
  const [written] = await queryRows<{ endpoints: unknown }>(
    tx,
    sql`with moved_krs as (
      update key_results k set progress = v.progress, achievement = v.achievement
      from unnest(${pgArray(movedKeyResults.map((k) => k.id))}::uuid[], ${pgArray(movedKeyResults.map((k) => progressOf(k.id).progress))}::float8[],
        ${pgArray(movedKeyResults.map((k) => progressOf(k.id).achievement))}::float8[]) v(id, progress, achievement)
      where k.id = v.id
    ), moved_objectives as (
      update objectives o set progress = coalesce(v.progress, o.progress),
        announced_status = case when v.restate then v.status else o.announced_status end
      from unnest(${pgArray(touched)}::uuid[], ${pgArray(progressColumn)}::float8[],
        ${pgArray(touched.map((id) => Boolean(announcementOf(id))))}::bool[], ${pgArray(touched.map((id) => announcementOf(id)?.to ?? null))}::text[])
        v(id, progress, restate, status)
      where o.id = v.id
    )${targetUpdate}
    select ${announced ? subscribedEndpoints(ancestry.org!.id, ['objective.status_changed']) : sql`null`} as endpoints`,
  );
  if (announced) await queueStatusEvents(tx, ancestry.org!.id, announcements, readEndpoints(written?.endpoints), currentWriteClock()!());
  return result.keyResults;
}

/**
 * Recomputes one key result from its latest check-in (or its aligned objectives, for a rollup),
 * stores it, and carries the change up through its objective and every ancestor. `latest` saves
 * the read when the caller knows it. Returns the key result's new progress.
 */
export async function refreshKeyResult(tx: Executor, keyResultId: string, latest?: LatestCheckIn | null): Promise<number | undefined> {
  const measured = { id: keyResultId, latest: latest === undefined ? await latestCheckIn(tx, keyResultId) : latest };
  const result = await rollUp(tx, { keyResultIds: [keyResultId] }, measured);
  return result.get(keyResultId)?.progress;
}

export interface NumericLatest {
  id: string;
  value: number;
  asOf: string;
}

/**
 * Metric or threshold key results that each got a new latest check-in without a confidence (values followed from
 * their KPIs): their value columns in one statement, then one roll-up carries them all to the top together.
 */
export async function refreshNumericKeyResults(tx: Executor, latest: readonly NumericLatest[]): Promise<void> {
  if (latest.length === 0) return;
  await tx.execute(sql`update key_results k set current_value = v.value, last_check_in_date = v.as_of, confidence = null
    from unnest(${pgArray(latest.map((l) => l.id))}::uuid[], ${pgArray(latest.map((l) => l.value))}::float8[],
      ${pgArray(latest.map((l) => l.asOf))}::date[]) v(id, value, as_of)
    where k.id = v.id`);
  await rollUp(tx, { keyResultIds: latest.map((l) => l.id) });
}

/** Recomputes an objective (and its rollup key results) and everything above it. */
export async function refreshObjective(tx: Executor, objectiveId: string): Promise<void> {
  await rollUp(tx, { objectiveIds: [objectiveId] });
}

/** Recomputes many objectives at once from their key results' stored state (e.g. after an import wrote them). */
export async function refreshObjectives(tx: Executor, objectiveIds: string[]): Promise<void> {
  if (objectiveIds.length > 0) await rollUp(tx, { objectiveIds });
}

export interface ParentRef {
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
}

export const parentsOf = (tx: Executor, objectiveId: string): Promise<ParentRef[]> =>
  tx
    .select({ parentObjectiveId: alignments.parentObjectiveId, parentKeyResultId: alignments.parentKeyResultId })
    .from(alignments)
    .where(eq(alignments.childObjectiveId, objectiveId));

/** Recomputes the given parents, e.g. after the child that fed them was unlinked or deleted. */
export async function refreshParents(tx: Executor, refs: ParentRef[]): Promise<void> {
  if (refs.length === 0) return;
  await rollUp(tx, {
    objectiveIds: refs.flatMap((r) => (r.parentObjectiveId ? [r.parentObjectiveId] : [])),
    keyResultIds: refs.flatMap((r) => (r.parentKeyResultId ? [r.parentKeyResultId] : [])),
  });
}
