import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { checkIns, onboardingProgress, teamMembers, users } from '../../../db/schema/index.js';
import type { OnboardingFacts, OnboardingPath, OnboardingStep } from '../../../domain/onboarding/index.js';
import { hasCheckedIn } from '../users.js';

/** One person's path and what they did: the path is derived (leading any team means the lead path). */
export async function onboardingFacts(db: Executor, orgId: string, userId: string): Promise<OnboardingFacts> {
  const [lead] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId), eq(teamMembers.role, 'lead')))
    .limit(1);
  const rows = await db
    .select({ step: onboardingProgress.step })
    .from(onboardingProgress)
    .where(and(eq(onboardingProgress.orgId, orgId), eq(onboardingProgress.userId, userId)));
  const path: OnboardingPath = lead ? 'lead' : 'member';
  return { path, completed: new Set(rows.map((r) => r.step)), hasCheckedIn: await hasCheckedIn(db, orgId, userId) };
}

/** Every active team lead's facts, in three reads whatever the number of leads (for "trained leaders"). */
export async function leadFacts(db: Executor, orgId: string): Promise<Map<string, Omit<OnboardingFacts, 'path'>>> {
  const leads = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.orgId, teamMembers.orgId), eq(users.id, teamMembers.userId)))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.role, 'lead'), isNull(users.deactivatedAt)));
  const ids = leads.map((l) => l.userId);
  const facts = new Map(ids.map((id) => [id, { completed: new Set<OnboardingStep>(), hasCheckedIn: false }]));
  if (ids.length === 0) return facts;
  const steps = await db
    .select({ userId: onboardingProgress.userId, step: onboardingProgress.step })
    .from(onboardingProgress)
    .where(and(eq(onboardingProgress.orgId, orgId), inArray(onboardingProgress.userId, ids)));
  for (const row of steps) facts.get(row.userId)?.completed.add(row.step);
  const authors = await db
    .selectDistinct({ userId: checkIns.authorId })
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), inArray(checkIns.authorId, ids)));
  for (const row of authors) {
    const fact = row.userId ? facts.get(row.userId) : undefined;
    if (fact) fact.hasCheckedIn = true;
  }
  return facts;
}
