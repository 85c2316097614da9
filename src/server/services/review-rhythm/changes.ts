import { and, eq, isNull, lte } from 'drizzle-orm';
import {
  progressStatus,
  rankChanges,
  shiftDate,
  zonedTime,
  type BlockerInput,
  type ChangeItem,
  type KeyResultChangeInput,
  type ObjectiveStatusInput,
} from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { comments } from '../../../db/schema/index.js';
import { invalid, notFound } from '../../errors.js';
import { requireCycle } from '../okrs/cycles.js';
import { findTeam } from '../teams.js';
import { alignmentEvents } from './alignment-events.js';
import { loadCycleHistory, momentOf, staleAt, type CycleHistory, type CycleMoment, type HistoryObjective } from './cycle-history.js';
import { anyUuid } from './history-check-ins.js';
import { kpiHealthChanges } from './kpi-hook.js';
import type { Reader } from '../visibility/objective-visible.js';

export interface ChangesQuery {
  from: string;
  to: string;
  teamId?: string;
}

export interface ChangesReport {
  cycleId: string;
  teamId: string | null;
  from: string;
  to: string;
  items: ChangeItem[];
}

/** The window must lie inside the cycle and run forwards: a report across cycles compares unrelated pace. */
function checkWindow(cycle: { startDate: string; endDate: string }, query: ChangesQuery) {
  if (query.from < cycle.startDate || query.from > cycle.endDate)
    throw invalid('from', `Pick a date inside the cycle (${cycle.startDate} to ${cycle.endDate}).`);
  if (query.to < cycle.startDate || query.to > cycle.endDate)
    throw invalid('to', `Pick a date inside the cycle (${cycle.startDate} to ${cycle.endDate}).`);
  if (query.from > query.to) throw invalid('from', 'The start of the window must be on or before its end.');
}

function statusAt(history: CycleHistory, moment: CycleMoment, objective: HistoryObjective) {
  const expected = history.dates.expected(moment.date, objective.effectiveStartDate);
  return progressStatus(moment.objectives.get(objective.id) ?? 0, expected, history.margins);
}

/** Blockers raised in the window, and older ones still a key result's latest word, each with whether anyone answered. */
async function blockersOf(
  db: Executor,
  orgId: string,
  history: CycleHistory,
  scope: Map<string, HistoryObjective>,
  from: CycleMoment,
  to: CycleMoment,
  endOfTo: Date,
) {
  const found: (Omit<BlockerInput, 'answered'> & { checkInId: string; authorId: string | null })[] = [];
  for (const kr of history.keyResults) {
    const objective = scope.get(kr.objectiveId);
    const checkIns = objective && history.checkInsOf.get(kr.id);
    if (!checkIns) continue;
    const latestId = to.latest.get(kr.id)?.id;
    for (const checkIn of checkIns) {
      const text = checkIn.blockers?.trim();
      const isNew = checkIn.asOf > from.date;
      if (!text || (!isNew && checkIn.id !== latestId)) continue;
      found.push({
        checkInId: checkIn.id,
        authorId: checkIn.authorId,
        objectiveId: objective.id,
        objectiveTitle: objective.title,
        keyResultId: kr.id,
        keyResultTitle: kr.title,
        text,
        raisedOn: checkIn.asOf,
        isNew,
      });
    }
  }
  if (found.length === 0) return [];
  const answers = await db
    .select({ targetId: comments.targetId, authorId: comments.authorId })
    .from(comments)
    .where(
      and(
        eq(comments.orgId, orgId),
        eq(comments.targetType, 'check_in'),
        anyUuid(
          comments.targetId,
          found.map((b) => b.checkInId),
        ),
        isNull(comments.deletedAt),
        lte(comments.createdAt, endOfTo),
      ),
    );
  const answerers = new Map<string, (string | null)[]>();
  for (const a of answers) {
    const by = answerers.get(a.targetId);
    if (by) by.push(a.authorId);
    else answerers.set(a.targetId, [a.authorId]);
  }
  return found.map(({ checkInId, authorId, ...blocker }) => ({
    ...blocker,
    answered: (answerers.get(checkInId) ?? []).some((by) => authorId === null || by !== authorId),
  }));
}

/**
 * What changed between the end of `fromDate` and the end of `toDate` among the objectives `inScope` picks,
 * from a loaded history (which must reach `toDate`): the agenda of a meeting reuses it.
 */
export async function changesFromHistory(
  db: Executor,
  orgId: string,
  history: CycleHistory,
  inScope: (objective: HistoryObjective) => boolean,
  window: { from: string; to: string; teamId: string | null },
): Promise<ChangeItem[]> {
  const from = momentOf(history, window.from);
  const to = momentOf(history, window.to);
  const scope = new Map(history.objectives.filter((o) => o.status !== 'draft' && inScope(o)).map((o) => [o.id, o]));
  // Only what differs between the two moments can make a line (see rankChanges): a whole cycle is tens of
  // thousands of key results, and building an input for each that stood still was much of the report's garbage.
  const objectiveStatuses: ObjectiveStatusInput[] = [];
  for (const o of scope.values()) {
    const before = statusAt(history, from, o);
    const after = statusAt(history, to, o);
    if (before !== after) objectiveStatuses.push({ objectiveId: o.id, objectiveTitle: o.title, before, after });
  }
  const keyResultChanges: KeyResultChangeInput[] = [];
  for (const kr of history.keyResults) {
    const objective = scope.get(kr.objectiveId);
    if (!objective) continue;
    const progressBefore = from.keyResults.get(kr.id)?.progress ?? 0;
    const progressAfter = to.keyResults.get(kr.id)?.progress ?? 0;
    const confidenceBefore = from.latest.get(kr.id)?.confidence ?? null;
    const confidenceAfter = to.latest.get(kr.id)?.confidence ?? null;
    const staleBefore = staleAt(history, from, kr, objective);
    const staleAfter = staleAt(history, to, kr, objective);
    if (progressBefore === progressAfter && confidenceBefore === confidenceAfter && staleBefore === staleAfter) continue;
    const before = { progress: progressBefore, confidence: confidenceBefore, stale: staleBefore };
    const after = { progress: progressAfter, confidence: confidenceAfter, stale: staleAfter };
    keyResultChanges.push({
      objectiveId: objective.id,
      objectiveTitle: objective.title,
      keyResultId: kr.id,
      keyResultTitle: kr.title,
      before,
      after,
    });
  }
  const endOf = (date: string) => zonedTime(shiftDate(date, 1), 0, history.timeZone);
  const span = { after: endOf(window.from), until: endOf(window.to) };
  // Three reads that need nothing of each other: one round trip's wait instead of three.
  const [blockers, alignments, extra] = await Promise.all([
    blockersOf(db, orgId, history, scope, from, to, span.until),
    alignmentEvents(db, orgId, history, scope, span),
    kpiHealthChanges(db, orgId, history, scope, window),
  ]);
  return rankChanges({ objectives: objectiveStatuses, keyResults: keyResultChanges, blockers, alignments, extra });
}

/**
 * What changed in a cycle between the end of `from` and the end of `to` (dates in the organisation's time zone),
 * for the whole cycle or one team's objectives: replayed from the history, ranked by the domain.
 */
export async function cycleChanges(db: Executor, reader: Reader, cycleId: string, query: ChangesQuery): Promise<ChangesReport> {
  const { orgId } = reader;
  const [cycle, team] = await Promise.all([requireCycle(db, orgId, cycleId), query.teamId ? findTeam(db, orgId, query.teamId) : null]);
  checkWindow(cycle, query);
  if (query.teamId && !team) throw notFound('The team', 'teamId');
  const teamId = query.teamId ?? null;
  // Only the check-ins the two moments and the blockers of the window read, not every check-in of the cycle.
  const history = await loadCycleHistory(db, orgId, cycle, query.to, reader, teamId ? [teamId] : null, {
    kind: 'window',
    from: query.from,
  });
  const items = await changesFromHistory(db, orgId, history, (o) => !teamId || o.teamId === teamId, { ...query, teamId });
  return { cycleId, teamId, from: query.from, to: query.to, items };
}
