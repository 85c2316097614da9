import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { meetingActions, meetingDecisions, meetingNotes, meetingUpdates, users } from '../../../db/schema/index.js';
import { hours } from '../../../domain/index.js';
import type { Actor } from '../../auth/actor.js';
import { meetingAbilities } from '../../policies/meetings.js';
import { loadRhythm } from '../rhythm/settings.js';
import { meetingAgenda } from './agenda.js';
import type { LoadedMeeting } from './meetings.js';

export type PartStatus = 'posted' | 'late' | 'missing' | 'overdue';

/**
 * Where an asynchronous part stands: posted (late when after the deadline), missing, or overdue once the
 * organisation's response timeframe for updates (updateWithinHours, as for check-ins) has passed the deadline.
 */
export function partStatus(deadline: Date | null, postedAt: Date | null, now: Date, updateWithinHours: number): PartStatus {
  if (postedAt) return deadline && postedAt > deadline ? 'late' : 'posted';
  if (!deadline) return 'missing';
  return now.getTime() > deadline.getTime() + hours(updateWithinHours) ? 'overdue' : 'missing';
}

/** Everything the meeting page shows, read side by side where they do not depend on each other. */
export async function meetingView(db: Executor, actor: Actor, meeting: LoadedMeeting, now: Date) {
  const orgId = actor.orgId;
  const { timeZone, rhythm } = await loadRhythm(db, orgId);
  const [people, updates, notes, decisions, actions, agenda] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, [...meeting.participantIds]))),
    db
      .select()
      .from(meetingUpdates)
      .where(and(eq(meetingUpdates.orgId, orgId), eq(meetingUpdates.meetingId, meeting.id))),
    db
      .select()
      .from(meetingNotes)
      .where(and(eq(meetingNotes.orgId, orgId), eq(meetingNotes.meetingId, meeting.id)))
      .orderBy(asc(meetingNotes.createdAt)),
    db
      .select()
      .from(meetingDecisions)
      .where(and(eq(meetingDecisions.orgId, orgId), eq(meetingDecisions.meetingId, meeting.id)))
      .orderBy(asc(meetingDecisions.createdAt)),
    db
      .select({ action: meetingActions, ownerName: users.name })
      .from(meetingActions)
      .leftJoin(users, and(eq(users.orgId, orgId), eq(users.id, meetingActions.ownerId)))
      .where(and(eq(meetingActions.orgId, orgId), eq(meetingActions.meetingId, meeting.id)))
      .orderBy(asc(meetingActions.dueDate)),
    meetingAgenda(db, meeting, timeZone, now),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const participants = people
    .map((p) => {
      const update = updates.find((u) => u.userId === p.id) ?? null;
      return { id: p.id, name: p.name, status: partStatus(meeting.asyncDeadline, update?.postedAt ?? null, now, rhythm.updateWithinHours) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    meeting,
    timeZone,
    participants,
    agenda,
    updates: updates.map((u) => ({ ...u, authorName: nameOf.get(u.userId) ?? null })),
    notes,
    decisions,
    actions: actions.map((a) => ({ ...a.action, ownerName: a.ownerName })),
    can: meetingAbilities(actor, meeting),
  };
}
