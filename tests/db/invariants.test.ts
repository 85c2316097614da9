import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { alignments, checkIns, cycles, keyResults, objectives, teamMembers } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { expectRefused, insertOrganization, single, SQLSTATE, type OrgRows } from './world.js';

// The database refuses what the services never write, so a bug or a hand-made SQL fix cannot break the model.
describeEachEngine('database invariants', (engine) => {
  let acme: OrgRows;
  let globex: OrgRows;
  beforeEach(async () => {
    await engine().reset();
    acme = await insertOrganization(engine().db, 'Acme');
    globex = await insertOrganization(engine().db, 'Globex');
  });

  const objectiveIn = (org: OrgRows, extra: Partial<typeof objectives.$inferInsert> = {}) => ({
    orgId: org.orgId,
    cycleId: org.cycleId,
    title: 'Delight customers',
    ...extra,
  });

  it('refuses references into another organisation: cycle, team, owner, objective, key result, parent, member', async () => {
    const { db } = engine();
    await expectRefused(
      db.insert(objectives).values(objectiveIn(acme, { cycleId: globex.cycleId })),
      SQLSTATE.foreignKey,
      'objectives_cycle_fk',
    );
    await expectRefused(
      db.insert(objectives).values(objectiveIn(acme, { teamId: globex.teamId })),
      SQLSTATE.foreignKey,
      'objectives_team_fk',
    );
    await expectRefused(
      db.insert(objectives).values(objectiveIn(acme, { ownerId: globex.userId })),
      SQLSTATE.foreignKey,
      'objectives_owner_fk',
    );
    await expectRefused(
      db.insert(keyResults).values({ orgId: acme.orgId, objectiveId: globex.objectiveId, title: 'Grow', kind: 'metric' }),
      SQLSTATE.foreignKey,
      'key_results_objective_fk',
    );
    await expectRefused(
      db.insert(checkIns).values({ orgId: acme.orgId, keyResultId: globex.keyResultId, asOf: '2026-01-11', value: 1 }),
      SQLSTATE.foreignKey,
      'check_ins_key_result_fk',
    );
    await expectRefused(
      db.insert(alignments).values({ orgId: acme.orgId, childObjectiveId: acme.objectiveId, parentKeyResultId: globex.keyResultId }),
      SQLSTATE.foreignKey,
      'alignments_parent_key_result_fk',
    );
    await expectRefused(
      db.insert(teamMembers).values({ orgId: acme.orgId, teamId: acme.teamId, userId: globex.userId }),
      SQLSTATE.foreignKey,
      'team_members_user_fk',
    );
    // Moving a row to another organisation is refused too: its references would point outside.
    await expectRefused(
      db.update(checkIns).set({ orgId: globex.orgId }).where(eq(checkIns.id, acme.checkInId)),
      SQLSTATE.foreignKey,
      'check_ins_key_result_fk',
    );
  });

  it('refuses a duplicate alignment, to a parent objective and to a parent key result', async () => {
    const { db } = engine();
    const child = single(await db.insert(objectives).values(objectiveIn(acme)).returning());
    const toObjective = { orgId: acme.orgId, childObjectiveId: child.id, parentObjectiveId: acme.objectiveId };
    const toKeyResult = { orgId: acme.orgId, childObjectiveId: child.id, parentKeyResultId: acme.keyResultId };
    await db.insert(alignments).values([toObjective, toKeyResult]);
    await expectRefused(db.insert(alignments).values(toObjective), SQLSTATE.unique, 'alignments_objective_parent_unique');
    await expectRefused(db.insert(alignments).values(toKeyResult), SQLSTATE.unique, 'alignments_key_result_parent_unique');
  });

  it('refuses an alignment with two parents or none', async () => {
    const { db } = engine();
    const child = single(await db.insert(objectives).values(objectiveIn(acme)).returning());
    await expectRefused(
      db.insert(alignments).values({
        orgId: acme.orgId,
        childObjectiveId: child.id,
        parentObjectiveId: acme.objectiveId,
        parentKeyResultId: acme.keyResultId,
      }),
      SQLSTATE.check,
      'alignments_one_parent_check',
    );
    await expectRefused(
      db.insert(alignments).values({ orgId: acme.orgId, childObjectiveId: child.id }),
      SQLSTATE.check,
      'alignments_one_parent_check',
    );
  });

  it("keeps each alignment's supported objective: the parent, or the parent key result's objective, wherever it moves", async () => {
    const { db } = engine();
    const child = single(await db.insert(objectives).values(objectiveIn(acme)).returning());
    const other = single(
      await db
        .insert(objectives)
        .values(objectiveIn(acme, { title: 'Another' }))
        .returning(),
    );
    // What a writer puts there is not trusted: the trigger derives it.
    const [toObjective, toKeyResult] = await db
      .insert(alignments)
      .values([
        { orgId: acme.orgId, childObjectiveId: child.id, parentObjectiveId: acme.objectiveId, supportedObjectiveId: other.id },
        { orgId: acme.orgId, childObjectiveId: child.id, parentKeyResultId: acme.keyResultId },
      ])
      .returning();
    expect(toObjective!.supportedObjectiveId).toBe(acme.objectiveId);
    expect(toKeyResult!.supportedObjectiveId).toBe(acme.objectiveId);

    await db.update(keyResults).set({ objectiveId: other.id }).where(eq(keyResults.id, acme.keyResultId));
    const moved = single(await db.select().from(alignments).where(eq(alignments.id, toKeyResult!.id)));
    expect(moved.supportedObjectiveId).toBe(other.id);

    await db.update(alignments).set({ parentKeyResultId: null, parentObjectiveId: other.id }).where(eq(alignments.id, toObjective!.id));
    expect(single(await db.select().from(alignments).where(eq(alignments.id, toObjective!.id))).supportedObjectiveId).toBe(other.id);
    await expectRefused(
      db.update(alignments).set({ supportedObjectiveId: child.id }).where(eq(alignments.id, toKeyResult!.id)),
      SQLSTATE.foreignKey,
      'alignments_supported_objective_fk',
    );
  });

  it('refuses values outside the vocabulary', async () => {
    const { db } = engine();
    // Raw SQL: the TypeScript types would not let these literals through.
    await expectRefused(
      db.execute(
        sql`insert into key_results (org_id, objective_id, title, kind) values (${acme.orgId}, ${acme.objectiveId}, 'Grow', 'vibes')`,
      ),
      SQLSTATE.check,
      'key_results_kind_check',
    );
    await expectRefused(
      db.execute(sql`update objectives set type = 'mandatory' where id = ${acme.objectiveId}`),
      SQLSTATE.check,
      'objectives_type_check',
    );
    await expectRefused(
      db.execute(sql`update objectives set status = 'done' where id = ${acme.objectiveId}`),
      SQLSTATE.check,
      'objectives_status_check',
    );
    await expectRefused(
      db.execute(sql`update cycles set status = 'open' where id = ${acme.cycleId}`),
      SQLSTATE.check,
      'cycles_status_check',
    );
    await expectRefused(db.execute(sql`update users set role = 'root' where id = ${acme.userId}`), SQLSTATE.check, 'users_role_check');
    await expectRefused(
      db.execute(sql`update teams set check_in_cadence = 'daily' where id = ${acme.teamId}`),
      SQLSTATE.check,
      'teams_check_in_cadence_check',
    );
  });

  it('refuses a weight of 0, a confidence of 11 and a cycle that ends before it starts', async () => {
    const { db } = engine();
    await expectRefused(
      db.update(keyResults).set({ weight: 0 }).where(eq(keyResults.id, acme.keyResultId)),
      SQLSTATE.check,
      'key_results_weight_check',
    );
    await expectRefused(db.insert(objectives).values(objectiveIn(acme, { weight: 0 })), SQLSTATE.check, 'objectives_weight_check');
    await expectRefused(
      db.insert(checkIns).values({ orgId: acme.orgId, keyResultId: acme.keyResultId, asOf: '2026-01-11', value: 4, confidence: 11 }),
      SQLSTATE.check,
      'check_ins_confidence_check',
    );
    await expectRefused(
      db.update(keyResults).set({ confidence: -1 }).where(eq(keyResults.id, acme.keyResultId)),
      SQLSTATE.check,
      'key_results_confidence_check',
    );
    await expectRefused(
      db.insert(cycles).values({ orgId: acme.orgId, name: 'Backwards', startDate: '2026-06-30', endDate: '2026-04-01' }),
      SQLSTATE.check,
      'cycles_dates_check',
    );
    // The edges are fine.
    await db.update(keyResults).set({ weight: 0.01, confidence: 10 }).where(eq(keyResults.id, acme.keyResultId));
    await db.insert(cycles).values({ orgId: acme.orgId, name: 'One day', startDate: '2026-06-30', endDate: '2026-06-30' });
  });
});
