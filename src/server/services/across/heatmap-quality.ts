import { and, eq, sql } from 'drizzle-orm';
import { CADENCE_DAYS } from '../../../domain/stale.js';
import { qualityPenalty, scoreOfParts } from '../../../domain/quality/partial-score.js';
import type { DraftKeyResult, DraftObjective, QualityContext, QualityPrinciples } from '../../../domain/quality/index.js';
import { queryRows, type Database } from '../../../db/database.js';
import { cycles, keyResults, objectiveQualityPenalties, objectives, teams } from '../../../db/schema/index.js';
import { storeQualityScores } from '../quality/stored-score.js';
import type { PaceContext } from './cycle-facts.js';

type ObjectiveRow = typeof objectives.$inferSelect;
type CycleRow = typeof cycles.$inferSelect;

/** The kept part of each objective's score in the cycle. */
async function keptPenalties(db: Database, orgId: string, cycleId: string) {
  const rows = await db
    .select({ id: objectiveQualityPenalties.objectiveId, penalty: objectiveQualityPenalties.penalty })
    .from(objectiveQualityPenalties)
    .innerJoin(
      objectives,
      and(eq(objectives.orgId, objectiveQualityPenalties.orgId), eq(objectives.id, objectiveQualityPenalties.objectiveId)),
    )
    .where(and(eq(objectiveQualityPenalties.orgId, orgId), eq(objectives.cycleId, cycleId)));
  return new Map(rows.map((r) => [r.id, r.penalty]));
}

/** What the read-time rules need of the whole cycle, counted as draftOfObjective counts it. */
async function cycleCounts(db: Database, orgId: string, cycle: CycleRow) {
  const [groups, [number]] = await Promise.all([
    db
      .select({ ownerId: objectives.ownerId, type: objectives.type, status: objectives.status, n: sql<number>`count(*)::int` })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycle.id)))
      .groupBy(objectives.ownerId, objectives.type, objectives.status),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cycles)
      .where(and(eq(cycles.orgId, orgId), sql`${cycles.startDate} <= ${cycle.startDate}`)),
  ]);
  const owned = new Map<string, number>();
  let live = 0;
  let aspirational = 0;
  for (const g of groups) {
    if (g.ownerId) owned.set(g.ownerId, (owned.get(g.ownerId) ?? 0) + g.n);
    if (g.status === 'archived') continue;
    live += g.n;
    if (g.type === 'aspirational') aspirational += g.n;
  }
  return { owned, share: live ? aspirational / live : 0, cycleNumber: number?.n ?? 1 };
}

/** Each objective's key results as the rhythm rules read them. */
async function keyResultsOf(db: Database, orgId: string, cycleId: string) {
  const rows = await db
    .select({
      objectiveId: keyResults.objectiveId,
      kind: keyResults.kind,
      lastCheckInDate: keyResults.lastCheckInDate,
      createdAt: keyResults.createdAt,
    })
    .from(keyResults)
    .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
    .where(and(eq(keyResults.orgId, orgId), eq(objectives.cycleId, cycleId)));
  const byObjective = new Map<string, DraftKeyResult[]>();
  for (const r of rows) {
    const kr: DraftKeyResult = {
      title: '',
      kind: r.kind,
      lastCheckInDate: r.lastCheckInDate,
      createdDate: r.createdAt.toISOString().slice(0, 10),
    };
    const list = byObjective.get(r.objectiveId);
    if (list) list.push(kr);
    else byObjective.set(r.objectiveId, [kr]);
  }
  return byObjective;
}

/**
 * The latest check-in note of each given objective (any of its key results): per key result the newest check-in
 * through its (key_result_id, as_of, created_at) index, then the newest of those, instead of sorting every check-in
 * of the objectives (a third of the cycle's objectives ask, 150,000 check-ins at scale 0.1).
 */
async function latestNotes(db: Database, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const rows = await queryRows<{ objectiveId: string; note: string | null }>(
    db,
    sql`select o.id as "objectiveId", (
        select x.note from key_results kr
        cross join lateral (
          select c.as_of, c.created_at, c.note from check_ins c
          where c.org_id = kr.org_id and c.key_result_id = kr.id and not c.deleted
          order by c.as_of desc, c.created_at desc limit 1
        ) x
        where kr.org_id = ${orgId} and kr.objective_id = o.id
        order by x.as_of desc, x.created_at desc limit 1
      ) as note
    from unnest(array[${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]) as o(id)`,
  );
  return new Map(rows.map((r) => [r.objectiveId, r.note]));
}

/**
 * Each objective's quality score as the coach gives it on the pace date: the part kept on write, plus the rules that
 * hinge on the date or the rest of the cycle, run here for the whole cycle in a handful of queries. An objective with
 * no kept part yet (written before scores were kept, by an import, or after the principles changed) is scored once
 * here and kept.
 */
export async function heatmapQualityScores(
  db: Database,
  orgId: string,
  cycle: CycleRow,
  rows: readonly ObjectiveRow[],
  pace: PaceContext,
  principles: QualityPrinciples,
): Promise<Map<string, number>> {
  const [kept, counts, krs, cadences] = await Promise.all([
    keptPenalties(db, orgId, cycle.id),
    cycleCounts(db, orgId, cycle),
    keyResultsOf(db, orgId, cycle.id),
    db.select({ id: teams.id, cadence: teams.checkInCadence }).from(teams).where(eq(teams.orgId, orgId)),
  ]);
  const missing = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  for (const [id, penalty] of await storeQualityScores(db, orgId, missing, principles)) kept.set(id, penalty);
  const cadenceOf = new Map(cadences.map((t) => [t.id, t.cadence]));
  const closed = cycle.status === 'closed';
  const drafts = rows.map((row) => {
    const draft: DraftObjective = {
      title: row.title,
      ownerId: row.ownerId,
      teamId: row.teamId,
      level: 'team',
      type: row.type,
      status: closed ? 'closed' : row.status,
      progressDriver: row.progressDriver,
      alignedChildCount: 0,
      parentCount: 0,
      keyResults: krs.get(row.id) ?? [],
      progress: row.progress,
      expectedProgress: !closed && row.status === 'active' ? pace.pace(row).expectedProgress : undefined,
    };
    const context: QualityContext = {
      asOf: pace.date,
      cadenceDays: CADENCE_DAYS[(row.teamId && cadenceOf.get(row.teamId)) || 'weekly'],
      ownerObjectiveCount: row.ownerId ? counts.owned.get(row.ownerId) : undefined,
      cycleAspirationalShare: counts.share,
      cycleNumber: counts.cycleNumber,
    };
    return { id: row.id, draft, context };
  });
  const readPenalty = (d: (typeof drafts)[number], latestNote: string | null) =>
    qualityPenalty({ ...d.draft, latestNote }, d.context, principles, 'read');
  // Only a committed objective behind pace reads its latest note: fetch the notes of those alone.
  const noteMatters = drafts.filter((d) => readPenalty(d, null) !== readPenalty(d, 'noted'));
  const notes = await latestNotes(
    db,
    orgId,
    noteMatters.map((d) => d.id),
  );
  return new Map(drafts.map((d) => [d.id, scoreOfParts(kept.get(d.id) ?? 0, readPenalty(d, notes.get(d.id) ?? null))]));
}
