import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, keyResults, objectives, slackInstallations, teams } from '../../../db/schema/index.js';
import { objectiveStatusChange, type ActivityFacts, type WebhookEvent } from '../../../domain/webhooks/events.js';

export interface EventSubject {
  /** The resource each event of the activity carries, shaped as the API presents it. */
  data: Record<string, unknown>;
  /** The team whose chat webhook hears of wins and blockers, if any. */
  teamWebhookUrl: string | null;
  /** The team's Slack channel for its wins, when the organisation has the Slack app. */
  teamSlackChannel?: string | null;
  keyResultTitle?: string;
  objectiveTitle?: string;
}

interface Activity extends ActivityFacts {
  orgId: string;
  entityType: string;
  entityId: string;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const CHECK_IN_FIELDS = [
  'id',
  'keyResultId',
  'authorId',
  'asOf',
  'value',
  'milestonesDone',
  'confidence',
  'note',
  'blockers',
  'createdAt',
  'updatedAt',
];
const pick = (row: Record<string, unknown>, names: string[]) => Object.fromEntries(names.map((n) => [n, row[n] ?? null]));

/** The objective an event is about, with its team's chat webhook; only objectives the whole organisation may read. */
async function objectiveOf(tx: Executor, orgId: string, objectiveId: string) {
  const [row] = await tx
    .select({
      objective: objectives,
      teamWebhookUrl: teams.webhookUrl,
      teamSlackChannel: sql<string | null>`case when ${slackInstallations.orgId} is null then null else ${teams.slackChannelId} end`,
    })
    .from(objectives)
    .leftJoin(teams, and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId)))
    .leftJoin(slackInstallations, eq(slackInstallations.orgId, objectives.orgId))
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, objectiveId)));
  // Webhook receivers are not people Cairn can check: restricted objectives stay inside (docs/visibility.md).
  return row && row.objective.visibility === 'organization' ? row : null;
}

export const presentObjective = (o: typeof objectives.$inferSelect) => ({
  id: o.id,
  cycleId: o.cycleId,
  title: o.title,
  description: o.description,
  ownerId: o.ownerId,
  teamId: o.teamId,
  type: o.type,
  status: o.status,
  progress: o.progress,
  score: o.score,
});

async function keyResultSubject(tx: Executor, orgId: string, keyResultId: string) {
  const [kr] = await tx
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, keyResultId)));
  if (!kr) return null;
  const owner = await objectiveOf(tx, orgId, kr.objectiveId);
  if (!owner) return null;
  const keyResult = {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    currentValue: kr.currentValue,
    progress: kr.progress,
    confidence: kr.confidence,
  };
  return {
    keyResult,
    objective: presentObjective(owner.objective),
    teamWebhookUrl: owner.teamWebhookUrl,
    teamSlackChannel: owner.teamSlackChannel,
  };
}

/**
 * Loads what the activity's events are about, inside its transaction, or null when it must not leave
 * Cairn (an objective visible to fewer than everyone) or is gone.
 */
export async function eventSubject(tx: Executor, activity: Activity, events: WebhookEvent[]): Promise<EventSubject | null> {
  const { orgId } = activity;
  const after = record(activity.after);
  if (events.includes('check_in.created') || events.includes('check_in.corrected')) {
    const checkIn = pick(after, CHECK_IN_FIELDS);
    const subject = await keyResultSubject(tx, orgId, String(after.keyResultId));
    if (!subject) return null;
    const { teamWebhookUrl, teamSlackChannel: _channel, ...rest } = subject;
    return { data: { checkIn, ...rest }, teamWebhookUrl, keyResultTitle: rest.keyResult.title, objectiveTitle: rest.objective.title };
  }
  if (events.includes('key_result.target_reached')) {
    const subject = await keyResultSubject(tx, orgId, activity.entityId);
    if (!subject) return null;
    const { teamWebhookUrl, teamSlackChannel, ...rest } = subject;
    const data = { ...rest, checkInId: after.checkInId ?? null };
    return { data, teamWebhookUrl, teamSlackChannel, keyResultTitle: rest.keyResult.title, objectiveTitle: rest.objective.title };
  }
  if (activity.entityType === 'cycle') {
    const [cycle] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.orgId, orgId), eq(cycles.id, activity.entityId)));
    if (!cycle) return null;
    const presented = { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate, status: cycle.status };
    const change = events.includes('cycle.phase_changed') ? { from: after.from ?? null, to: after.to ?? null } : {};
    return { data: { cycle: presented, ...change }, teamWebhookUrl: null };
  }
  if (activity.entityType === 'objective') {
    const owner = await objectiveOf(tx, orgId, activity.entityId);
    if (!owner) return null;
    const change = objectiveStatusChange(activity);
    // `aspect` tells a lifecycle change (draft → active …) from a progress-status one (status-events.ts).
    return {
      data: { objective: presentObjective(owner.objective), ...(change ? { aspect: 'lifecycle', ...change } : {}) },
      teamWebhookUrl: null,
    };
  }
  return null;
}
