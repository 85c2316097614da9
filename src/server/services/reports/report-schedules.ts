import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, reportSchedules, teams, users, type ReportCadence } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeReportShare } from '../../policies/reports.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { requireCycle } from '../okrs/cycles.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { findTeam } from '../teams.js';

export interface ReportScheduleInput {
  cycleId: string;
  teamId: string | null;
  recipients: string[];
  cadence: ReportCadence;
  day: number;
  hour: number;
}

/** Addresses compare without case; the same one twice gets one e-mail. */
const distinctAddresses = (addresses: string[]) => [...new Set(addresses.map((a) => a.trim().toLowerCase()))];

/** E-mail a cycle's (or team's) report to named stakeholders on a schedule: admins and champions, like share links. */
export const scheduleReport = (deps: ServiceDeps, actor: Actor, input: ReportScheduleInput) =>
  writeAndAnnounce(deps, actor.orgId, async (tx) => {
    authorizeReportShare(actor);
    await requireCycle(tx, actor.orgId, input.cycleId);
    if (input.teamId && !(await findTeam(tx, actor.orgId, input.teamId))) throw notFound('The team', 'teamId');
    const [row] = await tx
      .insert(reportSchedules)
      .values({
        ...input,
        recipients: distinctAddresses(input.recipients),
        orgId: actor.orgId,
        createdBy: actor.userId,
        createdAt: deps.clock(),
      })
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'report.scheduled',
      entityType: 'report_schedule',
      entityId: row!.id,
      after: { ...input, recipients: row!.recipients },
    });
    return row!;
  });

/** The organisation's report e-mails, newest first, with what they cover and who set them up. */
export function listReportSchedules(db: Executor, actor: Actor) {
  authorizeReportShare(actor);
  return db
    .select({ schedule: reportSchedules, cycleName: cycles.name, teamName: teams.name, createdByName: users.name })
    .from(reportSchedules)
    .innerJoin(cycles, and(eq(cycles.orgId, reportSchedules.orgId), eq(cycles.id, reportSchedules.cycleId)))
    .leftJoin(teams, and(eq(teams.orgId, reportSchedules.orgId), eq(teams.id, reportSchedules.teamId)))
    .leftJoin(users, and(eq(users.orgId, reportSchedules.orgId), eq(users.id, reportSchedules.createdBy)))
    .where(eq(reportSchedules.orgId, actor.orgId))
    .orderBy(desc(reportSchedules.createdAt));
}

/** Stops a schedule; e-mails already in the outbox still go. */
export const deleteReportSchedule = (deps: ServiceDeps, actor: Actor, scheduleId: string) =>
  writeAndAnnounce(deps, actor.orgId, async (tx) => {
    authorizeReportShare(actor);
    const [row] = await tx
      .delete(reportSchedules)
      .where(and(eq(reportSchedules.orgId, actor.orgId), eq(reportSchedules.id, scheduleId)))
      .returning();
    if (!row) throw notFound('The report e-mail');
    await recordActivity(tx, { ...scopeOf(actor), action: 'report.unscheduled', entityType: 'report_schedule', entityId: row.id });
  });
