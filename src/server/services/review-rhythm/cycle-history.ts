import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  graphRollup,
  DEFAULT_STATUS_MARGINS,
  valueAsOf,
  type CheckInCadence,
  type GraphProgress,
  type GraphRollup,
  type StatusMargins,
} from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import type { Viewer } from '../visibility/objective-visible.js';
import { alignments, cycles, organizations, teams } from '../../../db/schema/index.js';
import { measureOf } from '../okrs/measure.js';
import { anyUuid, trailCheckIns, windowCheckIns, type CheckInSpan, type CheckInValues, type HistoryCheckIn } from './history-check-ins.js';
import { historyDates, type HistoryDates } from './history-dates.js';
import { historyKeyResults, rolledUpKeyResults, type HistoryKeyResult } from './history-key-results.js';
import { historyObjectiveIds, historyObjectives, type HistoryObjective } from './history-objectives.js';

export type { HistoryCheckIn } from './history-check-ins.js';

type CycleRow = typeof cycles.$inferSelect;
export type { HistoryObjective } from './history-objectives.js';
export type { HistoryKeyResult } from './history-key-results.js';
export interface CycleHistory {
  cycle: CycleRow;
  timeZone: string;
  margins: StatusMargins;
  objectives: HistoryObjective[];
  keyResults: HistoryKeyResult[];
  checkInsOf: Map<string, HistoryCheckIn[]>;
  cadenceOf: Map<string, CheckInCadence>;
  alignments: { childObjectiveId: string; parentObjectiveId: string | null; parentKeyResultId: string | null }[];
  /** Whose reading the history is limited to (null: everything); what is looked up beside it follows the same rule. */
  visibleTo: Viewer | null;
  /**
   * For a window's history, each key result's latest check-in at the two dates a moment may be taken at (null: any
   * date up to the end, replayed from the whole trail).
   */
  latestAt: Map<string, Map<string, HistoryCheckIn>> | null;
  /**
   * For a window's history of some teams, what the key results that only roll up into their objectives read at
   * the two dates (see rolledUpValues); `latestAt` then holds the teams' own key results only.
   */
  rolledUpAt: Map<string, Map<string, CheckInValues>> | null;
  /** The cycle's date arithmetic, each distinct question answered once for the whole replay. */
  dates: HistoryDates;
  /** The graph's shape, worked out once for every moment replayed. */
  rollup: GraphRollup;
  /** The key results by id, whose measures each moment hands the roll-up. */
  keyResultById: Map<string, HistoryKeyResult>;
}

export interface CycleMoment extends GraphProgress {
  date: string;
  latest: Map<string, HistoryCheckIn>;
}

/**
 * The key results of the objectives historyObjectives loads, as a condition on `kr`: an array, not `in (…)`, so
 * they are probed through key_results_objective_idx. A join was planned as a sequential scan of key_results,
 * which — run beside the key result statement's own scan — made that scan start where this one was
 * (synchronize_seqscans) and hand the key results over in another order (the movers' ties follow that order).
 */
const keyResultsOfObjectives = (ids: SQL): SQL => sql`kr.objective_id = any(array(${ids}))`;

/**
 * A cycle and its check-in history up to the end of `until`, loaded once, so several moments can be replayed in
 * memory with the same roll-up the live write path uses (time travel, like `cycleSnapshot`, for many dates).
 */
export async function loadCycleHistory(
  db: Executor,
  orgId: string,
  cycle: CycleRow,
  until: string,
  /** Only the objectives this viewer may read (null: all of them, for a history nobody reads directly). */
  visibleTo: Viewer | null,
  /** Only these teams' objectives and what aligns into them (null: the whole cycle); see historyObjectives. */
  onlyTeams: readonly string[] | null = null,
  /** Every check-in up to `until` (an agenda's confidence trail), or only what a report from a date to `until` reads. */
  span: CheckInSpan = { kind: 'trail' },
): Promise<CycleHistory> {
  // The whole cycle's window names its key results by a subquery (the objectives' own statement), so its statement
  // — the longest — runs beside the others instead of after them. A few teams' part is walked once and its ids sent
  // back: repeated inside each statement, the walk was most of a department's server time (three walks at once).
  const early =
    span.kind === 'window' && onlyTeams === null
      ? windowCheckIns(
          db,
          orgId,
          keyResultsOfObjectives(historyObjectiveIds(orgId, cycle.id, visibleTo, null)),
          sql`true`,
          span.from,
          until,
        )
      : null;
  // Settled at once if another statement fails first, so it never goes unhandled.
  early?.catch(() => {});
  const [[org], objectiveRows] = await Promise.all([
    db
      .select({ timeZone: organizations.timeZone, settings: organizations.settings })
      .from(organizations)
      .where(eq(organizations.id, orgId)),
    historyObjectives(db, orgId, cycle.id, visibleTo, onlyTeams),
  ]);
  const ids = objectiveRows.map((o) => o.id);
  const teamsRead = onlyTeams ? anyUuid(teams.id, [...new Set(objectiveRows.flatMap((o) => (o.teamId ? [o.teamId] : [])))]) : undefined;
  // A team's report lists its own objectives only: their key results get the window's full check-ins, and those of
  // what aligns into them (a department's ~1,200 objectives) only the values their roll-up reads.
  const own = onlyTeams && objectiveRows.filter((o) => o.teamId !== null && onlyTeams.includes(o.teamId)).map((o) => o.id);
  const ownIds = own && new Set(own);
  const rolledUpIds = ownIds ? ids.filter((id) => !ownIds.has(id)) : [];
  // Only a window reads just values: an agenda's trail reads every check-in of every key result.
  const rollsUpOnly = own !== null && span.kind === 'window';
  const [ownKeyResults, links, teamRows, window, rolledUp] = ids.length
    ? await Promise.all([
        historyKeyResults(db, orgId, rollsUpOnly ? own : ids),
        db
          .select({
            childObjectiveId: alignments.childObjectiveId,
            parentObjectiveId: alignments.parentObjectiveId,
            parentKeyResultId: alignments.parentKeyResultId,
          })
          .from(alignments)
          .where(and(eq(alignments.orgId, orgId), anyUuid(alignments.childObjectiveId, ids))),
        db
          .select({ id: teams.id, cadence: teams.checkInCadence })
          .from(teams)
          .where(and(eq(teams.orgId, orgId), teamsRead)),
        early ??
          (span.kind === 'window'
            ? windowCheckIns(db, orgId, anyUuid(sql.raw('kr.objective_id'), own ?? ids), sql`true`, span.from, until)
            : null),
        rollsUpOnly ? rolledUpKeyResults(db, orgId, rolledUpIds, span.from, until) : null,
      ])
    : [[] as HistoryKeyResult[], [], [], early && (await early), null];
  const krRows = rolledUp ? [...ownKeyResults, ...rolledUp.keyResults] : ownKeyResults;
  const rolledUpAt = rolledUp?.valuesAt ?? null;
  const { checkInsOf, latestAt } = window ?? {
    checkInsOf: await trailCheckIns(
      db,
      orgId,
      krRows.map((k) => k.id),
      until,
    ),
    latestAt: null,
  };
  return {
    cycle,
    timeZone: org?.timeZone ?? 'UTC',
    margins: { ...DEFAULT_STATUS_MARGINS, ...(org?.settings ?? {}) },
    objectives: objectiveRows,
    keyResults: krRows,
    checkInsOf,
    cadenceOf: new Map(teamRows.map((t) => [t.id, t.cadence as CheckInCadence])),
    alignments: links,
    visibleTo,
    latestAt,
    rolledUpAt,
    dates: historyDates(cycle),
    rollup: graphRollup(
      objectiveRows.map((o) => ({ id: o.id, weight: o.weight, driver: o.progressDriver })),
      krRows.map((kr) => ({ id: kr.id, objectiveId: kr.objectiveId, weight: kr.weight, kind: kr.kind })),
      links,
    ),
    keyResultById: new Map(krRows.map((kr) => [kr.id, kr])),
  };
}

function replayed(history: CycleHistory, date: string) {
  const latest = new Map<string, HistoryCheckIn>();
  for (const [krId, rows] of history.checkInsOf) {
    const found = valueAsOf(rows, date);
    if (found) latest.set(krId, found);
  }
  return latest;
}

/** The whole cycle at the end of `date`: every progress and each key result's latest check-in. */
export function momentOf(history: CycleHistory, date: string): CycleMoment {
  const latest = history.latestAt ? history.latestAt.get(date) : replayed(history, date);
  if (!latest) throw new Error(`this history holds the moments of ${[...history.latestAt!.keys()].join(' and ')}, not ${date}`);
  const rolledUp = history.rolledUpAt?.get(date);
  const progress = history.rollup((id) => measureOf(history.keyResultById.get(id)!, latest.get(id) ?? rolledUp?.get(id) ?? null));
  return { ...progress, date, latest };
}

/** Stale as the read model decides it (roll-up key results never are), at the moment's date. */
export function staleAt(history: CycleHistory, moment: CycleMoment, kr: HistoryKeyResult, objective: HistoryObjective): boolean {
  const { cycle } = history;
  if (kr.kind === 'rollup' || moment.date < cycle.startDate) return false;
  const since = history.dates.paceStart(kr.createdOn, objective.effectiveStartDate, kr.effectiveStartDate);
  return history.dates.stale(
    moment.latest.get(kr.id)?.asOf,
    since > moment.date ? moment.date : since,
    moment.date,
    objective.teamId ? history.cadenceOf.get(objective.teamId) : undefined,
  );
}
