import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { expectedProgress, progressStatus, shiftDate, type ChangeItem, type ProgressStatus } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { lessons, meetingDecisions, meetings, organizations, users } from '../../../db/schema/index.js';
import { todayIn } from '../../clock.js';
import { notFound } from '../../errors.js';
import { requireCycle } from '../okrs/cycles.js';
import { changesFromHistory } from '../review-rhythm/changes.js';
import { loadCycleHistory, momentOf } from '../review-rhythm/cycle-history.js';
import { findTeam } from '../teams.js';
import { objectiveIdVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** How far back a report's highlights and risks look. */
export const REPORT_WINDOW_DAYS = 30;
const HIGHLIGHT_KINDS = new Set<ChangeItem['kind']>(['moved_up']);
const RISK_KINDS = new Set<ChangeItem['kind']>(['new_blocker', 'unanswered_blocker', 'confidence_drop', 'went_stale', 'moved_down']);

export interface ReportObjective {
  id: string;
  title: string;
  progress: number;
  expected: number;
  status: ProgressStatus;
}

export interface CycleReport {
  cycle: { id: string; name: string; startDate: string; endDate: string };
  team: { id: string; name: string } | null;
  asOf: string;
  progress: number;
  expected: number;
  statusCounts: Record<ProgressStatus, number>;
  objectives: ReportObjective[];
  highlights: ChangeItem[];
  risks: ChangeItem[];
  decisions: { decision: string; ownerName: string | null; decidedOn: string; objectiveId: string | null }[];
  lessons: { text: string; outcome: string | null }[];
}

const clampDate = (date: string, from: string, to: string) => (date < from ? from : date > to ? to : date);
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * A stakeholder report of a cycle, or of one team's objectives in it, as of today (clamped into the cycle):
 * progress against pace, statuses, the month's highlights and risks, decisions and lessons. Drafts stay out.
 */
export async function cycleReport(db: Executor, reader: Reader, cycleId: string, teamId: string | null, now: Date): Promise<CycleReport> {
  const { orgId } = reader;
  const cycle = await requireCycle(db, orgId, cycleId);
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  const today = todayIn(org?.timeZone ?? 'UTC', now);
  const team = teamId ? await findTeam(db, orgId, teamId) : null;
  if (teamId && !team) throw notFound('The team', 'teamId');
  const asOf = clampDate(today, cycle.startDate, cycle.endDate);
  const history = await loadCycleHistory(db, orgId, cycle, asOf, reader);
  const moment = momentOf(history, asOf);
  const inScope = (o: { teamId: string | null; status: string }) => o.status !== 'draft' && (!teamId || o.teamId === teamId);

  const reported = history.objectives.filter(inScope).map((o): ReportObjective => {
    const progress = moment.objectives.get(o.id) ?? 0;
    const expected = expectedProgress(history.cycle, asOf, o.effectiveStartDate);
    return { id: o.id, title: o.title, progress, expected, status: progressStatus(progress, expected, history.margins) };
  });
  const statusCounts: Record<ProgressStatus, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  for (const o of reported) statusCounts[o.status]++;

  const from = clampDate(shiftDate(asOf, -REPORT_WINDOW_DAYS), cycle.startDate, asOf);
  const changes = await changesFromHistory(db, orgId, history, inScope, { from, to: asOf, teamId });

  const decisions = await db
    .select({
      decision: meetingDecisions.decision,
      ownerName: users.name,
      decidedOn: meetingDecisions.decidedOn,
      objectiveId: meetingDecisions.objectiveId,
    })
    .from(meetingDecisions)
    .innerJoin(meetings, and(eq(meetings.orgId, meetingDecisions.orgId), eq(meetings.id, meetingDecisions.meetingId)))
    .leftJoin(users, and(eq(users.orgId, meetingDecisions.orgId), eq(users.id, meetingDecisions.ownerId)))
    .where(
      and(
        eq(meetingDecisions.orgId, orgId),
        gte(meetingDecisions.decidedOn, cycle.startDate),
        lte(meetingDecisions.decidedOn, cycle.endDate),
        teamId ? eq(meetings.teamId, teamId) : undefined,
        or(isNull(meetingDecisions.objectiveId), objectiveIdVisibleTo(reader, meetingDecisions.objectiveId)),
      ),
    )
    .orderBy(asc(meetingDecisions.decidedOn), asc(meetingDecisions.createdAt));

  const learned = await db
    .select({ text: lessons.text, outcome: lessons.outcome })
    .from(lessons)
    .where(
      and(
        eq(lessons.orgId, orgId),
        eq(lessons.cycleId, cycle.id),
        teamId ? eq(lessons.teamId, teamId) : undefined,
        or(isNull(lessons.objectiveId), objectiveIdVisibleTo(reader, lessons.objectiveId)),
      ),
    )
    .orderBy(asc(lessons.text));

  return {
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    team: team ? { id: team.id, name: team.name } : null,
    asOf,
    progress: mean(reported.map((o) => o.progress)),
    expected: mean(reported.map((o) => o.expected)),
    statusCounts,
    objectives: reported.sort((a, b) => a.progress - a.expected - (b.progress - b.expected) || a.title.localeCompare(b.title)),
    highlights: changes.filter((c) => HIGHLIGHT_KINDS.has(c.kind)),
    risks: changes.filter((c) => RISK_KINDS.has(c.kind) || (c.kind === 'status_change' && c.after !== 'on_track')),
    decisions,
    lessons: learned,
  };
}
