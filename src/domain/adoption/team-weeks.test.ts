import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { mergeFacts, type GroupFacts } from './facts.js';
import { groupWeekFigures, teamWeeks } from './team-weeks.js';
import { weekFigures, type AdoptionClock } from './week-figures.js';
import { weeksBetween } from './weeks.js';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = '2026-10-01';
const DAY_MS = 86_400_000;

/** A team's facts spread over two quarters around the range, people shared between teams. */
function teamFacts(rnd: () => number, people: string[]): GroupFacts {
  const int = (n: number) => Math.floor(rnd() * n);
  const day = (span = 240) => addDays(BASE, int(span));
  const pick = () => people[int(people.length)]!;
  const objectives = Array.from({ length: int(6) }, (_, i) => {
    const liveFrom = day(180);
    return {
      id: `o${i}`,
      involvedIds: Array.from({ length: int(4) }, pick),
      liveFrom,
      liveTo: addDays(liveFrom, int(120)),
      qualityScore: rnd() < 0.3 ? null : int(101),
    };
  });
  const keyResults = Array.from({ length: int(8) }, () => {
    const start = day(180);
    return {
      start,
      end: addDays(start, 30 + int(90)),
      cadenceDays: [7, 14, 30][int(3)]!,
      checkInDates: Array.from({ length: int(15) }, () => addDays(start, int(120))),
    };
  });
  const blockers = Array.from({ length: int(6) }, () => {
    const raisedAt = Date.parse(`${day()}T00:00:00Z`) + int(DAY_MS);
    return { raisedAt, answeredAt: rnd() < 0.3 ? null : raisedAt + int(4 * DAY_MS) };
  });
  const closeOut = () => ({ cycleEnd: day(), doneOn: rnd() < 0.4 ? null : day() });
  return {
    members: Array.from({ length: int(6) }, () => ({ userId: pick(), joinedOn: day(200) })),
    objectives,
    keyResults,
    blockers,
    commentDates: Array.from({ length: int(10) }, () => day()),
    reviews: Array.from({ length: int(5) }, closeOut),
    retrospectives: Array.from({ length: int(3) }, closeOut),
    minutesByWeek: new Map(weeksBetween('2026-11-01', '2027-02-28').flatMap((w) => (rnd() < 0.5 ? [[w.start, int(300)] as const] : []))),
  };
}

describe('groupWeekFigures: the teams summed equal the definition on their merged facts', () => {
  it('agrees with weekFigures(mergeFacts(…)) week by week on 300 generated groups', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed);
      const people = Array.from({ length: 3 + Math.floor(rnd() * 10) }, (_, i) => `p${i}`);
      const teams = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => teamFacts(rnd, people));
      const from = addDays('2026-11-01', Math.floor(rnd() * 60));
      const weeks = weeksBetween(from, addDays(from, Math.floor(rnd() * 120)));
      const today = addDays(from, Math.floor(rnd() * 150));
      const clock: AdoptionClock = {
        today,
        now: Date.parse(`${today}T00:00:00Z`) + Math.floor(rnd() * DAY_MS),
        graceDays: Math.floor(rnd() * 3),
        answerWithinHours: [24, 48, 72][Math.floor(rnd() * 3)]!,
      };
      const merged = mergeFacts(teams);
      const expected = weeks.map((w) => weekFigures(merged, w, clock));
      const actual = groupWeekFigures(
        teams.map((t) => teamWeeks(t, weeks, clock)),
        weeks,
      );
      expect(actual, `seed ${seed}`).toEqual(expected);
    }
  });

  it('counts nothing for a group without teams', () => {
    const weeks = weeksBetween('2027-01-04', '2027-01-17');
    expect(groupWeekFigures([], weeks).map((w) => [w.members, w.involvement, w.minutesInvested])).toEqual([
      [0, null, 0],
      [0, null, 0],
    ]);
  });
});
