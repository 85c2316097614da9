import { and, eq } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { cycles, organizations, outbox, reportSchedules, type ReportSchedule } from '../../../db/schema/index.js';
import { shiftDate } from '../../../domain/index.js';
import { periodAt } from '../rhythm/schedule.js';
import { anyoneIn } from '../visibility/objective-visible.js';
import { cycleReport } from './cycle-report.js';
import { reportEmailText, reportSubject } from './report-email.js';

/** After its cycle ends a schedule sends one last report (the week after), then falls silent. */
const AFTER_END_DAYS = 7;

export interface ReportMailWork {
  key: string;
  run(tx: Transaction): Promise<Record<string, number>>;
}

/**
 * One run per schedule and due moment: the latest weekly (or monthly) moment at or before `now` in the organisation's
 * time zone, if it came after the schedule was made and falls in its cycle. The run writes one outbox e-mail per
 * recipient; the dispatcher sends them with the other mail.
 */
export async function dueReportEmails(db: Executor, publicUrl: string, now: Date, orgId?: string): Promise<ReportMailWork[]> {
  const rows = await db
    .select({ schedule: reportSchedules, timeZone: organizations.timeZone, startDate: cycles.startDate, endDate: cycles.endDate })
    .from(reportSchedules)
    .innerJoin(organizations, eq(organizations.id, reportSchedules.orgId))
    .innerJoin(cycles, and(eq(cycles.orgId, reportSchedules.orgId), eq(cycles.id, reportSchedules.cycleId)))
    .where(orgId ? eq(reportSchedules.orgId, orgId) : undefined);
  return rows.flatMap(({ schedule, timeZone, startDate, endDate }): ReportMailWork[] => {
    const period = periodAt({ cadence: schedule.cadence, day: schedule.day, hour: schedule.hour, timeZone }, now);
    if (period.dueAt < schedule.createdAt) return [];
    if (period.dueDate < startDate || period.dueDate > shiftDate(endDate, AFTER_END_DAYS)) return [];
    const key = `report:${schedule.id}:${period.dueDate}`;
    return [{ key, run: (tx) => sendReport(tx, publicUrl, schedule, key, now) }];
  });
}

async function sendReport(tx: Transaction, publicUrl: string, schedule: ReportSchedule, key: string, now: Date) {
  // Recipients are e-mail addresses, possibly outside the organisation: only what everyone may see goes out.
  const report = await cycleReport(tx, anyoneIn(schedule.orgId), schedule.cycleId, schedule.teamId, now);
  const link = `${publicUrl}/cycles/${schedule.cycleId}/report${schedule.teamId ? `?teamId=${schedule.teamId}` : ''}`;
  const body = reportEmailText(report, link);
  const inserted = await tx
    .insert(outbox)
    .values(
      schedule.recipients.map((recipient) => ({
        orgId: schedule.orgId,
        channel: 'email' as const,
        recipient,
        subject: reportSubject(report),
        body,
        dedupeKey: `${key}:${recipient}`,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return { reports: 1, emails: inserted.length };
}
