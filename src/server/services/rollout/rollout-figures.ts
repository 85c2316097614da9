import { and, desc, eq, ne } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { checkInProposals, cycles, keyResults, objectives, organizations, rolloutKeyResults } from '../../../db/schema/index.js';
import { addDays } from '../../../domain/dates.js';
import { rolloutValue, type RolloutFigure } from '../../../domain/rollout/rollout-objective.js';
import type { WeekFigures } from '../../../domain/adoption/index.js';
import { todayIn, type Clock } from '../../clock.js';
import { recordActivity } from '../activity.js';
import { adoptionFigures } from '../adoption/report.js';
import type { Announcer } from '../announce.js';
import { latestThemeScores } from '../surveys/theme-scores.js';

export interface FigureValue {
  value: number;
  /** Where it comes from, in words a person can check (the week and counts, or the survey and its responses). */
  source: string;
}

type Deps = { db: Executor; clock: Clock };

/** The organisation's figures today: adoption over the last four weeks (the latest week with data), and the latest surveys. */
export async function rolloutFigures(deps: Deps, orgId: string, today: string): Promise<Partial<Record<RolloutFigure, FigureValue>>> {
  const adoption = await adoptionFigures(deps, orgId, { from: addDays(today, -27), to: today });
  const weeks = adoption.organisation.weeks;
  const lastWith = (pick: (w: WeekFigures) => number | null) => [...weeks].reverse().find((w) => pick(w) !== null);
  const figures: Partial<Record<RolloutFigure, FigureValue>> = {};
  const onTime = lastWith((w) => w.onTimeCheckIns);
  if (onTime)
    figures.on_time_check_ins = {
      value: rolloutValue('on_time_check_ins', onTime.onTimeCheckIns!),
      source: `Cairn adoption figures: check-ins on time in the week of ${onTime.weekStart} (${onTime.counts.checkIns.count} of ${onTime.counts.checkIns.of})`,
    };
  const retros = lastWith((w) => w.retrospectiveCompletion);
  if (retros)
    figures.retrospective_completion = {
      value: rolloutValue('retrospective_completion', retros.retrospectiveCompletion!),
      source: `Cairn adoption figures: team retrospectives completed by the week of ${retros.weekStart} (${retros.counts.retrospectives.count} of ${retros.counts.retrospectives.of})`,
    };
  const themes = await latestThemeScores(deps.db, orgId);
  for (const [figure, theme, label] of [
    ['clarity', themes.clarity, 'clarity'],
    ['leadership_support', themes.leadership_support, 'leadership support'],
  ] as const) {
    const score = theme?.organisation;
    if (!theme || !score || score.average === null) continue;
    figures[figure] = {
      value: rolloutValue(figure, score.average),
      source: `Cairn pulse survey “${theme.source.title}” (opened ${theme.source.opensOn}): ${label}, ${score.responses} responses`,
    };
  }
  return figures;
}

/**
 * Proposes each rollout key result's current figure (open cycles, dated today inside the cycle), unless its latest
 * proposal already holds that value. Answers how many were proposed. Runs inside the caller's transaction.
 */
export async function proposeRolloutValues(deps: Deps, orgId: string, announce?: Announcer): Promise<number> {
  const links = await deps.db
    .select({ keyResultId: rolloutKeyResults.keyResultId, figure: rolloutKeyResults.figure, objectiveId: objectives.id, cycle: cycles })
    .from(rolloutKeyResults)
    .innerJoin(keyResults, and(eq(keyResults.orgId, rolloutKeyResults.orgId), eq(keyResults.id, rolloutKeyResults.keyResultId)))
    .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .where(and(eq(rolloutKeyResults.orgId, orgId), ne(cycles.status, 'closed')));
  if (links.length === 0) return 0;
  const [org] = await deps.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  const today = todayIn(org?.timeZone ?? 'UTC', deps.clock());
  const figures = await rolloutFigures(deps, orgId, today);
  let proposed = 0;
  for (const link of links) {
    const figure = figures[link.figure];
    if (!figure || today < link.cycle.startDate || today > link.cycle.endDate) continue;
    const [last] = await deps.db
      .select({ value: checkInProposals.value })
      .from(checkInProposals)
      .where(and(eq(checkInProposals.orgId, orgId), eq(checkInProposals.keyResultId, link.keyResultId)))
      .orderBy(desc(checkInProposals.createdAt))
      .limit(1);
    if (last?.value === figure.value) continue;
    const [proposal] = await deps.db
      .insert(checkInProposals)
      .values({ orgId, keyResultId: link.keyResultId, value: figure.value, asOf: today, source: figure.source })
      .returning();
    await recordActivity(deps.db, {
      orgId,
      actorId: null,
      action: 'check_in.proposed',
      entityType: 'key_result',
      entityId: link.keyResultId,
      after: proposal,
    });
    announce?.changed('check_in', link.keyResultId, link.objectiveId);
    proposed++;
  }
  return proposed;
}

/** The daily job: one run per organisation with a rollout objective, per its day. */
export async function dueRolloutFigures(db: Executor, now: Date, orgId?: string) {
  const rows = await db
    .selectDistinct({ orgId: rolloutKeyResults.orgId, timeZone: organizations.timeZone })
    .from(rolloutKeyResults)
    .innerJoin(organizations, eq(organizations.id, rolloutKeyResults.orgId))
    .where(orgId ? eq(rolloutKeyResults.orgId, orgId) : undefined);
  return rows.map((row) => ({
    key: `rollout-figures:${row.orgId}:${todayIn(row.timeZone, now)}`,
    run: async (tx: Transaction) => ({ proposed: await proposeRolloutValues({ db: tx, clock: () => now }, row.orgId) }),
  }));
}
