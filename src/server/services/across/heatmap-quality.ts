import { and, eq, sql } from 'drizzle-orm';
import { CADENCE_DAYS } from '../../../domain/stale.js';
import { penaltyOfRules, scoredRules, scoreOfParts } from '../../../domain/quality/partial-score.js';
import type { DraftKeyResult, DraftObjective, QualityContext, QualityPrinciples } from '../../../domain/quality/index.js';
import type { Database } from '../../../db/database.js';
import { cycles, objectives, teams } from '../../../db/schema/index.js';
import { storeQualityScores } from '../quality/stored-score.js';
import type { PaceContext } from './cycle-facts.js';
import type { HeatmapObjectiveFacts } from './heatmap-facts.js';

type CycleRow = typeof cycles.$inferSelect;

/**
 * What the read-time rules need of the whole cycle, counted as draftOfObjective counts it, and each team's check-in
 * cadence: read beside the objectives' facts.
 */
export async function cycleQualityCounts(db: Database, orgId: string, cycle: CycleRow) {
  const [groups, [number], cadences] = await Promise.all([
    db
      .select({ ownerId: objectives.ownerId, type: objectives.type, status: objectives.status, n: sql<number>`count(*)::int` })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycle.id)))
      .groupBy(objectives.ownerId, objectives.type, objectives.status),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cycles)
      .where(and(eq(cycles.orgId, orgId), sql`${cycles.startDate} <= ${cycle.startDate}`)),
    db.select({ id: teams.id, cadence: teams.checkInCadence }).from(teams).where(eq(teams.orgId, orgId)),
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
  const cadenceOf = new Map(cadences.map((t) => [t.id, t.cadence]));
  return { owned, share: live ? aspirational / live : 0, cycleNumber: number?.n ?? 1, cadenceOf };
}

export type CycleQualityCounts = Awaited<ReturnType<typeof cycleQualityCounts>>;

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
  facts: readonly HeatmapObjectiveFacts[],
  counts: CycleQualityCounts,
  pace: PaceContext,
  principles: QualityPrinciples,
): Promise<Map<string, number>> {
  const kept = new Map<string, number>();
  for (const f of facts) if (f.keptPenalty !== null) kept.set(f.id, f.keptPenalty);
  const missing = facts.filter((f) => f.keptPenalty === null).map((f) => f.id);
  for (const [id, penalty] of await storeQualityScores(db, orgId, missing, principles)) kept.set(id, penalty);
  const closed = cycle.status === 'closed';
  const rules = scoredRules(principles, 'read');
  const scores = new Map<string, number>();
  for (const f of facts) {
    const draft: DraftObjective = {
      title: '', // no read-time rule reads the title (partial-score.ts): 12,500 titles are not fetched for nothing
      ownerId: f.ownerId,
      teamId: f.teamId,
      level: 'team',
      type: f.type,
      status: closed ? 'closed' : f.status,
      progressDriver: f.progressDriver,
      alignedChildCount: 0,
      parentCount: 0,
      keyResults: f.keyResultKinds.map((kind, i): DraftKeyResult => ({
        title: '',
        kind,
        lastCheckInDate: f.lastCheckInDates[i] ?? null,
        createdDate: f.createdDates[i],
      })),
      progress: f.progress,
      expectedProgress: !closed && f.status === 'active' ? pace.pace(f).expectedProgress : undefined,
      latestNote: f.latestNote,
    };
    const context: QualityContext = {
      asOf: pace.date,
      cadenceDays: CADENCE_DAYS[counts.cadenceOf.get(f.teamId) || 'weekly'],
      ownerObjectiveCount: f.ownerId ? counts.owned.get(f.ownerId) : undefined,
      cycleAspirationalShare: counts.share,
      cycleNumber: counts.cycleNumber,
    };
    scores.set(f.id, scoreOfParts(kept.get(f.id) ?? 0, penaltyOfRules(rules, draft, context, principles)));
  }
  return scores;
}
