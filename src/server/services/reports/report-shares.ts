import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { cycles, reportShares, teams, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeReportShare, authorizeReportShareAdmin } from '../../policies/reports.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { requireCycle } from '../okrs/cycles.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { signedToken, verifiedId } from '../signed-link.js';
import { findTeam } from '../teams.js';

const PURPOSE = 'report-share';
export const MAX_SHARE_DAYS = 90;
const DAY = 86_400_000;

export const reportShareUrl = (publicUrl: string, secret: string, shareId: string) =>
  `${publicUrl}/shared/reports/${signedToken(secret, PURPOSE, shareId)}`;

/** A read-only link to a cycle's (or a team's) report that expires after `days`. */
export const shareReport = (deps: ServiceDeps, actor: Actor, input: { cycleId: string; teamId: string | null; days: number }) =>
  writeAndAnnounce(deps, actor.orgId, async (tx) => {
    authorizeReportShare(actor);
    await requireCycle(tx, actor.orgId, input.cycleId);
    if (input.teamId && !(await findTeam(tx, actor.orgId, input.teamId))) throw notFound('The team', 'teamId');
    if (input.days < 1 || input.days > MAX_SHARE_DAYS) throw invalid('days', `A link lasts 1 to ${MAX_SHARE_DAYS} days.`);
    const now = deps.clock();
    const [share] = await tx
      .insert(reportShares)
      .values({
        orgId: actor.orgId,
        cycleId: input.cycleId,
        teamId: input.teamId,
        createdBy: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.days * DAY),
      })
      .returning();
    await recordActivity(tx, { ...scopeOf(actor), action: 'report.shared', entityType: 'report_share', entityId: share!.id, after: input });
    return share!;
  });

/** Every share link of the organisation that still works, newest first (admins). */
export async function listReportShares(db: Database, actor: Actor, now: Date) {
  authorizeReportShareAdmin(actor);
  return db
    .select({ share: reportShares, cycleName: cycles.name, teamName: teams.name, createdByName: users.name })
    .from(reportShares)
    .innerJoin(cycles, and(eq(cycles.orgId, reportShares.orgId), eq(cycles.id, reportShares.cycleId)))
    .leftJoin(teams, and(eq(teams.orgId, reportShares.orgId), eq(teams.id, reportShares.teamId)))
    .leftJoin(users, and(eq(users.orgId, reportShares.orgId), eq(users.id, reportShares.createdBy)))
    .where(and(eq(reportShares.orgId, actor.orgId), isNull(reportShares.revokedAt), gt(reportShares.expiresAt, now)))
    .orderBy(desc(reportShares.createdAt));
}

export const revokeReportShare = (deps: ServiceDeps, actor: Actor, shareId: string) =>
  writeAndAnnounce(deps, actor.orgId, async (tx) => {
    authorizeReportShareAdmin(actor);
    const [share] = await tx
      .update(reportShares)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(reportShares.orgId, actor.orgId), eq(reportShares.id, shareId), isNull(reportShares.revokedAt)))
      .returning();
    if (!share) throw notFound('The report link');
    await recordActivity(tx, { ...scopeOf(actor), action: 'report.share_revoked', entityType: 'report_share', entityId: share.id });
  });

/** The share a link opens; forged, revoked and expired links are all simply not found. */
export async function shareByToken(db: Database, secret: string, token: string, now: Date) {
  const id = verifiedId(secret, PURPOSE, token);
  if (!id) throw notFound('The report');
  const [share] = await db
    .select()
    .from(reportShares)
    .where(and(eq(reportShares.id, id), isNull(reportShares.revokedAt), gt(reportShares.expiresAt, now)));
  if (!share) throw notFound('The report');
  return share;
}
