import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { hideOtherNames, rankLeaderboard, sameMomentIn, type LeaderboardTeam } from '../../../domain/across/leaderboard.js';
import { shiftDate } from '../../../domain/zoned-time.js';
import type { Database } from '../../../db/database.js';
import { cycles, objectives, teamMembers } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { mayManageLeaderboard } from '../../policies/strategy.js';
import { cycleChanges } from '../review-rhythm/changes.js';
import { readStrategy } from '../strategy/narrative.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';
import { cycleHeatmap } from './heatmap.js';

type CycleRow = typeof cycles.$inferSelect;

/** The cycle that ended last before this one began: what "improvement" compares with. */
async function previousCycle(db: Database, orgId: string, cycle: CycleRow) {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), lt(cycles.endDate, cycle.startDate), isNull(cycles.archivedAt)))
    .orderBy(desc(cycles.endDate))
    .limit(1);
  return row ?? null;
}

/** Each team's pace gap at the same share of the previous cycle, from that cycle's history. */
async function previousPaceGaps(db: Database, actor: Actor, cycle: CycleRow, date: string, now: Date) {
  const previous = await previousCycle(db, actor.orgId, cycle);
  if (!previous) return new Map<string, number>();
  const then = await cycleHeatmap(db, actor, previous, { now, asOf: sameMomentIn(cycle, previous, date) });
  return new Map(then.departments.flatMap((d) => d.teams.map((t) => [t.teamId, t.paceGap] as const)));
}

/** Key results that reached their target in the last seven days, among objectives the viewer may read. */
async function winsOfTheWeek(db: Database, actor: Actor, cycle: CycleRow, date: string) {
  const to = date < cycle.endDate ? date : cycle.endDate;
  const from = [shiftDate(to, -7), cycle.startDate].sort().at(-1)!;
  if (to < cycle.startDate) return [];
  const reached = (await cycleChanges(db, actor, cycle.id, { from, to })).items.filter(
    (c) => c.kind === 'moved_up' && typeof c.after === 'number' && c.after >= 1 && c.keyResultId,
  );
  if (reached.length === 0) return [];
  const visible = await db
    .select({ id: objectives.id, teamId: objectives.teamId })
    .from(objectives)
    .where(
      and(
        eq(objectives.orgId, actor.orgId),
        inArray(objectives.id, [...new Set(reached.map((c) => c.objectiveId))]),
        objectiveVisibleTo(actor),
      ),
    );
  const teamOf = new Map(visible.map((o) => [o.id, o.teamId]));
  return reached
    .filter((c) => teamOf.has(c.objectiveId))
    .map((c) => ({
      objectiveId: c.objectiveId,
      objectiveTitle: c.objectiveTitle,
      keyResultId: c.keyResultId!,
      keyResultTitle: c.keyResultTitle ?? '',
      teamId: teamOf.get(c.objectiveId) ?? null,
    }));
}

/**
 * GET /cycles/{id}/leaderboard: teams ranked by the organisation's chosen measure, with the week's wins. When the
 * leaderboard is off it is not found for anyone but the admins who may turn it back on; with names hidden, other
 * teams' names and ids never leave the server.
 */
export async function cycleLeaderboard(db: Database, actor: Actor, cycle: CycleRow, now: Date) {
  const settings = await readStrategy(db, actor.orgId);
  const manage = mayManageLeaderboard(actor);
  if (!settings.leaderboardEnabled && !manage) throw notFound('The leaderboard (an admin has turned it off)');
  const settingsView = {
    enabled: settings.leaderboardEnabled,
    measure: settings.leaderboardMeasure,
    hideNames: settings.leaderboardHideNames,
  };
  const heatmap = await cycleHeatmap(db, actor, cycle, { now });
  const previous =
    settings.leaderboardMeasure === 'improvement' ? await previousPaceGaps(db, actor, cycle, heatmap.asOf, now) : new Map<string, number>();
  const teams: LeaderboardTeam[] = heatmap.departments.flatMap((d) =>
    d.teams.map((t) => ({
      teamId: t.teamId,
      name: t.name,
      paceGap: t.paceGap,
      onTimeShare: t.checkIns.onTimeShare,
      previousPaceGap: previous.get(t.teamId) ?? null,
    })),
  );
  const ranked = rankLeaderboard(teams, settings.leaderboardMeasure);
  const own = new Set(
    (await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, actor.userId))).map((r) => r.teamId),
  );
  const entries = (settings.leaderboardHideNames ? hideOtherNames(ranked, own) : ranked).map((e) => ({ ...e, yours: own.has(e.teamId) }));
  const named = (teamId: string | null) => teamId !== null && (!settings.leaderboardHideNames || own.has(teamId));
  const wins = (await winsOfTheWeek(db, actor, cycle, heatmap.asOf)).map((w) => ({
    ...w,
    teamId: named(w.teamId) ? w.teamId : null,
    teamName: named(w.teamId) ? (teams.find((t) => t.teamId === w.teamId)?.name ?? null) : null,
  }));
  return { cycleId: cycle.id, asOf: heatmap.asOf, settings: settingsView, entries, wins, can: { manage } };
}
