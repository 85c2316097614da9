import { and, eq, sql } from 'drizzle-orm';
import { daysBetween, isValidIsoDate } from '../../../domain/dates.js';
import { scoredRules, scoreOfParts } from '../../../domain/quality/partial-score.js';
import { readTimeCounters, readTimePenalty, type ReadTimeContext } from '../../../domain/quality/read-time-counts.js';
import type { QualityPrinciples } from '../../../domain/quality/index.js';
import { CADENCE_DAYS } from '../../../domain/stale.js';
import type { CheckInCadence } from '../../../domain/vocabulary.js';
import type { Database } from '../../../db/database.js';
import { cycles, objectives } from '../../../db/schema/index.js';
import { storeQualityScores } from '../quality/stored-score.js';
import type { PaceContext } from './cycle-facts.js';
import type { KeptObjectiveFacts } from './heatmap-facts.js';

type CycleRow = typeof cycles.$inferSelect;

/**
 * What the read-time rules need of the whole cycle, counted as draftOfObjective counts it: the owners holding more
 * objectives than the principles allow (every status and level counts), the share of aspirational objectives among
 * those not archived, and the cycle's number. One pass over the cycle's objectives (grouping sets: per owner, and all).
 */
export async function cycleQualityCounts(db: Database, orgId: string, cycle: CycleRow, principles: QualityPrinciples) {
  const [groups, [number]] = await Promise.all([
    db
      .select({
        ownerId: objectives.ownerId,
        all: sql<number>`grouping(${objectives.ownerId})`,
        n: sql<number>`count(*)::int`,
        live: sql<number>`(count(*) filter (where ${objectives.status} <> 'archived'))::int`,
        aspirational: sql<number>`(count(*) filter (where ${objectives.status} <> 'archived' and ${objectives.type} = 'aspirational'))::int`,
      })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycle.id)))
      .groupBy(sql`grouping sets ((${objectives.ownerId}), ())`)
      .having(sql`grouping(${objectives.ownerId}) = 1 or count(*) > ${principles.maxObjectivesPerOwner}`),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cycles)
      .where(and(eq(cycles.orgId, orgId), sql`${cycles.startDate} <= ${cycle.startDate}`)),
  ]);
  const overloaded = new Map<string, number>();
  let live = 0;
  let aspirational = 0;
  for (const g of groups) {
    if (g.all === 1) ({ live, aspirational } = g);
    else if (g.ownerId) overloaded.set(g.ownerId, g.n);
  }
  return { overloaded, share: live ? aspirational / live : 0, cycleNumber: number?.n ?? 1 };
}

export type CycleQualityCounts = Awaited<ReturnType<typeof cycleQualityCounts>>;

/**
 * Each objective's quality score as the coach gives it on the pace date: the part kept on write, plus the rules that
 * hinge on the date or the rest of the cycle, counted here (read-time-counts.ts, equal to the rules' findings). An
 * objective with no kept part yet (written before scores were kept, by an import, or after the principles changed)
 * is scored once here and kept.
 */
export async function heatmapQualityScores(
  db: Database,
  orgId: string,
  cycle: CycleRow,
  facts: readonly KeptObjectiveFacts[],
  counts: CycleQualityCounts,
  cadenceOf: Map<string, CheckInCadence>,
  pace: PaceContext,
  principles: QualityPrinciples,
): Promise<Map<string, number>> {
  const missing = facts.filter((f) => f.keptPenalty === null).map((f) => f.id);
  const stored = await storeQualityScores(db, orgId, missing, principles);
  const closed = cycle.status === 'closed';
  const counters = readTimeCounters(scoredRules(principles, 'read'));
  const asOfDay = isValidIsoDate(pace.date) ? daysBetween('1970-01-01', pace.date) : null;
  const scores = new Map<string, number>();
  for (const f of facts) {
    const tracked = !closed && f.status === 'active';
    // An owner within the limit: the rule reads their count only to compare it with the limit.
    const context: ReadTimeContext = {
      asOfDay,
      cadenceDays: CADENCE_DAYS[cadenceOf.get(f.teamId) || 'weekly'],
      ownerObjectiveCount: f.ownerId ? (counts.overloaded.get(f.ownerId) ?? 0) : undefined,
      cycleAspirationalShare: counts.share,
      cycleNumber: counts.cycleNumber,
    };
    const read = readTimePenalty(
      counters,
      {
        type: f.type,
        ownerId: f.ownerId,
        tracked,
        progress: f.progress,
        expectedProgress: tracked ? pace.pace(f).expectedProgress : undefined,
        latestNoteBlank: f.latestNoteBlank,
        checkInFromDays: f.checkInFromDays,
      },
      context,
      principles,
    );
    scores.set(f.id, scoreOfParts(f.keptPenalty ?? stored.get(f.id) ?? 0, read));
  }
  return scores;
}
