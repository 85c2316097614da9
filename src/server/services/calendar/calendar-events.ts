import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { cycles, meetingParticipants, meetings, organizations, teamMembers, teams, users } from '../../../db/schema/index.js';
import type { MeetingRecurrence } from '../../../domain/meetings.js';
import { localDate, shiftDate, zonedTime } from '../../../domain/zoned-time.js';
import { notFound } from '../../errors.js';
import { COMPANY_SCHEDULE, dueDateOnOrAfter, type Schedule } from '../rhythm/schedule.js';

export interface CalendarEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  /** A whole day (cycle phase dates): `start` is its UTC midnight. */
  allDay?: boolean;
  recurrence?: MeetingRecurrence;
  url?: string;
}

/** How far the feed looks back and ahead: calendar apps refresh it, so a quarter ahead is plenty. */
const DAYS_BACK = 14;
const DAYS_AHEAD = 98;
const CHECK_IN_MINUTES = 15;

function dueMoments(schedule: Schedule, from: string, to: string): { date: string; at: Date }[] {
  const moments: { date: string; at: Date }[] = [];
  for (let date = dueDateOnOrAfter(schedule, from); date <= to; date = dueDateOnOrAfter(schedule, shiftDate(date, 1)))
    moments.push({ date, at: zonedTime(date, schedule.hour, schedule.timeZone) });
  return moments;
}

/** The person's time zone (their own, else the organisation's) and the events of their feed. */
export async function calendarOf(db: Database, orgId: string, userId: string, now: Date, publicUrl: string) {
  const [person] = await db
    .select({ name: users.name, timeZone: users.timeZone, orgZone: organizations.timeZone })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!person) throw notFound('The calendar');
  const timeZone = person.timeZone ?? person.orgZone;
  const today = localDate(person.orgZone, now);
  const from = shiftDate(today, -DAYS_BACK);
  const to = shiftDate(today, DAYS_AHEAD);
  const events: CalendarEvent[] = [];

  const myTeams = await db
    .select({ id: teams.id, name: teams.name, cadence: teams.checkInCadence, day: teams.checkInDay, hour: teams.checkInHour })
    .from(teamMembers)
    .innerJoin(teams, and(eq(teams.orgId, teamMembers.orgId), eq(teams.id, teamMembers.teamId)))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId)))
    .orderBy(asc(teams.name));
  const groups = myTeams.length
    ? myTeams.map((t) => ({
        key: t.id,
        name: t.name,
        schedule: { cadence: t.cadence, day: t.day, hour: t.hour, timeZone: person.orgZone },
      }))
    : [{ key: 'company', name: 'Company', schedule: { ...COMPANY_SCHEDULE, timeZone: person.orgZone } }];
  for (const group of groups)
    for (const due of dueMoments(group.schedule, from, to))
      events.push({
        uid: `check-in-${group.key}-${due.date}-${userId}@cairn`,
        summary: `Check-in due: ${group.name}`,
        start: due.at,
        end: new Date(due.at.getTime() + CHECK_IN_MINUTES * 60_000),
        url: `${publicUrl}/`,
      });

  const mine = await db
    .select({ meeting: meetings })
    .from(meetingParticipants)
    .innerJoin(meetings, and(eq(meetings.orgId, meetingParticipants.orgId), eq(meetings.id, meetingParticipants.meetingId)))
    .where(
      and(eq(meetingParticipants.orgId, orgId), eq(meetingParticipants.userId, userId), gte(meetings.startsAt, zonedTime(from, 0, 'UTC'))),
    )
    .orderBy(asc(meetings.startsAt));
  const latestOfSeries = new Map(mine.map(({ meeting }) => [meeting.seriesId, meeting.id]));
  for (const { meeting } of mine)
    events.push({
      uid: `meeting-${meeting.id}@cairn`,
      summary: meeting.title,
      start: meeting.startsAt,
      end: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
      recurrence: latestOfSeries.get(meeting.seriesId) === meeting.id ? meeting.recurrence : 'none',
      url: `${publicUrl}/meetings/${meeting.id}`,
    });

  const cycleRows = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), isNull(cycles.archivedAt), gte(cycles.endDate, from)));
  for (const cycle of cycleRows) {
    const phases: [string, string | null][] = [
      ['starts', cycle.startDate],
      ['review opens', cycle.reviewOpensOn],
      ['ends', cycle.endDate],
    ];
    for (const [phase, date] of phases)
      if (date && date >= from && date <= to)
        events.push({
          uid: `cycle-${cycle.id}-${phase.replace(' ', '-')}@cairn`,
          summary: `${cycle.name} ${phase}`,
          start: new Date(`${date}T00:00:00Z`),
          end: new Date(`${shiftDate(date, 1)}T00:00:00Z`),
          allDay: true,
          url: `${publicUrl}/`,
        });
  }
  return { name: person.name, timeZone, events: events.sort((a, b) => a.start.getTime() - b.start.getTime()) };
}
