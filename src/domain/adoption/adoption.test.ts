import { describe, expect, it } from 'vitest';
import { fallsBehind } from './behind.js';
import { mergeFacts, NO_FACTS, type GroupFacts, type KeyResultFact } from './facts.js';
import { addDays } from '../dates.js';
import { blockersAnsweredInTime, checkInsOnTime, closeOutCompletion, involvement, rateOf } from './figures.js';
import { trendOf, weekFigures, type WeekFigures } from './week-figures.js';
import { weeksBetween, weekStartOf } from './weeks.js';

// The hand-computed week: Monday 4 to Sunday 10 January 2027, read on Tuesday 12 January at noon (UTC).
const WEEK = { start: '2027-01-04', end: '2027-01-10' };
const CLOCK = { today: '2027-01-12', now: Date.parse('2027-01-12T12:00:00Z'), graceDays: 1, answerWithinHours: 24 };
const at = (iso: string) => Date.parse(iso);

const FACTS: GroupFacts = {
  members: [
    { userId: 'ana', joinedOn: '2026-12-01' },
    { userId: 'ben', joinedOn: '2026-12-01' },
    { userId: 'cai', joinedOn: '2027-01-08' }, // joined during the week: counts
    { userId: 'dee', joinedOn: '2027-01-11' }, // joined after it: does not
  ],
  objectives: [
    { id: 'o1', involvedIds: ['ana'], liveFrom: '2027-01-01', liveTo: '2027-03-31', qualityScore: 80 },
    { id: 'o2', involvedIds: ['ben', 'dee'], liveFrom: '2027-01-11', liveTo: '2027-03-31', qualityScore: 40 }, // published later
    { id: 'o3', involvedIds: ['cai'], liveFrom: '2026-10-01', liveTo: '2026-12-31', qualityScore: 60 }, // last quarter
  ],
  keyResults: [
    { start: '2027-01-01', end: '2027-03-31', cadenceDays: 7, checkInDates: ['2027-01-07'] }, // due 8th, on time
    { start: '2027-01-03', end: '2027-03-31', cadenceDays: 7, checkInDates: ['2027-01-11'] }, // due 10th, within a day's grace
    { start: '2027-01-02', end: '2027-03-31', cadenceDays: 7, checkInDates: [] }, // due 9th, missed
    { start: '2026-12-27', end: '2027-03-31', cadenceDays: 14, checkInDates: ['2027-01-12'] }, // due 10th, two days late
    { start: '2027-01-04', end: '2027-03-31', cadenceDays: 7, checkInDates: [] }, // first due the 11th: next week
  ],
  blockers: [
    { raisedAt: at('2027-01-05T10:00:00Z'), answeredAt: at('2027-01-05T20:00:00Z') }, // in time
    { raisedAt: at('2027-01-06T09:00:00Z'), answeredAt: at('2027-01-08T09:00:00Z') }, // 48 h: late
    { raisedAt: at('2027-01-09T12:00:00Z'), answeredAt: null }, // never, timeframe over: late
    { raisedAt: at('2027-01-03T12:00:00Z'), answeredAt: null }, // the week before
  ],
  commentDates: ['2027-01-04', '2027-01-10', '2027-01-11', '2027-01-03'],
  reviews: [
    { cycleEnd: '2026-12-31', doneOn: '2027-01-05' },
    { cycleEnd: '2026-12-31', doneOn: null },
    { cycleEnd: '2026-12-31', doneOn: '2027-01-11' }, // done after the week
    { cycleEnd: '2027-03-31', doneOn: null }, // not due yet
  ],
  retrospectives: [{ cycleEnd: '2026-12-31', doneOn: '2026-12-30' }],
  minutesByWeek: new Map([
    ['2027-01-04', 95],
    ['2026-12-28', 30],
  ]),
};

describe('weekFigures on the hand-computed week', () => {
  const figures = weekFigures(FACTS, WEEK, CLOCK);
  it.each<[keyof WeekFigures, unknown]>([
    ['weekStart', '2027-01-04'],
    ['members', 3],
    ['involvement', 0.333], // ana of ana, ben, cai
    ['onTimeCheckIns', 0.5], // 2 of 4 due
    ['blockersAnsweredInTime', 0.333], // 1 of 3 raised
    ['commentsPerObjective', 2], // 2 comments, 1 live objective
    ['reviewCompletion', 0.333], // 1 of 3 key results of the ended cycle
    ['retrospectiveCompletion', 1],
    ['averageQuality', 80], // o1 only is live
    ['minutesInvested', 95],
  ])('%s', (figure, expected) => {
    expect(figures[figure]).toEqual(expected);
  });

  it('keeps the counts behind each rate', () => {
    expect(figures.counts).toEqual({
      involvement: { count: 1, of: 3 },
      checkIns: { count: 2, of: 4 },
      blockers: { count: 1, of: 3 },
      comments: { count: 2, of: 1 },
      reviews: { count: 1, of: 3 },
      retrospectives: { count: 1, of: 1 },
    });
  });

  it('has no rates for a group without facts', () => {
    const empty = weekFigures(NO_FACTS, WEEK, CLOCK);
    expect([empty.involvement, empty.onTimeCheckIns, empty.commentsPerObjective, empty.averageQuality]).toEqual([null, null, null, null]);
    expect(empty.minutesInvested).toBe(0);
  });
});

describe('checkInsOnTime', () => {
  const kr = (checkInDates: string[], start = '2027-01-03') => ({ start, end: '2027-03-31', cadenceDays: 7, checkInDates });
  it.each([
    ['made on the due day', [kr(['2027-01-10'])], '2027-01-20', 0, { count: 1, of: 1 }],
    ['made before the previous due date does not count', [kr(['2027-01-03'])], '2027-01-20', 0, { count: 0, of: 1 }],
    ['still inside its grace and not made: pending', [kr([])], '2027-01-11', 1, { count: 0, of: 0 }],
    ['inside its grace and made: counted', [kr(['2027-01-11'])], '2027-01-11', 1, { count: 1, of: 1 }],
    ['due after today: not counted', [kr([])], '2027-01-08', 0, { count: 0, of: 0 }],
    ['after the key result ends: not due', [{ ...kr([]), end: '2027-01-09' }], '2027-01-20', 0, { count: 0, of: 0 }],
  ])('%s', (_name, krs, today, grace, expected) => {
    expect(checkInsOnTime(WEEK, krs, today, grace)).toEqual(expected);
  });

  // The definition, walked date by date as docs/adoption.md states it; the function jumps to the week instead.
  function byDefinition(week: { start: string; end: string }, krs: KeyResultFact[], today: string, grace: number) {
    let due = 0;
    let onTime = 0;
    for (const k of krs) {
      const last = [k.end, week.end, today].sort()[0]!;
      for (let d = addDays(k.start, k.cadenceDays); d <= last; d = addDays(d, k.cadenceDays)) {
        if (d < week.start) continue;
        const made = k.checkInDates.some((c) => c > addDays(d, -k.cadenceDays) && c <= addDays(d, grace));
        if (!made && addDays(d, grace) >= today) continue;
        due += 1;
        if (made) onTime += 1;
      }
    }
    return { count: onTime, of: due };
  }

  it('agrees with the definition on 300 random key results, weeks and days', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const day = (offset: number) => addDays('2027-01-01', offset);
    for (let i = 0; i < 300; i++) {
      const start = day(rand(40));
      const krs = [1, 2, 3].map(() => ({
        start,
        end: addDays(start, 20 + rand(90)),
        cadenceDays: [1, 7, 14, 30][rand(4)]!,
        checkInDates: Array.from({ length: rand(12) }, () => day(rand(140))),
      }));
      const weekStart = day(rand(20) * 7 + 3);
      const week = { start: weekStart, end: addDays(weekStart, 6) };
      const today = day(rand(150));
      const grace = rand(4);
      expect(checkInsOnTime(week, krs, today, grace)).toEqual(byDefinition(week, krs, today, grace));
    }
  });
});

describe('blockersAnsweredInTime', () => {
  const raised = at('2027-01-05T10:00:00Z');
  it.each([
    ['answered at the limit', at('2027-01-06T10:00:00Z'), CLOCK.now, { count: 1, of: 1 }],
    ['answered a minute late', at('2027-01-06T10:01:00Z'), CLOCK.now, { count: 0, of: 1 }],
    ['unanswered, timeframe running: pending', null, at('2027-01-05T20:00:00Z'), { count: 0, of: 0 }],
    ['unanswered, timeframe over', null, at('2027-01-06T10:01:00Z'), { count: 0, of: 1 }],
  ])('%s', (_name, answeredAt, now, expected) => {
    expect(blockersAnsweredInTime(WEEK, [{ raisedAt: raised, answeredAt }], now, 24)).toEqual(expected);
  });
});

describe('the rest', () => {
  it('counts a person in two merged teams once, from the earlier day', () => {
    const a = { ...NO_FACTS, members: [{ userId: 'ana', joinedOn: '2027-01-09' }], minutesByWeek: new Map([['2027-01-04', 10]]) };
    const b = { ...NO_FACTS, members: [{ userId: 'ana', joinedOn: '2026-01-01' }], minutesByWeek: new Map([['2027-01-04', 5]]) };
    const merged = mergeFacts([a, b]);
    expect(merged.members).toEqual([{ userId: 'ana', joinedOn: '2026-01-01' }]);
    expect(merged.minutesByWeek.get('2027-01-04')).toBe(15);
  });

  it('counts close-outs due by the week end', () => {
    expect(closeOutCompletion(WEEK, [{ cycleEnd: '2027-01-10', doneOn: '2027-01-10' }])).toEqual({ count: 1, of: 1 });
    expect(involvement(WEEK, [], [])).toEqual({ count: 0, of: 0 });
    expect(rateOf({ count: 2, of: 3 })).toBe(0.667);
  });

  it.each([
    ['2027-01-04', '2027-01-04'],
    ['2027-01-10', '2027-01-04'],
    ['2027-01-01', '2026-12-28'],
  ])('the week of %s starts on %s', (date, monday) => expect(weekStartOf(date)).toBe(monday));

  it('lists the weeks touching a range', () => {
    expect(weeksBetween('2027-01-06', '2027-01-18').map((w) => w.start)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
  });

  it('trends from the first to the last known value', () => {
    const weeks = [0.2, null, 0.5].map((involvement) => ({ ...weekFigures(NO_FACTS, WEEK, CLOCK), involvement }));
    expect(trendOf(weeks).involvement).toBe(0.3);
    expect(trendOf(weeks).onTimeCheckIns).toBeNull();
  });

  it.each([
    [0.4, 0.45, true],
    [0.6, 0.8, true],
    [0.7, 0.8, false],
    [null, 0.9, false],
    [0.5, null, false],
  ])('involvement %s against the organisation’s %s falls behind: %s', (mine, org, flagged) => {
    expect(fallsBehind(mine, org)).toBe(flagged);
  });
});
