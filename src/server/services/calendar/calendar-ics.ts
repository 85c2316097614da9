import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { MeetingRecurrence } from '../../../domain/meetings.js';
import { vtimezone, wallClock } from '../../../domain/vtimezone.js';
import type { CalendarEvent } from './calendar-events.js';

const REPEAT: Partial<Record<MeetingRecurrence, { freq: ICalEventRepeatingFreq; interval: number }>> = {
  weekly: { freq: ICalEventRepeatingFreq.WEEKLY, interval: 1 },
  biweekly: { freq: ICalEventRepeatingFreq.WEEKLY, interval: 2 },
  monthly: { freq: ICalEventRepeatingFreq.MONTHLY, interval: 1 },
  quarterly: { freq: ICalEventRepeatingFreq.MONTHLY, interval: 3 },
};

/**
 * RFC 5545 text of a person's feed: timed events carry the person's TZID (with its VTIMEZONE), phase dates
 * are whole days; DTSTAMP is `now` in UTC, so the same state gives the same feed.
 */
export function renderCalendar(feed: { name: string; timeZone: string; events: CalendarEvent[] }, now: Date): string {
  const year = now.getUTCFullYear();
  const calendar = ical({ name: `Cairn — ${feed.name}`, prodId: { company: 'Cairn', product: 'Cairn OKR', language: 'EN' } });
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, year - 1, year + 1) });
  for (const event of feed.events) {
    const repeat = event.recurrence ? REPEAT[event.recurrence] : undefined;
    calendar.createEvent({
      id: event.uid,
      stamp: now,
      summary: event.summary,
      url: event.url,
      ...(event.allDay
        ? { start: event.start, end: event.end, allDay: true }
        : { start: wallClock(feed.timeZone, event.start), end: wallClock(feed.timeZone, event.end), timezone: feed.timeZone }),
      ...(repeat ? { repeating: repeat } : {}),
    });
  }
  return calendar.toString();
}
