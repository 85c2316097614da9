import { and, eq } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { organizations, surveys } from '../../../db/schema/index.js';
import { daysBetween } from '../../../domain/dates.js';
import { todayIn } from '../../clock.js';
import type { NotifyContext } from '../notifications/notify.js';
import { sendSurveyNotices } from './survey-notices.js';

/** Reminders go out every few days while a survey is open, and on its last day: enough to be seen, not to nag. */
export const REMIND_EVERY_DAYS = 3;

export const remindsOn = (opensOn: string, closesOn: string, today: string) =>
  today > opensOn && today <= closesOn && (daysBetween(opensOn, today) % REMIND_EVERY_DAYS === 0 || today === closesOn);

export interface SurveyWork {
  key: string;
  run(tx: Transaction, ctx: NotifyContext): Promise<Record<string, number>>;
}

/** One run per survey and day: surveys past their last day are closed, the others remind whoever has not answered. */
export async function dueSurveyWork(db: Executor, now: Date, orgId?: string): Promise<SurveyWork[]> {
  const rows = await db
    .select({ survey: surveys, timeZone: organizations.timeZone })
    .from(surveys)
    .innerJoin(organizations, eq(organizations.id, surveys.orgId))
    .where(and(eq(surveys.status, 'open'), orgId ? eq(surveys.orgId, orgId) : undefined));
  return rows.flatMap(({ survey, timeZone }): SurveyWork[] => {
    const today = todayIn(timeZone, now);
    if (today > survey.closesOn) return [{ key: `survey:${survey.id}:close`, run: (tx) => closeExpired(tx, survey.orgId, survey.id) }];
    if (!remindsOn(survey.opensOn, survey.closesOn, today)) return [];
    return [{ key: `survey:${survey.id}:${today}`, run: (tx, ctx) => remind(tx, ctx, survey, today) }];
  });
}

async function closeExpired(tx: Transaction, orgId: string, id: string) {
  await tx
    .update(surveys)
    .set({ status: 'closed' })
    .where(and(eq(surveys.orgId, orgId), eq(surveys.id, id)));
  return { closed: 1 };
}

async function remind(tx: Transaction, ctx: NotifyContext, survey: typeof surveys.$inferSelect, today: string) {
  return { reminded: await sendSurveyNotices(tx, ctx, survey, 'reminder', today) };
}
