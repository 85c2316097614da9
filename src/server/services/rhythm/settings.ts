import { asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { organizations, teams, type RhythmSettings } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeRhythmChange, maySeeWebhookUrls } from '../../policies/organization.js';
import { recordActivity } from '../activity.js';
import { nextDueAt } from './schedule.js';

export type ResolvedRhythm = Required<RhythmSettings>;

/** Every default in one place; the issue and docs/check-in-rhythm.md name the same numbers. */
export const RHYTHM_DEFAULTS: ResolvedRhythm = Object.freeze({
  updateWithinHours: 24,
  answerWithinHours: 24,
  escalateAfterHours: 48,
  digestDay: 1,
  digestHour: 9,
});

/** Limits the API enforces: hours up to four weeks, a weekday and an hour of the day. */
export const RHYTHM_LIMITS = {
  updateWithinHours: { min: 1, max: 672 },
  answerWithinHours: { min: 1, max: 672 },
  escalateAfterHours: { min: 1, max: 672 },
  digestDay: { min: 0, max: 6 },
  digestHour: { min: 0, max: 23 },
} as const satisfies Record<keyof ResolvedRhythm, { min: number; max: number }>;

export function resolveRhythm(settings: RhythmSettings | undefined): ResolvedRhythm {
  const resolved = { ...RHYTHM_DEFAULTS };
  for (const key of Object.keys(RHYTHM_DEFAULTS) as (keyof ResolvedRhythm)[]) {
    const value = settings?.[key];
    // Settings are jsonb: anything odd that slipped in falls back to the default rather than breaking jobs.
    if (typeof value === 'number' && Number.isInteger(value) && value >= RHYTHM_LIMITS[key].min && value <= RHYTHM_LIMITS[key].max)
      resolved[key] = value;
  }
  return resolved;
}

export async function loadRhythm(db: Executor, orgId: string): Promise<{ timeZone: string; rhythm: ResolvedRhythm }> {
  const [org] = await db
    .select({ timeZone: organizations.timeZone, settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw notFound('The organisation');
  return { timeZone: org.timeZone, rhythm: resolveRhythm(org.settings.rhythm) };
}

/** Replaces the rhythm settings (the route has checked every range) and records who changed what. */
export async function saveRhythm(db: Database, actor: Actor, input: RhythmSettings): Promise<ResolvedRhythm> {
  authorizeRhythmChange(actor);
  const scope = { orgId: actor.orgId, actorId: actor.userId };
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, scope.orgId));
    if (!org) throw notFound('The organisation');
    const after = resolveRhythm(input);
    await tx
      .update(organizations)
      .set({ settings: { ...org.settings, rhythm: after } })
      .where(eq(organizations.id, scope.orgId));
    await recordActivity(tx, {
      ...scope,
      action: 'organization.rhythm-updated',
      entityType: 'organization',
      entityId: scope.orgId,
      before: resolveRhythm(org.settings.rhythm),
      after,
    });
    return after;
  });
}

/** Each team's check-in schedule and when it is next due; the webhook URL only for those the policy lets read it. */
export async function teamSchedules(db: Executor, actor: Actor, now: Date) {
  const orgId = actor.orgId;
  const withSecrets = maySeeWebhookUrls(actor);
  const { timeZone } = await loadRhythm(db, orgId);
  const rows = await db.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.name));
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    checkInCadence: t.checkInCadence,
    checkInDay: t.checkInDay,
    checkInHour: t.checkInHour,
    hasWebhook: t.webhookUrl !== null,
    webhookUrl: withSecrets ? t.webhookUrl : null,
    slackChannelId: t.slackChannelId,
    nextDueAt: nextDueAt({ cadence: t.checkInCadence, day: t.checkInDay, hour: t.checkInHour, timeZone }, now).toISOString(),
  }));
}
