import { and, asc, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { meetingParticipants, meetingUpdates, meetings, organizations, users } from '../../../db/schema/index.js';
import { hours } from '../../../domain/index.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { RHYTHM_LIMITS, resolveRhythm } from '../rhythm/settings.js';
import { bullets, plural, sayMoment } from '../rhythm/wording.js';

/**
 * Asynchronous parts follow the check-in rhythm: at the deadline, whoever has not posted is reminded (as owners
 * are when check-ins fall due); once the organisation's update timeframe (updateWithinHours) has passed the
 * deadline — when the meeting page says `overdue` — the organiser hears whose parts are still missing (as leads
 * hear of missing check-ins). The `reminders` and `escalation` jobs run them, once per meeting; the notices go
 * through notify (in app, and by e-mail through the outbox).
 */
export type PartNotice = 'reminder' | 'overdue';

/** A moment further back than this is not acted on: a first run, or one after an outage, sends no backlog. */
const LOOK_BACK_HOURS = 7 * 24;

export interface MeetingPartWork {
  key: string;
  run(tx: Transaction, ctx: NotifyContext): Promise<Record<string, number>>;
}

type Meeting = typeof meetings.$inferSelect;

export async function dueMeetingParts(db: Executor, now: Date, notice: PartNotice, orgId?: string): Promise<MeetingPartWork[]> {
  const earliest = new Date(now.getTime() - hours(LOOK_BACK_HOURS + RHYTHM_LIMITS.updateWithinHours.max));
  const rows = await db
    .select({ meeting: meetings, timeZone: organizations.timeZone, settings: organizations.settings })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.orgId))
    .where(
      and(
        orgId ? eq(meetings.orgId, orgId) : undefined,
        isNotNull(meetings.asyncDeadline),
        lte(meetings.asyncDeadline, now),
        gt(meetings.asyncDeadline, earliest),
      ),
    );
  return rows.flatMap(({ meeting, timeZone, settings }): MeetingPartWork[] => {
    const deadline = meeting.asyncDeadline!;
    const updateWithinHours = resolveRhythm(settings.rhythm).updateWithinHours;
    const at = notice === 'reminder' ? deadline : new Date(deadline.getTime() + hours(updateWithinHours));
    if (at > now || now.getTime() - at.getTime() > hours(LOOK_BACK_HOURS)) return [];
    return [
      {
        key: `org:${meeting.orgId}:meeting:${meeting.id}`,
        run: (tx, ctx) =>
          notice === 'reminder' ? remindMissing(tx, ctx, meeting, timeZone) : tellOrganiser(tx, ctx, meeting, timeZone, updateWithinHours),
      },
    ];
  });
}

/** Participants (still active) who have posted no part, by name. */
function missingParts(tx: Executor, meeting: Meeting) {
  return tx
    .select({ userId: users.id, name: users.name })
    .from(meetingParticipants)
    .innerJoin(users, and(eq(users.orgId, meeting.orgId), eq(users.id, meetingParticipants.userId)))
    .leftJoin(
      meetingUpdates,
      and(
        eq(meetingUpdates.orgId, meeting.orgId),
        eq(meetingUpdates.meetingId, meeting.id),
        eq(meetingUpdates.userId, meetingParticipants.userId),
      ),
    )
    .where(
      and(
        eq(meetingParticipants.orgId, meeting.orgId),
        eq(meetingParticipants.meetingId, meeting.id),
        isNull(meetingUpdates.userId),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name));
}

async function remindMissing(tx: Executor, ctx: NotifyContext, meeting: Meeting, timeZone: string) {
  let reminded = 0;
  for (const person of await missingParts(tx, meeting)) {
    const sent = await notify(tx, ctx, {
      orgId: meeting.orgId,
      userId: person.userId,
      kind: 'reminder',
      title: `Post your part: ${meeting.title}`,
      body: [
        `Your part for ${meeting.title} (${sayMoment(meeting.startsAt, timeZone)}) was due ${sayMoment(meeting.asyncDeadline!, timeZone)}.`,
        'Post your update, confidence, blockers and commitments on the meeting page.',
      ].join('\n'),
      link: `/meetings/${meeting.id}`,
      entityType: 'meeting',
      entityId: meeting.id,
      dedupeKey: `meeting-part:${meeting.id}`,
    });
    if (sent) reminded++;
  }
  return { meetingParts: reminded };
}

/** A one-on-one stays between its two people: an organiser outside it hears nothing of it. */
async function mayHear(tx: Executor, meeting: Meeting, userId: string) {
  if (meeting.audience !== 'pair') return true;
  const [row] = await tx
    .select({ userId: meetingParticipants.userId })
    .from(meetingParticipants)
    .where(
      and(
        eq(meetingParticipants.orgId, meeting.orgId),
        eq(meetingParticipants.meetingId, meeting.id),
        eq(meetingParticipants.userId, userId),
      ),
    );
  return row !== undefined;
}

async function tellOrganiser(tx: Executor, ctx: NotifyContext, meeting: Meeting, timeZone: string, updateWithinHours: number) {
  const organiser = meeting.createdBy;
  if (!organiser || !(await mayHear(tx, meeting, organiser))) return { overdueParts: 0, notified: 0 };
  // The organiser's own missing part was reminded of already; the others' are the news.
  const overdue = (await missingParts(tx, meeting)).filter((p) => p.userId !== organiser);
  if (overdue.length === 0) return { overdueParts: 0, notified: 0 };
  const sent = await notify(tx, ctx, {
    orgId: meeting.orgId,
    userId: organiser,
    kind: 'escalation',
    title: `${plural(overdue.length, 'part')} overdue: ${meeting.title}`,
    body: [
      `These parts for ${meeting.title} were due ${sayMoment(meeting.asyncDeadline!, timeZone)}; ${updateWithinHours} hours later they are still missing:`,
      bullets(overdue.map((p) => p.name)),
    ].join('\n'),
    link: `/meetings/${meeting.id}`,
    entityType: 'meeting',
    entityId: meeting.id,
    dedupeKey: `meeting-overdue:${meeting.id}`,
  });
  return { overdueParts: overdue.length, notified: sent ? 1 : 0 };
}
