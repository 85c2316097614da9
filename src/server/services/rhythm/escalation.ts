import type { Executor } from '../../../db/database.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { describeKeyResult, dueKeyResults } from './due-key-results.js';
import type { Period } from './schedule.js';
import { teamLeads, type CheckInGroup } from './schedules.js';
import { bullets, plural, sayDate, sayMoment } from './wording.js';

/**
 * Past the escalation delay, a team's leads hear whose check-ins for the period are still missing.
 * Check-ins made since the reminder count, so a late but present update is not escalated.
 * Objectives without a team have no lead, so company reminders are never escalated.
 */
export async function escalateGroup(tx: Executor, n: NotifyContext, group: CheckInGroup, period: Period) {
  if (!group.teamId) return { missing: 0, notified: 0 };
  const missing = await dueKeyResults(tx, group, period);
  if (missing.length === 0) return { missing: 0, notified: 0 };
  const leads = await teamLeads(tx, group.orgId, [group.teamId]);
  const body = [
    `Check-ins for ${group.name} were due ${sayMoment(period.dueAt, group.schedule.timeZone)}; ${group.rhythm.escalateAfterHours} hours later these are still missing (no check-in since ${sayDate(period.previousDate)}):`,
    bullets(missing.map((kr) => `${kr.ownerName ?? 'No owner'}: ${describeKeyResult(kr)}`)),
  ].join('\n');
  let notified = 0;
  for (const lead of leads) {
    const sent = await notify(tx, n, {
      orgId: group.orgId,
      userId: lead.userId,
      kind: 'escalation',
      title: `${plural(missing.length, 'check-in')} missing in ${group.name}`,
      body,
      link: `/teams/${group.teamId}`,
      entityType: 'team',
      entityId: group.teamId,
      dedupeKey: `escalation:${group.teamId}:${period.dueDate}`,
    });
    if (sent) notified++;
  }
  return { missing: missing.length, notified };
}
