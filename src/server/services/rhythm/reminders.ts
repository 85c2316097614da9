import type { Executor } from '../../../db/database.js';
import { outbox } from '../../../db/schema/index.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { queueSlackReminder } from '../slack/reminder-dm.js';
import { byOwner, describeKeyResult, dueKeyResults, type DueKeyResult } from './due-key-results.js';
import type { Period } from './schedule.js';
import { groupLabel, type CheckInGroup } from './schedules.js';
import { bullets, plural, sayDate, sayMoment } from './wording.js';
import { anyoneIn } from '../visibility/objective-visible.js';

export interface WebhookPost {
  orgId: string;
  url: string;
  text: string;
  /** One post per key: a retried or repeated job run never posts twice. */
  dedupeKey: string;
  now: Date;
}

/**
 * Queues a Slack-compatible post (`{"text": …}`, which Teams and Mattermost incoming webhooks
 * accept too) in the caller's transaction; the dispatcher delivers it. Returns 1 when queued.
 */
export async function queueWebhook(tx: Executor, post: WebhookPost): Promise<number> {
  const rows = await tx
    .insert(outbox)
    .values({
      orgId: post.orgId,
      channel: 'webhook',
      recipient: post.url,
      body: post.text,
      payload: { text: post.text },
      nextAttemptAt: post.now,
      dedupeKey: post.dedupeKey,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length;
}

function reminderBody(group: CheckInGroup, period: Period, rows: DueKeyResult[]): string {
  const missing = rows.filter((r) => !r.proposed);
  const proposed = rows.filter((r) => r.proposed);
  return [
    `Check-ins for ${group.name} were due ${sayMoment(period.dueAt, group.schedule.timeZone)}.`,
    ...(missing.length
      ? [`These key results have had no check-in since ${sayDate(period.previousDate)}:`, bullets(missing.map(describeKeyResult))]
      : []),
    ...(proposed.length ? ['A value arrived for these and needs your confirmation:', bullets(proposed.map(describeKeyResult))] : []),
  ].join('\n');
}

/** "Check-in due", or — when every one only waits for a pushed value to be confirmed — "needs your confirmation". */
const reminderTitle = (list: DueKeyResult[], groupName: string) =>
  list.every((r) => r.proposed)
    ? `Needs your confirmation: ${plural(list.length, 'proposed check-in')} (${groupName})`
    : `Check-in due: ${plural(list.length, 'key result')} (${groupName})`;

function webhookText(group: CheckInGroup, period: Period, rows: DueKeyResult[], publicUrl: string): string {
  const lines = rows.map((r) => `${r.ownerName ?? 'No owner'}: ${describeKeyResult(r)}`);
  return [
    `Check-ins due for ${group.name} (${sayMoment(period.dueAt, group.schedule.timeZone)}): ${plural(rows.length, 'key result')} not updated since ${sayDate(period.previousDate)}.`,
    bullets(lines),
    `Check in: ${publicUrl}`,
  ].join('\n');
}

/**
 * One group's reminders for one period: one notification per owner listing their due key results
 * (in app and by e-mail, through notify), and one post to the team's webhook. A key result of a shared
 * objective is reminded to its owner by the owning team's group only, wherever the owner belongs, so a
 * person in both teams hears of it once.
 */
export async function remindGroup(tx: Executor, n: NotifyContext, group: CheckInGroup, period: Period) {
  const rows = await dueKeyResults(tx, group, period, null);
  let notified = 0;
  let slackDms = 0;
  for (const [ownerId, list] of byOwner(rows)) {
    if (!ownerId) continue;
    const sent = await notify(tx, n, {
      orgId: group.orgId,
      userId: ownerId,
      kind: 'reminder',
      title: reminderTitle(list, group.name),
      body: reminderBody(group, period, list),
      link: list.length === 1 ? `/objectives/${list[0]!.objectiveId}` : '/',
      entityType: group.teamId ? 'team' : 'organization',
      entityId: group.teamId ?? group.orgId,
      dedupeKey: `reminder:${groupLabel(group)}:${period.dueDate}`,
    });
    if (!sent) continue;
    notified++;
    // People who linked Slack also get it there, with a Check in button per key result.
    slackDms += await queueSlackReminder(tx, {
      orgId: group.orgId,
      userId: ownerId,
      title: reminderTitle(list, group.name),
      keyResults: list,
      dedupeKey: `slack:reminder:${groupLabel(group)}:${period.dueDate}:${ownerId}`,
      now: n.now,
    });
  }
  let webhooks = 0;
  // A team's channel may hold anyone: it hears only of key results the whole organisation may see, its
  // shared objectives' too (their owners were reminded above by the owning team's group, not twice here).
  const shared = group.webhookUrl ? await dueKeyResults(tx, group, period, anyoneIn(group.orgId), true) : [];
  if (group.webhookUrl && shared.length > 0) {
    webhooks = await queueWebhook(tx, {
      orgId: group.orgId,
      url: group.webhookUrl,
      text: webhookText(group, period, shared, n.publicUrl),
      dedupeKey: `webhook:reminder:${groupLabel(group)}:${period.dueDate}`,
      now: n.now,
    });
  }
  return { keyResults: rows.length, notified, webhooks, ...(slackDms ? { slackDms } : {}) };
}
