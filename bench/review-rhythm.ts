/**
 * The review rhythm's reads for `npm run bench` (issue 17): what changed over a month, for one team and for the whole
 * active cycle, and the generated agenda of a weekly team session. Each replays the cycle's check-in history.
 */
import type { Database } from '../src/db/database.js';
import { shiftDate } from '../src/domain/index.js';
import { meetingAgenda } from '../src/server/services/meetings/agenda.js';
import type { LoadedMeeting } from '../src/server/services/meetings/meetings.js';
import { cycleChanges } from '../src/server/services/review-rhythm/changes.js';
// A member's view: the visibility rule is part of what is measured.
import { anyoneIn } from '../src/server/services/visibility/objective-visible.js';
import type { Rng } from './rng.js';

interface RhythmContext {
  orgId: string;
  cycle: { id: string; startDate: string };
  now: Date;
  today: string;
  teamIds: string[];
}

/** The month up to today, clamped into the cycle. */
const monthWindow = (ctx: RhythmContext) => {
  const from = shiftDate(ctx.today, -30);
  return { from: from < ctx.cycle.startDate ? ctx.cycle.startDate : from, to: ctx.today };
};

export async function teamChanges(db: Database, ctx: RhythmContext, rng: Rng): Promise<number> {
  const report = await cycleChanges(db, anyoneIn(ctx.orgId), ctx.cycle.id, { ...monthWindow(ctx), teamId: rng.pick(ctx.teamIds) });
  return report.items.length;
}

export async function wholeCycleChanges(db: Database, ctx: RhythmContext): Promise<number> {
  return (await cycleChanges(db, anyoneIn(ctx.orgId), ctx.cycle.id, monthWindow(ctx))).items.length;
}

/** A weekly team session held today (never stored: the agenda is generated from the meeting's facts). */
export async function weeklyAgenda(db: Database, ctx: RhythmContext, rng: Rng): Promise<number> {
  const id = crypto.randomUUID();
  const meeting: LoadedMeeting = {
    id,
    orgId: ctx.orgId,
    seriesId: id,
    kind: 'weekly',
    title: 'Weekly',
    audience: 'team',
    teamId: rng.pick(ctx.teamIds),
    startsAt: ctx.now,
    durationMinutes: 30,
    recurrence: 'weekly',
    asyncDeadline: null,
    createdBy: null,
    createdAt: ctx.now,
    participantIds: [],
  };
  const agenda = await meetingAgenda(db, meeting, 'UTC', ctx.now);
  return agenda.sections.reduce((n, s) => n + s.items.length, 0);
}
