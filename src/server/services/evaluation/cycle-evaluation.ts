import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles } from '../../../db/schema/index.js';
import { brierBy, brierScore, cycleMidpoint, reliability, type Calibration } from '../../../domain/calibration.js';
import { scoreBands, summariseObjectives, tooSafe } from '../../../domain/evaluation.js';
import { requireCycle } from '../okrs/cycles.js';
import { organizationToday } from '../okrs/organization-today.js';
import { keyResultFigures, type KeyResultFigures } from './evaluation-figures.js';
import { cycleHeadlines } from './previous-cycles.js';
import type { Reader } from '../visibility/objective-visible.js';

type Cycle = typeof cycles.$inferSelect;

const withNames = (calibrations: Map<string, Calibration>, names: Map<string, string | null>) =>
  [...calibrations].map(([id, calibration]) => ({ id, name: names.get(id) ?? null, ...calibration }));

/** The numbers of one cycle (for one team when given) from its rows. */
function evaluate(cycle: Cycle, rows: KeyResultFigures[]) {
  const objectives = [...new Map(rows.map((row) => [row.objectiveId, { type: row.objectiveType, score: row.objectiveScore }])).values()];
  const keyResults = rows.map((row) => ({ objectiveType: row.objectiveType, score: row.krScore }));
  const punctuality = rows.reduce((sum, row) => ({ due: sum.due + row.due, onTime: sum.onTime + row.onTime }), { due: 0, onTime: 0 });
  const forecasts = rows
    .filter((row) => row.midpointConfidence !== null)
    .map((row) => ({ ...row, confidence: row.midpointConfidence!, finalScore: row.krScore }));
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    final: cycle.status === 'closed',
    committed: summariseObjectives(objectives, 'committed'),
    aspirational: summariseObjectives(objectives, 'aspirational'),
    keyResultBands: scoreBands(keyResults),
    tooSafe: tooSafe(keyResults),
    checkIns: {
      ...punctuality,
      onTimeShare: punctuality.due === 0 ? null : Math.round((punctuality.onTime / punctuality.due) * 10_000) / 10_000,
    },
    calibration: {
      cycle: brierScore(forecasts),
      midpoint: cycleMidpoint(cycle.startDate, cycle.endDate),
      byPerson: withNames(
        brierBy(forecasts, (f) => f.ownerId),
        new Map(rows.map((row) => [row.ownerId ?? '', row.ownerName])),
      ),
      byTeam: withNames(
        brierBy(forecasts, (f) => f.teamId),
        new Map(rows.map((row) => [row.teamId ?? '', row.teamName])),
      ),
      reliability: reliability(forecasts),
    },
  };
}

const PREVIOUS_CYCLES = 3;

/**
 * GET /cycles/{id}/evaluation: how the cycle ended (for one team when `teamId` is given), with the same headline
 * numbers for up to three earlier cycles of the same team (or organisation) to compare with.
 */
export async function cycleEvaluation(db: Executor, reader: Reader, cycleId: string, now: Date, teamId?: string) {
  const { orgId } = reader;
  const cycle = await requireCycle(db, orgId, cycleId);
  const today = await organizationToday(db, orgId, now);
  const earlier = await db
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), lt(cycles.startDate, cycle.startDate)))
    .orderBy(desc(cycles.startDate))
    .limit(PREVIOUS_CYCLES);
  // Earlier cycles are summed by the database (only their headline numbers are compared; those without published
  // key results are left out), on a second connection of the server's pool while this cycle's rows are read.
  const [rows, headlines] = await Promise.all([
    keyResultFigures(db, reader, cycle.id, today, teamId),
    cycleHeadlines(
      db,
      reader,
      earlier.map((c) => c.id),
      today,
      teamId,
    ),
  ]);
  const current = evaluate(cycle, rows);
  const previous = earlier.flatMap((c) => {
    const headline = headlines.get(c.id);
    return headline ? [{ ...headline, cycleName: c.name }] : [];
  });
  return { ...current, teamId: teamId ?? null, previous };
}
