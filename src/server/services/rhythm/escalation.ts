import type { Executor } from '../../../db/database.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { describeKeyResult, dueKeyResults } from './due-key-results.js';
import type { Period } from './schedule.js';
import { groupLabel, organizationAdmins, teamLeads, type CheckInGroup } from './schedules.js';
import { bullets, plural, sayDate, sayMoment } from './wording.js';

/**
 * Past the escalation delay, a team's leads hear whose check-ins for the period are still missing.
 * Check-ins made since the reminder count, so a late but present update is not escalated.
 * Company objectives have no team lead: their missing check-ins go to the owners and admins, except
 * to one whose own key results are all that is missing (the reminder already told them).
 */
export async function escalateGroup(tx: Executor, n: NotifyContext, group: CheckInGroup, period: Period) {
  // A team's leads hear of the shared objectives it contributes to as well.
  const all = await dueKeyResults(tx, group, period, null, true);
  if (all.length === 0) return { missing: 0, notified: 0 };
  // …but a lead of the owning team hears of those from that team's escalation, not twice.
  const owningTeams = [...new Set(all.flatMap((kr) => (kr.shared && kr.teamId ? [kr.teamId] : [])))];
  const owningLeads = new Set((await teamLeads(tx, group.orgId, owningTeams)).map((l) => `${l.teamId}:${l.userId}`));
  const recipients = group.teamId
    ? await teamLeads(tx, group.orgId, [group.teamId])
    : (await organizationAdmins(tx, group.orgId)).filter((admin) => all.some((kr) => kr.ownerId !== admin.userId));
  let notified = 0;
  for (const recipient of recipients) {
    // Each lead hears only of key results they may read (a private objective of their team may be hidden from them).
    const missing = (group.teamId ? await dueKeyResults(tx, group, period, recipient, true) : all).filter(
      (kr) => !kr.shared || !owningLeads.has(`${kr.teamId}:${recipient.userId}`),
    );
    if (missing.length === 0) continue;
    const body = [
      `Check-ins for ${group.name} were due ${sayMoment(period.dueAt, group.schedule.timeZone)}; ${group.rhythm.escalateAfterHours} hours later these are still missing (no check-in since ${sayDate(period.previousDate)}):`,
      bullets(missing.map((kr) => `${kr.ownerName ?? 'No owner'}: ${describeKeyResult(kr)}`)),
    ].join('\n');
    const sent = await notify(tx, n, {
      orgId: group.orgId,
      userId: recipient.userId,
      kind: 'escalation',
      title: `${plural(missing.length, 'check-in')} missing in ${group.name}`,
      body,
      link: group.teamId ? `/teams/${group.teamId}` : '/attention',
      entityType: group.teamId ? 'team' : 'organization',
      entityId: group.teamId ?? group.orgId,
      dedupeKey: `escalation:${groupLabel(group)}:${period.dueDate}`,
    });
    if (sent) notified++;
  }
  return { missing: all.length, notified };
}
