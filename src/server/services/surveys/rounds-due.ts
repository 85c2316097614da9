import { and, eq, ne } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { organizations, surveys } from '../../../db/schema/index.js';
import { nextRoundDue, nextRoundOn } from '../../../domain/surveys/rounds.js';
import { todayIn } from '../../clock.js';
import type { NotifyContext } from '../notifications/notify.js';
import { cycleEndsOf } from './cycle-ends.js';
import { openNextRound } from './open-round.js';

type Survey = typeof surveys.$inferSelect;

/** The latest round of every recurring series (of one organisation, or all), with its organisation's time zone. */
async function latestRounds(db: Executor, orgId?: string) {
  const rows = await db
    .select({ survey: surveys, timeZone: organizations.timeZone })
    .from(surveys)
    .innerJoin(organizations, eq(organizations.id, surveys.orgId))
    .where(and(ne(surveys.schedule, 'once'), orgId ? eq(surveys.orgId, orgId) : undefined));
  const latest = new Map<string, { survey: Survey; timeZone: string }>();
  for (const row of rows) {
    const seen = latest.get(row.survey.seriesId);
    if (!seen || seen.survey.round < row.survey.round) latest.set(row.survey.seriesId, row);
  }
  return [...latest.values()];
}

export interface RoundWork {
  key: string;
  run(tx: Transaction, ctx: NotifyContext): Promise<Record<string, number>>;
}

/** One run per series and round number: the key names the round it opens, so it is claimed (and opened) once. */
export async function dueSurveyRounds(db: Executor, now: Date, orgId?: string): Promise<RoundWork[]> {
  const rounds = await latestRounds(db, orgId);
  const cycles = await cycleEndsOf(db, [...new Set(rounds.map((r) => r.survey.orgId))]);
  return rounds.flatMap(({ survey, timeZone }): RoundWork[] => {
    const today = todayIn(timeZone, now);
    const { due, covers } = nextRoundDue(survey, cycles.get(survey.orgId) ?? [], today);
    if (!due) return [];
    return [
      { key: `survey-round:${survey.seriesId}:${survey.round + 1}`, run: (tx, ctx) => openNextRound(tx, ctx, survey, today, covers) },
    ];
  });
}

/** The day each recurring series' next round should open (latest round's id → date), for the Surveys page. */
export async function nextRoundDates(db: Executor, orgId: string, now: Date): Promise<Map<string, string | null>> {
  const rounds = await latestRounds(db, orgId);
  const cycles = (await cycleEndsOf(db, [orgId])).get(orgId) ?? [];
  return new Map(rounds.map(({ survey, timeZone }) => [survey.id, nextRoundOn(survey, cycles, todayIn(timeZone, now))]));
}
