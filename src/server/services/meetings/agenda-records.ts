import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { initiatives, meetingActions, meetingDecisions, meetingUpdates, meetings, users } from '../../../db/schema/index.js';
import type { AgendaInitiative, AgendaKeyResult } from '../../../domain/index.js';
import type { LoadedMeeting } from './meetings.js';

/*
 * What an agenda carries from records rather than from the OKR history: actions and commitments of earlier
 * meetings of the series, the cycle's decisions, and the initiatives under way.
 */

/** Open actions of earlier meetings of the series, and what the previous meeting's people committed to. */
export async function carriedOver(db: Executor, meeting: LoadedMeeting) {
  const earlier = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.orgId, meeting.orgId), eq(meetings.seriesId, meeting.seriesId), lt(meetings.startsAt, meeting.startsAt)));
  const openActions = await db
    .select({ id: meetingActions.id, title: meetingActions.title, ownerName: users.name, dueDate: meetingActions.dueDate })
    .from(meetingActions)
    .leftJoin(users, and(eq(users.orgId, meeting.orgId), eq(users.id, meetingActions.ownerId)))
    .where(and(eq(meetingActions.orgId, meeting.orgId), inArray(meetingActions.meetingId, earlier), isNull(meetingActions.doneAt)))
    .orderBy(asc(meetingActions.dueDate));
  const [previous] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.orgId, meeting.orgId), eq(meetings.seriesId, meeting.seriesId), lt(meetings.startsAt, meeting.startsAt)))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  if (!previous) return { openActions, previousCommitments: [] };
  const updates = await db
    .select({
      userId: meetingUpdates.userId,
      meetingId: meetingUpdates.meetingId,
      name: users.name,
      commitments: meetingUpdates.commitments,
      kept: meetingUpdates.keptPrevious,
    })
    .from(meetingUpdates)
    .innerJoin(users, and(eq(users.orgId, meeting.orgId), eq(users.id, meetingUpdates.userId)))
    .where(and(eq(meetingUpdates.orgId, meeting.orgId), inArray(meetingUpdates.meetingId, [previous.id, meeting.id])));
  const previousCommitments = updates
    .filter((u) => u.meetingId === previous.id && u.commitments?.trim())
    .map((u) => ({
      personName: u.name,
      text: u.commitments!.trim(),
      kept: updates.find((now) => now.meetingId === meeting.id && now.userId === u.userId)?.kept ?? null,
    }));
  return { openActions, previousCommitments };
}

/** The initiatives still planned or under way on these key results, soonest due first. */
export async function openInitiatives(db: Executor, orgId: string, keyResults: AgendaKeyResult[]): Promise<AgendaInitiative[]> {
  if (keyResults.length === 0) return [];
  const of = new Map(keyResults.map((kr) => [kr.id, kr]));
  const rows = await db
    .select({ title: initiatives.title, status: initiatives.status, dueDate: initiatives.dueDate, keyResultId: initiatives.keyResultId })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.orgId, orgId),
        inArray(initiatives.keyResultId, [...of.keys()]),
        inArray(initiatives.status, ['planned', 'in_progress']),
      ),
    )
    .orderBy(sql`${initiatives.dueDate} asc nulls last`, asc(initiatives.title));
  return rows.map(({ keyResultId, ...row }) => ({
    ...row,
    keyResultTitle: of.get(keyResultId)!.title,
    objectiveId: of.get(keyResultId)!.objectiveId,
  }));
}

/** Decisions logged during the cycle, outside one-on-ones (private to their two people). */
export async function decisionsOf(db: Executor, orgId: string, cycle: { startDate: string; endDate: string }) {
  return db
    .select({ decision: meetingDecisions.decision, ownerName: users.name, decidedOn: meetingDecisions.decidedOn })
    .from(meetingDecisions)
    .innerJoin(meetings, and(eq(meetings.orgId, orgId), eq(meetings.id, meetingDecisions.meetingId)))
    .leftJoin(users, and(eq(users.orgId, orgId), eq(users.id, meetingDecisions.ownerId)))
    .where(
      and(
        eq(meetingDecisions.orgId, orgId),
        ne(meetings.audience, 'pair'),
        gte(meetingDecisions.decidedOn, cycle.startDate),
        lte(meetingDecisions.decidedOn, cycle.endDate),
      ),
    )
    .orderBy(asc(meetingDecisions.decidedOn));
}
