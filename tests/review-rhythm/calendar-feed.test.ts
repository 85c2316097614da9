import ical, { type VEvent } from 'node-ical';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectStatus, type Person } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';

describeEachEngine('Calendar feed: private, signed, revocable, in the person’s time zone', (engine) => {
  const t = useOkrWorld(engine, '2025-01-20');

  async function world() {
    const { owner, cycle } = t.w;
    expectStatus(await owner.client.patch(`${API}/organization`, { timeZone: 'Europe/Berlin' }), 200);
    const team = await createTeam(owner.client, { name: 'Growth' });
    expectStatus(await owner.client.patch(`${API}/teams/${team.id}`, { checkInCadence: 'weekly', checkInDay: 1, checkInHour: 10 }), 200);
    const mia = await addPerson(owner.client, { name: 'Mia Member', teamId: team.id });
    expectStatus(await owner.client.patch(`${API}/users/${mia.user.id}`, { timeZone: 'America/New_York' }), 200);
    const meeting = await owner.client.post<{ id: string }>(`${API}/meetings`, {
      kind: 'weekly',
      title: 'Growth weekly',
      audience: 'team',
      teamId: team.id,
      startsAt: '2025-01-22T15:00:00Z',
      durationMinutes: 45,
      recurrence: 'weekly',
      participantIds: [owner.user.id, mia.user.id],
    });
    expectStatus(meeting, 201);
    return { mia, cycle, meetingId: meeting.body.id };
  }

  const feedUrl = async (person: Person) => {
    const response = await person.client.get<{ url: string }>(`${API}/me/calendar-feed`);
    expectStatus(response, 200);
    return response.body.url;
  };
  /** Fetched the way a calendar app does: no cookie, no token. */
  const fetchFeed = (url: string) => fetch(new URL(new URL(url).pathname, t.server.url));

  it('lists check-in due times, meetings and cycle phase dates that parse back as RFC 5545', async () => {
    const { mia, cycle, meetingId } = await world();
    const url = await feedUrl(mia);
    expect(await feedUrl(mia)).toBe(url);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const text = await response.text();

    // Monday 10:00 in Berlin is 04:00 in New York, written in the person's zone with its VTIMEZONE.
    expect(text).toContain('DTSTART;TZID=America/New_York:20250127T040000');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/New_York/);
    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    for (const event of events) {
      expect(event.uid).toMatch(/@cairn$/);
      expect(event.dtstamp?.toISOString()).toBe('2025-01-20T12:00:00.000Z');
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const dueTimes = events.filter((e) => e.summary === 'Check-in due: Growth');
    expect(dueTimes.map((e) => e.start.toISOString()).slice(0, 3)).toEqual([
      '2025-01-06T09:00:00.000Z',
      '2025-01-13T09:00:00.000Z',
      '2025-01-20T09:00:00.000Z',
    ]);
    expect(dueTimes[0]!.start.tz).toBe('America/New_York');

    const meeting = events.find((e) => e.uid === `meeting-${meetingId}@cairn`)!;
    expect(meeting.summary).toBe('Growth weekly');
    expect(meeting.start.toISOString()).toBe('2025-01-22T15:00:00.000Z');
    expect(meeting.end?.toISOString()).toBe('2025-01-22T15:45:00.000Z');
    expect(meeting.rrule?.toString()).toContain('FREQ=WEEKLY');

    const end = events.find((e) => e.summary === `${cycle.name} ends`)!;
    expect(end.datetype).toBe('date');
    expect(text).toContain('DTSTART;VALUE=DATE:20250331');
  });

  it('stops answering once revoked; forged links reveal nothing', async () => {
    const { mia } = await world();
    const url = await feedUrl(mia);
    const forged = url.replace(/.(\.ics)$/, (_, ics: string) => `${url.endsWith('A.ics') ? 'B' : 'A'}${ics}`);
    for (const bad of [forged, url.replace(/\/[^/]+$/, '/not-a-token.ics')]) {
      const response = await fetchFeed(bad);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.text()).not.toContain('Mia');
    }

    expect((await mia.client.delete(`${API}/me/calendar-feed`)).status).toBe(204);
    const revoked = await fetchFeed(url);
    expect(revoked.status).toBe(404);
    const fresh = await feedUrl(mia);
    expect(fresh).not.toBe(url);
    expect((await fetchFeed(fresh)).status).toBe(200);
    // Another person's feed is their own.
    expect(await feedUrl(t.w.owner)).not.toBe(fresh);
  });
});
