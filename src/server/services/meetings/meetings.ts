import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { meetingParticipants, meetings, users } from '../../../db/schema/index.js';
import { nextOccurrence, type MeetingAudience, type MeetingKind, type MeetingRecurrence } from '../../../domain/meetings.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeMeeting, mayScheduleMeeting, mayViewMeeting, type MeetingFacts } from '../../policies/meetings.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { findTeam } from '../teams.js';

export interface MeetingInput {
  kind: MeetingKind;
  title: string;
  audience: MeetingAudience;
  teamId?: string | null;
  startsAt: Date;
  durationMinutes?: number;
  recurrence?: MeetingRecurrence;
  asyncDeadline?: Date | null;
  participantIds: readonly string[];
}

export type MeetingRow = typeof meetings.$inferSelect;
export type LoadedMeeting = MeetingRow & MeetingFacts;

/** The rule checks a meeting's shape needs beyond the schema, each naming its field. */
async function checkInput(tx: Executor, orgId: string, input: MeetingInput) {
  const ids = [...new Set(input.participantIds)];
  if (ids.length === 0) throw invalid('participantIds', 'A meeting needs at least one participant.');
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  if (found.length !== ids.length) throw invalid('participantIds', 'Every participant must be a person of this organisation.');
  if ((input.audience === 'pair' || input.kind === 'one_on_one') && (ids.length !== 2 || input.audience !== 'pair'))
    throw invalid('participantIds', 'A one-on-one is between exactly two people (audience pair).');
  const needsTeam = input.audience === 'team' || input.audience === 'department';
  if (needsTeam && !input.teamId) throw invalid('teamId', 'A team or department meeting names its team.');
  if (!needsTeam && input.teamId) throw invalid('teamId', 'Only a team or department meeting names a team.');
  if (input.teamId && !(await findTeam(tx, orgId, input.teamId))) throw notFound('The team', 'teamId');
  if (input.asyncDeadline && input.asyncDeadline > input.startsAt)
    throw invalid('asyncDeadline', 'Asynchronous parts are due before the meeting starts.');
  return ids;
}

async function insertMeeting(
  tx: Executor,
  orgId: string,
  actor: Actor,
  input: MeetingInput,
  seriesId: string | null,
  ids: readonly string[],
) {
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(meetings)
    .values({
      id,
      orgId,
      seriesId: seriesId ?? id,
      kind: input.kind,
      title: input.title,
      audience: input.audience,
      teamId: input.teamId ?? null,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes ?? 30,
      recurrence: input.recurrence ?? 'none',
      asyncDeadline: input.asyncDeadline ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await tx.insert(meetingParticipants).values(ids.map((userId) => ({ orgId, meetingId: id, userId })));
  return { ...row!, participantIds: ids };
}

export async function createMeeting(deps: ServiceDeps, actor: Actor, input: MeetingInput): Promise<LoadedMeeting> {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const ids = await checkInput(tx, actor.orgId, input);
    authorizeMeeting(mayScheduleMeeting(actor, ids), 'Schedule meetings you take part in.');
    const meeting = await insertMeeting(tx, actor.orgId, actor, input, null, ids);
    await recordActivity(tx, { ...scopeOf(actor), action: 'meeting.created', entityType: 'meeting', entityId: meeting.id, after: input });
    announce.changed('meeting', meeting.id);
    return meeting;
  });
}

export async function loadMeeting(db: Executor, actor: Actor, id: string): Promise<LoadedMeeting> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, actor.orgId), eq(meetings.id, id)));
  if (!row) throw notFound('The meeting');
  const people = await db
    .select({ userId: meetingParticipants.userId })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.orgId, actor.orgId), eq(meetingParticipants.meetingId, id)));
  const meeting = { ...row, participantIds: people.map((p) => p.userId) };
  // A one-on-one is not there at all for anyone else: 404, nothing revealed.
  if (!mayViewMeeting(actor, meeting)) throw notFound('The meeting');
  return meeting;
}

/** The next meeting of a recurring series, with the same participants; the agenda carries open actions over. */
export async function scheduleNext(deps: ServiceDeps, actor: Actor, id: string): Promise<LoadedMeeting> {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const current = await loadMeeting(tx, actor, id);
    authorizeMeeting(mayScheduleMeeting(actor, current.participantIds), 'Schedule meetings you take part in.');
    const startsAt = nextOccurrence(current.startsAt, current.recurrence);
    if (!startsAt) throw invalid('recurrence', 'This meeting does not recur.');
    const lead = current.asyncDeadline ? current.startsAt.getTime() - current.asyncDeadline.getTime() : null;
    const input = { ...current, startsAt, asyncDeadline: lead === null ? null : new Date(startsAt.getTime() - lead) };
    const next = await insertMeeting(tx, actor.orgId, actor, input, current.seriesId, current.participantIds);
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: next.id,
      after: { seriesId: current.seriesId },
    });
    announce.changed('meeting', next.id);
    return next;
  });
}

/** Meetings the caller may see, soonest first: one-on-ones only their own (filtered in the query). */
export async function listMeetings(db: Database, actor: Actor) {
  const mine = db
    .select({ id: meetingParticipants.meetingId })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.orgId, actor.orgId), eq(meetingParticipants.userId, actor.userId)));
  const rows = await db
    .select({
      meeting: meetings,
      participantIds: sql<
        string[]
      >`array(select p.user_id from meeting_participants p where p.meeting_id = ${meetings.id} order by p.user_id)`,
    })
    .from(meetings)
    .where(and(eq(meetings.orgId, actor.orgId), or(ne(meetings.audience, 'pair'), inArray(meetings.id, mine))))
    .orderBy(asc(meetings.startsAt));
  return rows.map((r) => ({ ...r.meeting, participantIds: r.participantIds }));
}
