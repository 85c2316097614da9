import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, teams, users } from '../../../db/schema/index.js';
import {
  buildAgenda,
  expectedProgress,
  forecastProgress,
  localDate,
  progressStatus,
  shiftDate,
  type AgendaInputs,
  type AgendaKeyResult,
  type AgendaSection,
} from '../../../domain/index.js';
import { changesFromHistory } from '../review-rhythm/changes.js';
import { loadCycleHistory, momentOf, staleAt, type CycleHistory, type HistoryObjective } from '../review-rhythm/cycle-history.js';
import { carriedOver, decisionsOf, openInitiatives } from './agenda-records.js';
import { evaluationAndLessons } from './evaluation-hook.js';
import type { LoadedMeeting } from './meetings.js';

/** How far back "what changed" looks, per kind of meeting. */
const LOOK_BACK_DAYS = { weekly: 7, monthly_deep_dive: 30, quarterly_review: 90, one_on_one: 14 } as const;

/** The cycle the meeting falls in: the one holding its date, else the latest that started before it. */
async function cycleOf(db: Executor, orgId: string, date: string) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), lte(cycles.startDate, date), isNull(cycles.archivedAt)))
    .orderBy(desc(cycles.startDate))
    .limit(1);
  return cycle ?? null;
}

/** The teams a team or department meeting is about (a department's child teams too); null for the others. */
async function teamsOf(db: Executor, meeting: LoadedMeeting): Promise<string[] | null> {
  if (meeting.audience !== 'team' && meeting.audience !== 'department') return null;
  if (meeting.audience === 'team') return [meeting.teamId!];
  const children = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, meeting.orgId), eq(teams.parentId, meeting.teamId!)));
  return [meeting.teamId!, ...children.map((c) => c.id)];
}

/** Which objectives the meeting is about: its teams', the company's, or the pair's. */
function scopeOf(meeting: LoadedMeeting, history: CycleHistory, teamIds: string[] | null): (o: HistoryObjective) => boolean {
  if (teamIds) {
    const ours = new Set(teamIds);
    return (o) => o.teamId !== null && ours.has(o.teamId);
  }
  if (meeting.audience === 'company') return (o) => o.teamId === null;
  const subjects = meeting.participantIds.filter((id) => id !== meeting.createdBy);
  const people = new Set(subjects.length ? subjects : meeting.participantIds);
  const theirs = new Set(history.keyResults.filter((kr) => kr.ownerId && people.has(kr.ownerId)).map((kr) => kr.objectiveId));
  return (o) => theirs.has(o.id) || (o.ownerId !== null && people.has(o.ownerId));
}

async function keyResultsOf(db: Executor, history: CycleHistory, inScope: (o: HistoryObjective) => boolean, date: string) {
  const objectiveOf = new Map(history.objectives.filter((o) => o.status === 'active' && inScope(o)).map((o) => [o.id, o]));
  const owners = [...new Set(history.keyResults.flatMap((kr) => (kr.ownerId ? [kr.ownerId] : [])))];
  const names = owners.length
    ? new Map(
        (
          await db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(and(eq(users.orgId, history.cycle.orgId), inArray(users.id, owners)))
        ).map((u) => [u.id, u.name]),
      )
    : new Map<string, string>();
  const moment = momentOf(history, date);
  return history.keyResults.flatMap((kr): AgendaKeyResult[] => {
    const objective = objectiveOf.get(kr.objectiveId);
    if (!objective) return [];
    const trail = (history.checkInsOf.get(kr.id) ?? []).filter((c) => c.asOf <= date).reverse();
    return [
      {
        id: kr.id,
        title: kr.title,
        objectiveId: objective.id,
        objectiveTitle: objective.title,
        ownerId: kr.ownerId,
        ownerName: kr.ownerId ? (names.get(kr.ownerId) ?? null) : null,
        progress: moment.keyResults.get(kr.id)?.progress ?? 0,
        confidenceTrail: trail.flatMap((c) => (c.confidence === null ? [] : [c.confidence])),
        blockers: moment.latest.get(kr.id)?.blockers?.trim() || null,
        stale: staleAt(history, moment, kr, objective),
      },
    ];
  });
}

function objectivesOf(history: CycleHistory, inScope: (o: HistoryObjective) => boolean, date: string) {
  const points = [28, 21, 14, 7, 0].map((back) => shiftDate(date, -back)).filter((d) => d >= history.cycle.startDate);
  const moments = points.map((d) => momentOf(history, d));
  const now = moments.at(-1)!;
  return history.objectives
    .filter((o) => o.status === 'active' && inScope(o))
    .map((o) => {
      const progress = now.objectives.get(o.id) ?? 0;
      const series = moments.map((m) => ({ date: m.date, progress: m.objectives.get(o.id) ?? 0 }));
      return {
        id: o.id,
        title: o.title,
        status: progressStatus(progress, expectedProgress(history.cycle, date, o.effectiveStartDate), history.margins),
        progress,
        trend: progress - series[0]!.progress,
        forecast: forecastProgress(series, history.cycle),
      };
    });
}

/** The generated agenda of a meeting, from the cycle's history as of the meeting's date (or today, if earlier). */
export async function meetingAgenda(
  db: Executor,
  meeting: LoadedMeeting,
  timeZone: string,
  now: Date,
): Promise<{ cycleId: string | null; sections: AgendaSection[] }> {
  const meetingDate = localDate(timeZone, meeting.startsAt);
  const today = localDate(timeZone, now);
  const cycle = await cycleOf(db, meeting.orgId, meetingDate);
  const carried = await carriedOver(db, meeting);
  const empty: AgendaInputs = {
    keyResults: [],
    objectives: [],
    changes: [],
    decisions: [],
    evaluationAndLessons: [],
    initiatives: [],
    ...carried,
  };
  if (!cycle) return { cycleId: null, sections: buildAgenda(meeting.kind, empty) };
  const clamp = (d: string) => (d < cycle.startDate ? cycle.startDate : d > cycle.endDate ? cycle.endDate : d);
  const date = clamp(meetingDate < today ? meetingDate : today);
  // A team's session replays only that team's part of the cycle (and what rolls up into it).
  const teamIds = await teamsOf(db, meeting);
  const history = await loadCycleHistory(db, meeting.orgId, cycle, date, null, teamIds);
  const inScope = scopeOf(meeting, history, teamIds);
  const from = clamp(shiftDate(date, -LOOK_BACK_DAYS[meeting.kind]));
  const keyResults = await keyResultsOf(db, history, inScope, date);
  const inputs: AgendaInputs = {
    ...empty,
    keyResults,
    initiatives: meeting.kind === 'one_on_one' ? await openInitiatives(db, meeting.orgId, keyResults) : [],
    objectives: objectivesOf(history, inScope, date),
    changes: await changesFromHistory(db, meeting.orgId, history, inScope, { from, to: date, teamId: meeting.teamId }),
    decisions: meeting.kind === 'quarterly_review' ? await decisionsOf(db, meeting.orgId, cycle) : [],
    evaluationAndLessons:
      meeting.kind === 'quarterly_review' ? await evaluationAndLessons(db, meeting.orgId, cycle.id, now, meeting.teamId) : [],
  };
  return { cycleId: cycle.id, sections: buildAgenda(meeting.kind, inputs) };
}
