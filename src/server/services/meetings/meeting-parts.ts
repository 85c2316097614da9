import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import {
  meetingActions,
  meetingDecisions,
  meetingNotes,
  meetingParticipants,
  meetingUpdates,
  meetings,
  objectives,
  users,
} from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeMeeting, mayPostUpdate, mayRunMeeting } from '../../policies/meetings.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { loadMeeting, type LoadedMeeting } from './meetings.js';

export interface UpdateInput {
  update: string;
  confidence?: number | null;
  blockers?: string | null;
  commitments?: string | null;
  keptPrevious?: boolean | null;
}

/** One change to a meeting the caller may run (or post to), with its activity row, in one transaction. */
function meetingWrite<T>(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  allowed: (meeting: LoadedMeeting) => boolean,
  action: string,
  work: (tx: Executor, meeting: LoadedMeeting) => Promise<T & { id: string }>,
) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const meeting = await loadMeeting(tx, actor, meetingId);
    authorizeMeeting(allowed(meeting), 'Only the participants of this meeting can do this.');
    const row = await work(tx, meeting);
    await recordActivity(tx, { ...scopeOf(actor), action, entityType: 'meeting', entityId: meeting.id, after: row });
    announce.changed('meeting', meeting.id);
    return row;
  });
}

/** A participant's asynchronous part; posting again replaces it (the time it was posted moves too). */
export const postUpdate = (deps: ServiceDeps, actor: Actor, meetingId: string, input: UpdateInput) =>
  meetingWrite(
    deps,
    actor,
    meetingId,
    (m) => mayPostUpdate(actor, m),
    'meeting.update_posted',
    async (tx, meeting) => {
      const values = { ...input, postedAt: deps.clock() };
      const [row] = await tx
        .insert(meetingUpdates)
        .values({ orgId: actor.orgId, meetingId: meeting.id, userId: actor.userId, ...values })
        .onConflictDoUpdate({ target: [meetingUpdates.meetingId, meetingUpdates.userId], set: values })
        .returning();
      return row!;
    },
  );

export const addNote = (deps: ServiceDeps, actor: Actor, meetingId: string, input: { agendaItem: string; body: string }) =>
  meetingWrite(
    deps,
    actor,
    meetingId,
    (m) => mayRunMeeting(actor, m),
    'meeting.note_added',
    async (tx, meeting) => {
      const [row] = await tx
        .insert(meetingNotes)
        .values({ orgId: actor.orgId, meetingId: meeting.id, authorId: actor.userId, ...input })
        .returning();
      return row!;
    },
  );

async function checkPerson(tx: Executor, orgId: string, id: string, field: string) {
  const [found] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  if (!found) throw invalid(field, 'Pick a person of this organisation.');
}

export interface DecisionInput {
  decision: string;
  ownerId?: string | null;
  decidedOn: string;
  objectiveId?: string | null;
}

export const addDecision = (deps: ServiceDeps, actor: Actor, meetingId: string, input: DecisionInput) =>
  meetingWrite(
    deps,
    actor,
    meetingId,
    (m) => mayRunMeeting(actor, m),
    'meeting.decision_logged',
    async (tx, meeting) => {
      if (input.ownerId) await checkPerson(tx, actor.orgId, input.ownerId, 'ownerId');
      if (input.objectiveId) {
        const [found] = await tx
          .select({ id: objectives.id })
          .from(objectives)
          .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.id, input.objectiveId)));
        if (!found) throw notFound('The objective', 'objectiveId');
      }
      const [row] = await tx
        .insert(meetingDecisions)
        .values({ orgId: actor.orgId, meetingId: meeting.id, ...input })
        .returning();
      return row!;
    },
  );

export const addAction = (deps: ServiceDeps, actor: Actor, meetingId: string, input: { title: string; ownerId: string; dueDate: string }) =>
  meetingWrite(
    deps,
    actor,
    meetingId,
    (m) => mayRunMeeting(actor, m),
    'meeting.action_added',
    async (tx, meeting) => {
      await checkPerson(tx, actor.orgId, input.ownerId, 'ownerId');
      const [row] = await tx
        .insert(meetingActions)
        .values({ orgId: actor.orgId, meetingId: meeting.id, seriesId: meeting.seriesId, ...input })
        .returning();
      return row!;
    },
  );

/** Done (or open again): its owner or whoever may run the meeting it came from. */
export async function setActionDone(deps: ServiceDeps, actor: Actor, actionId: string, done: boolean) {
  const [action] = await deps.db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.id, actionId)));
  if (!action) throw notFound('The action');
  const allowed = (m: LoadedMeeting) => action.ownerId === actor.userId || mayRunMeeting(actor, m);
  return meetingWrite(deps, actor, action.meetingId, allowed, done ? 'meeting.action_done' : 'meeting.action_reopened', async (tx) => {
    const [row] = await tx
      .update(meetingActions)
      .set({ doneAt: done ? deps.clock() : null })
      .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.id, actionId)))
      .returning();
    return row!;
  });
}

/** A person's open actions, soonest due first: what their week shows. */
export function openActionsOf(db: Executor, orgId: string, ownerId: string) {
  return db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.orgId, orgId), eq(meetingActions.ownerId, ownerId), isNull(meetingActions.doneAt)))
    .orderBy(meetingActions.dueDate);
}

/** The decision log across the organisation, newest first; `q` matches words (full-text, any language). One-on-ones' stay theirs. */
export function searchDecisions(db: Executor, actor: Actor, q: string | undefined, limit = 50) {
  const orgId = actor.orgId;
  const words = q?.trim();
  const mine = db
    .select({ id: meetingParticipants.meetingId })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.orgId, orgId), eq(meetingParticipants.userId, actor.userId)));
  return db
    .select({ decision: meetingDecisions, ownerName: users.name, objectiveTitle: objectives.title })
    .from(meetingDecisions)
    .leftJoin(users, and(eq(users.orgId, orgId), eq(users.id, meetingDecisions.ownerId)))
    .leftJoin(objectives, and(eq(objectives.orgId, orgId), eq(objectives.id, meetingDecisions.objectiveId)))
    .innerJoin(meetings, and(eq(meetings.orgId, orgId), eq(meetings.id, meetingDecisions.meetingId)))
    .where(
      and(
        eq(meetingDecisions.orgId, orgId),
        or(ne(meetings.audience, 'pair'), inArray(meetings.id, mine)),
        words ? sql`to_tsvector('simple', ${meetingDecisions.decision}) @@ websearch_to_tsquery('simple', ${words})` : undefined,
      ),
    )
    .orderBy(desc(meetingDecisions.decidedOn), desc(meetingDecisions.createdAt))
    .limit(limit);
}
