import { eq, inArray } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { checkIns, comments, keyResults, objectives, reactions, teams, users } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { expectRefused, insertOrganization, single, SQLSTATE, type OrgRows } from './world.js';

describeEachEngine('database cascades', (engine) => {
  let acme: OrgRows;
  beforeEach(async () => {
    await engine().reset();
    acme = await insertOrganization(engine().db, 'Acme');
  });

  /** A comment on each kind of target, a reaction on each comment and one on the check-in. */
  async function discussEverything() {
    const { db } = engine();
    const targets = [
      { targetType: 'objective', targetId: acme.objectiveId },
      { targetType: 'key_result', targetId: acme.keyResultId },
      { targetType: 'check_in', targetId: acme.checkInId },
    ] as const;
    const written = await db
      .insert(comments)
      .values(targets.map((target) => ({ orgId: acme.orgId, authorId: acme.userId, body: `On the ${target.targetType}`, ...target })))
      .returning();
    await db
      .insert(reactions)
      .values([
        ...written.map((c) => ({ orgId: acme.orgId, targetType: 'comment' as const, targetId: c.id, userId: acme.userId, emoji: '👍' })),
        { orgId: acme.orgId, targetType: 'check_in', targetId: acme.checkInId, userId: acme.userId, emoji: '🎉' },
      ]);
    return written;
  }

  it('deleting an objective removes the comments and reactions on it, its key results and their check-ins', async () => {
    const { db } = engine();
    await discussEverything();
    const other = await insertOrganization(db, 'Globex');
    await db.insert(comments).values({ orgId: other.orgId, targetType: 'objective', targetId: other.objectiveId, body: 'Stays' });
    expect(await db.select().from(reactions)).toHaveLength(4);

    await db.delete(objectives).where(eq(objectives.id, acme.objectiveId));

    expect(await db.select({ body: comments.body }).from(comments)).toEqual([{ body: 'Stays' }]);
    expect(await db.select().from(reactions)).toEqual([]);
  });

  it('deleting a key result or a check-in removes only the comments and reactions beneath it', async () => {
    const { db } = engine();
    await discussEverything();
    await db.delete(checkIns).where(eq(checkIns.id, acme.checkInId));
    expect((await db.select({ targetType: comments.targetType }).from(comments)).map((c) => c.targetType).sort()).toEqual([
      'key_result',
      'objective',
    ]);
    expect(await db.select().from(reactions)).toHaveLength(2);

    await db.delete(keyResults).where(eq(keyResults.id, acme.keyResultId));
    expect(await db.select({ targetType: comments.targetType }).from(comments)).toEqual([{ targetType: 'objective' }]);
    expect(await db.select().from(reactions)).toHaveLength(1);
  });

  it('refuses a comment or a reaction on a target that does not exist', async () => {
    const { db } = engine();
    await expectRefused(
      db.insert(comments).values({ orgId: acme.orgId, targetType: 'key_result', targetId: acme.objectiveId, body: 'Wrong kind of target' }),
      SQLSTATE.foreignKey,
      'comments_key_result_fk',
    );
    await expectRefused(
      db.insert(reactions).values({ orgId: acme.orgId, targetType: 'comment', targetId: acme.checkInId, userId: acme.userId, emoji: '👍' }),
      SQLSTATE.foreignKey,
      'reactions_comment_fk',
    );
  });

  it('deleting a person or a team clears the references to it and keeps the rows in their organisation', async () => {
    const { db } = engine();
    await db.delete(teams).where(eq(teams.id, acme.teamId));
    await db.delete(users).where(eq(users.id, acme.userId));
    const objective = single(await db.select().from(objectives).where(eq(objectives.id, acme.objectiveId)));
    expect(objective).toMatchObject({ orgId: acme.orgId, ownerId: null, teamId: null });
    const checkIn = single(await db.select().from(checkIns).where(eq(checkIns.id, acme.checkInId)));
    expect(checkIn).toMatchObject({ orgId: acme.orgId, authorId: null });
  });

  it('updated_at moves on every update without the caller setting it', async () => {
    const { db } = engine();
    const long = new Date('2020-01-01T00:00:00Z');
    await db.update(keyResults).set({ updatedAt: long }).where(eq(keyResults.id, acme.keyResultId));
    await db
      .update(keyResults)
      .set({ title: 'Grow faster' })
      .where(inArray(keyResults.id, [acme.keyResultId]));
    const keyResult = single(await db.select().from(keyResults).where(eq(keyResults.id, acme.keyResultId)));
    expect(keyResult.updatedAt.getTime()).toBeGreaterThan(long.getTime());
  });
});
