import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { accounts, organizations, teamMembers, teams, users } from '../../../db/schema/index.js';
import { countUsers } from '../create-account.js';
import { recordActivity } from '../activity.js';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS, demoEmail } from './demo-organization.js';
import { currentQuarter, seedDemoOkrs } from './seed-demo-okrs.js';
import { seedDemoStrategy } from './seed-demo-strategy.js';
import { todayIn } from '../../clock.js';

/** Fills an empty database with the demo organisation and its current quarter of OKRs in one transaction; does nothing when people exist. */
export async function seedDemoIfEmpty(db: Database, now = new Date()): Promise<{ seeded: boolean; message: string }> {
  if ((await countUsers(db)) > 0) return { seeded: false, message: 'Demo skipped: this database already has people in it.' };
  // One hash for everyone: hashing is deliberately slow, and every demo account shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: DEMO_ORGANIZATION, timeZone: 'Europe/Berlin' }).returning();
    const orgId = org!.id;
    const teamIds = new Map<string, string>();
    for (const team of DEMO_TEAMS) {
      const [row] = await tx
        .insert(teams)
        .values({
          orgId,
          name: team.name,
          kind: team.kind,
          description: team.description,
          parentId: team.parent ? teamIds.get(team.parent) : null,
        })
        .returning({ id: teams.id });
      teamIds.set(team.key, row!.id);
    }
    const userIds = new Map(DEMO_PEOPLE.map((p) => [p.name, randomUUID()]));
    await tx.insert(users).values(
      DEMO_PEOPLE.map((p) => ({
        id: userIds.get(p.name)!,
        orgId,
        name: p.name,
        email: demoEmail(p.name),
        title: p.title,
        role: p.role ?? 'member',
        emailVerified: true,
      })),
    );
    for (const p of DEMO_PEOPLE) {
      if (p.manager)
        await tx
          .update(users)
          .set({ managerId: userIds.get(p.manager)! })
          .where(eq(users.id, userIds.get(p.name)!));
    }
    await tx.insert(accounts).values(
      DEMO_PEOPLE.map((p) => ({
        id: randomUUID(),
        accountId: userIds.get(p.name)!,
        providerId: 'credential',
        userId: userIds.get(p.name)!,
        password: passwordHash,
      })),
    );
    const today = todayIn('Europe/Berlin', now);
    const quarterStart = currentQuarter(today).start;
    // Everyone has been in their teams since the quarter began, as its check-in history says: adoption counts a
    // team's members from the day they joined, so memberships dated today left every past week with no members.
    const joined = new Date(`${quarterStart}T00:00:00Z`);
    const memberships = DEMO_PEOPLE.flatMap((p) =>
      p.teams.map((key) => ({
        orgId,
        createdAt: joined,
        teamId: teamIds.get(key)!,
        userId: userIds.get(p.name)!,
        role: p.leads?.includes(key) ? ('lead' as const) : ('member' as const),
      })),
    );
    await tx.insert(teamMembers).values(memberships);
    const { objectiveIds } = await seedDemoOkrs(tx, orgId, userIds, teamIds, today);
    await seedDemoStrategy(tx, orgId, userIds, teamIds, objectiveIds, quarterStart, today);
    await recordActivity(tx, { orgId, actorId: null, action: 'organization.demo-seeded', entityType: 'organization', entityId: orgId });
  });
  const owner = DEMO_PEOPLE.find((p) => p.role === 'owner')!;
  return {
    seeded: true,
    message: `Demo organisation ${DEMO_ORGANIZATION} created. Sign in as ${demoEmail(owner.name)} with password "${DEMO_PASSWORD}".`,
  };
}
