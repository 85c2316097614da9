import { and, asc, eq, sql } from 'drizzle-orm';
import { weekStartOf } from '../../../domain/adoption/index.js';
import type { AdoptionScreen } from '../../../domain/vocabulary.js';
import type { Database } from '../../../db/database.js';
import { adoptionMinutes, organizations, teamMembers } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn, type Clock } from '../../clock.js';
import { notFound } from '../../errors.js';

/** The most one report may add: the browser reports every few minutes of active use. */
export const MAX_MINUTES_PER_REPORT = 15;

/**
 * Adds minutes of active use on a planning or check-in screen to the sum of the caller's team (the one they joined
 * first) for this week. Nothing names the person: no activity row, no log line, only the team's weekly sum grows.
 * Someone in no team has nowhere to count: nothing is stored.
 */
export async function recordMinutes(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  input: { screen: AdoptionScreen; minutes: number },
): Promise<{ counted: boolean }> {
  const [org] = await deps.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, actor.orgId));
  if (!org) throw notFound('The organisation');
  const [team] = await deps.db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.userId, actor.userId)))
    .orderBy(asc(teamMembers.createdAt), asc(teamMembers.teamId))
    .limit(1);
  if (!team) return { counted: false };
  const weekStart = weekStartOf(todayIn(org.timeZone, deps.clock()));
  await deps.db
    .insert(adoptionMinutes)
    .values({ orgId: actor.orgId, teamId: team.teamId, weekStart, screen: input.screen, minutes: input.minutes })
    .onConflictDoUpdate({
      target: [adoptionMinutes.orgId, adoptionMinutes.teamId, adoptionMinutes.weekStart, adoptionMinutes.screen],
      set: { minutes: sql`${adoptionMinutes.minutes} + excluded.minutes` },
    });
  return { counted: true };
}
