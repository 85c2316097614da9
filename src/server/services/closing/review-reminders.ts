import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles } from '../../../db/schema/index.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import type { Period } from '../rhythm/schedule.js';
import { groupLabel, organizationAdmins, teamLeads, type CheckInGroup } from '../rhythm/schedules.js';
import { bullets, plural } from '../rhythm/wording.js';
import { describeGap, findReviewGaps, type ReviewGap } from './review-gaps.js';

/**
 * While a cycle is in review, the check-in rhythm also reminds people of what they still owe it (a score
 * to confirm, a closing note): on the same days, through the same notify() (preferences, quiet hours),
 * and past the escalation delay their leads hear of it. A group covers its team's objectives (company: no team).
 */
async function groupGaps(tx: Executor, group: Pick<CheckInGroup, 'orgId' | 'teamId'>) {
  const inReview = await tx
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(and(eq(cycles.orgId, group.orgId), eq(cycles.status, 'review')));
  const gaps: (ReviewGap & { cycleId: string; cycleName: string })[] = [];
  for (const cycle of inReview)
    for (const gap of await findReviewGaps(tx, group.orgId, cycle.id, null))
      if (gap.teamId === group.teamId) gaps.push({ ...gap, cycleId: cycle.id, cycleName: cycle.name });
  return gaps;
}

export async function remindReviewGroup(tx: Executor, n: NotifyContext, group: CheckInGroup, period: Pick<Period, 'dueDate'>) {
  const gaps = await groupGaps(tx, group);
  const byOwner = new Map<string, typeof gaps>();
  for (const gap of gaps) if (gap.ownerId) byOwner.set(gap.ownerId, [...(byOwner.get(gap.ownerId) ?? []), gap]);
  let notified = 0;
  for (const [ownerId, list] of byOwner) {
    const sent = await notify(tx, n, {
      orgId: group.orgId,
      userId: ownerId,
      kind: 'reminder',
      title: `Review: ${plural(list.length, 'item')} to finish (${list[0]!.cycleName})`,
      body: [`${list[0]!.cycleName} is in review. Still to do:`, bullets(list.map(describeGap))].join('\n'),
      link: `/cycles/${list[0]!.cycleId}/review`,
      entityType: group.teamId ? 'team' : 'organization',
      entityId: group.teamId ?? group.orgId,
      dedupeKey: `review-reminder:${groupLabel(group)}:${period.dueDate}`,
    });
    if (sent) notified++;
  }
  return { reviewItems: gaps.length, reviewNotified: notified };
}

export async function escalateReviewGroup(tx: Executor, n: NotifyContext, group: CheckInGroup, period: Pick<Period, 'dueDate'>) {
  const gaps = await groupGaps(tx, group);
  if (gaps.length === 0) return { reviewMissing: 0, reviewEscalated: 0 };
  const recipients = group.teamId ? await teamLeads(tx, group.orgId, [group.teamId]) : await organizationAdmins(tx, group.orgId);
  let notified = 0;
  for (const recipient of recipients) {
    const sent = await notify(tx, n, {
      orgId: group.orgId,
      userId: recipient.userId,
      kind: 'escalation',
      title: `Review: ${plural(gaps.length, 'item')} still open in ${group.name}`,
      body: [`${group.rhythm.escalateAfterHours} hours after the reminder, the review still lacks:`, bullets(gaps.map(describeGap))].join(
        '\n',
      ),
      link: `/cycles/${gaps[0]!.cycleId}/review`,
      entityType: group.teamId ? 'team' : 'organization',
      entityId: group.teamId ?? group.orgId,
      dedupeKey: `review-escalation:${groupLabel(group)}:${period.dueDate}`,
    });
    if (sent) notified++;
  }
  return { reviewMissing: gaps.length, reviewEscalated: notified };
}
