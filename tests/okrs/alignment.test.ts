import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { alignments, objectives, organizations } from '../../src/db/schema/index.js';
import { createAccount } from '../../src/server/services/create-account.js';
import { createCycle } from '../../src/server/services/okrs/cycles.js';
import { createKeyResult } from '../../src/server/services/okrs/key-results.js';
import { createObjective } from '../../src/server/services/okrs/objectives.js';
import { serviceCaller } from './service-caller.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, PASSWORD, uniqueEmail } from '../support/fixtures.js';
import { API, expectNear, expectRollupsConsistent, MISSING_ID, percent, type ObjectiveInput, useOkrWorld } from './support.js';

describeEachEngine('OKR alignment and roll-up', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const clock = t.clock;

  const objective = (title: string, extra: Partial<ObjectiveInput> = {}) =>
    t.w.api.createObjective({ cycleId: t.w.cycle.id, title, ...extra });
  const storedProgress = async () => new Map((await engine().db.select().from(objectives)).map((o) => [o.title, o.progress]));
  const consistent = () => expectRollupsConsistent(engine().db, t.w.orgId, t.w.cycle.id, clock.today);

  it('team objectives drive a company roll-up key result by their weights (1 and 3)', async () => {
    const company = await objective('Win the market');
    const rollup = await t.w.api.createKeyResult(company.id, { title: 'Teams deliver', kind: 'rollup' });
    const revenue = await t.w.api.createKeyResult(company.id, percent('Revenue'));
    const small = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Small team', weight: 1 });
    const big = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Big team', weight: 3 });
    await t.w.api.align(small.objective.id, { parentKeyResultId: rollup.id });
    const aligned = await t.w.api.align(big.objective.id, { parentKeyResultId: rollup.id });
    // Named, with the objective the link leads to: a page needs no list of the cycle's objectives (issue 12).
    expect(aligned.parents).toEqual([
      { id: expect.any(String), parentObjectiveId: null, parentKeyResultId: rollup.id, title: 'Teams deliver', objectiveId: company.id },
    ]);
    expect((await t.w.api.objectives({ parent: company.id })).map((o) => o.title)).toEqual(['Small team', 'Big team']);

    await t.w.api.checkIn(small.kr.id, { value: 50 });
    // Roll-up: (0.5 × 1 + 0 × 3) / 4 = 0.125; company: (0.125 + 0) / 2 = 0.0625.
    expectNear((await t.w.api.keyResult(rollup.id)).progress, 0.125);
    expectNear(await t.w.api.progressOf(company.id), 0.0625);

    await t.w.api.checkIn(big.kr.id, { value: 25 });
    // Roll-up: (0.5 × 1 + 0.25 × 3) / 4 = 0.3125; company: (0.3125 + 0) / 2 = 0.15625.
    expectNear((await t.w.api.keyResult(rollup.id)).progress, 0.3125);
    expectNear(await t.w.api.progressOf(company.id), 0.15625);

    await t.w.api.checkIn(revenue.id, { value: 100 });
    expectNear(await t.w.api.progressOf(company.id), (0.3125 + 1) / 2);
    // The children of a roll-up key result are not counted a second time with `both`.
    expectNear((await t.w.api.patchObjective(company.id, { progressDriver: 'both' })).progress, (0.3125 + 1) / 2);
    // Re-weighing a child moves the roll-up: (0.5 × 1 + 0.25 × 1) / 2 = 0.375.
    await t.w.api.patchObjective(big.objective.id, { weight: 1 });
    expectNear((await t.w.api.keyResult(rollup.id)).progress, 0.375);
    expectNear(await t.w.api.progressOf(company.id), (0.375 + 1) / 2);
    await consistent();
  });

  it('a three-level chain (company ← department ← team) updates every ancestor in one write', async () => {
    const company = await objective('Company', { progressDriver: 'aligned' });
    const dept = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Department', progressDriver: 'both' }, 100);
    const otherDept = await objective('Other department');
    const team = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Team', weight: 3 });
    await t.w.api.align(dept.objective.id, { parentObjectiveId: company.id });
    await t.w.api.align(otherDept.id, { parentObjectiveId: company.id });
    await t.w.api.align(team.objective.id, { parentObjectiveId: dept.objective.id });
    // Before the team moves: department (1 × 1 + 0 × 3) / 4 = 0.25, company (0.25 + 0) / 2.
    expectNear(await t.w.api.progressOf(company.id), 0.125);

    await t.w.api.checkIn(team.kr.id, { value: 40 });
    const progress = await storedProgress();
    expectNear(progress.get('Team') ?? Number.NaN, 0.4);
    // Department: (1 × 1 + 0.4 × 3) / 4 = 0.55; company: (0.55 × 1 + 0 × 1) / 2 = 0.275.
    expectNear(progress.get('Department') ?? Number.NaN, 0.55);
    expectNear(progress.get('Company') ?? Number.NaN, 0.275);
    expectNear(await t.w.api.progressOf(company.id), 0.275);
    await consistent();
  });

  it('a child aligned to two parents counts in both (directly and through a key result)', async () => {
    const first = await objective('First parent', { progressDriver: 'aligned' });
    const second = await objective('Second parent', { progressDriver: 'both' });
    const secondKr = await t.w.api.createKeyResult(second.id, percent('Own work'));
    const child = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Shared child' });
    await t.w.api.align(child.objective.id, { parentObjectiveId: first.id });
    // Aligning to a parent's (non-roll-up) key result counts as aligning to that parent.
    const view = await t.w.api.align(child.objective.id, { parentKeyResultId: secondKr.id });
    expect(view.parents).toHaveLength(2);

    await t.w.api.checkIn(child.kr.id, { value: 80 });
    expectNear(await t.w.api.progressOf(first.id), 0.8);
    expectNear(await t.w.api.progressOf(second.id), (0 + 0.8) / 2);
    expect((await t.w.api.objectives({ parent: second.id })).map((o) => o.id)).toEqual([child.objective.id]);
    await consistent();
  });

  it('a child aligned to a parent and to one of its key results counts once in that parent', async () => {
    const parent = await objective('Parent', { progressDriver: 'aligned' });
    const parentKr = await t.w.api.createKeyResult(parent.id, percent('Parent metric'));
    const other = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Other child' }, 0);
    const twice = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Linked twice' });
    await t.w.api.align(other.objective.id, { parentObjectiveId: parent.id });
    await t.w.api.align(twice.objective.id, { parentObjectiveId: parent.id });
    await t.w.api.align(twice.objective.id, { parentKeyResultId: parentKr.id });
    await t.w.api.checkIn(twice.kr.id, { value: 100 });
    // Two children, one at 0 and one at 1: 0.5, not 2/3.
    expectNear(await t.w.api.progressOf(parent.id), 0.5);
    await consistent();
  });

  it("progressDriver 'key_results', 'aligned' and 'both' average their items by their own weights", async () => {
    const grand = await objective('Grandparent', { progressDriver: 'aligned' });
    const parent = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Parent' }, 100);
    const heavy = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Heavy child', weight: 2 }, 25);
    const light = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Light child' }, 100);
    await t.w.api.align(parent.objective.id, { parentObjectiveId: grand.id });
    await t.w.api.align(heavy.objective.id, { parentObjectiveId: parent.objective.id });
    await t.w.api.align(light.objective.id, { parentObjectiveId: parent.objective.id });

    expect(await t.w.api.progressOf(parent.objective.id)).toBe(1);
    // aligned: (0.25 × 2 + 1 × 1) / 3 = 0.5
    expectNear((await t.w.api.patchObjective(parent.objective.id, { progressDriver: 'aligned' })).progress, 0.5);
    expectNear(await t.w.api.progressOf(grand.id), 0.5);
    // both, one pool: (1 × 1 + 0.25 × 2 + 1 × 1) / 4 = 0.625
    expectNear((await t.w.api.patchObjective(parent.objective.id, { progressDriver: 'both' })).progress, 0.625);
    expectNear(await t.w.api.progressOf(grand.id), 0.625);
    // Weights of the children re-weigh the parent and the grandparent follows: (1 + 0.25 × 6 + 1) / 8.
    await t.w.api.patchObjective(heavy.objective.id, { weight: 6 });
    expectNear(await t.w.api.progressOf(grand.id), 3.5 / 8);
    expectNear((await t.w.api.patchObjective(parent.objective.id, { progressDriver: 'key_results' })).progress, 1);
    expect(await t.w.api.progressOf(grand.id)).toBe(1);
    // An objective driven by aligned children that has none is at 0.
    expect((await objective('Lonely', { progressDriver: 'aligned' })).progress).toBe(0);
    await consistent();
  });

  it('refuses loops with 422 naming the parent field, and changes nothing', async () => {
    const a = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'A' }, 30);
    const b = await objective('B', { progressDriver: 'both' });
    const c = await objective('C', { progressDriver: 'aligned' });
    const loop = async (childId: string, body: Record<string, string>, field: string) =>
      expectProblem(
        await t.w.owner.client.post(`${API}/objectives/${childId}/alignments`, body),
        422,
        '/problems/validation-failed',
        field,
      );

    await loop(a.objective.id, { parentObjectiveId: a.objective.id }, 'parentObjectiveId');
    await loop(a.objective.id, { parentKeyResultId: a.kr.id }, 'parentKeyResultId');
    await t.w.api.align(a.objective.id, { parentObjectiveId: b.id });
    await loop(b.id, { parentObjectiveId: a.objective.id }, 'parentObjectiveId');
    await t.w.api.align(b.id, { parentObjectiveId: c.id });
    await loop(c.id, { parentObjectiveId: a.objective.id }, 'parentObjectiveId');
    // C is an ancestor of A: aligning C to A's key result would make C depend on itself.
    await loop(c.id, { parentKeyResultId: a.kr.id }, 'parentKeyResultId');
    const bKr = await t.w.api.createKeyResult(b.id, { title: 'B roll-up', kind: 'rollup' });
    await loop(c.id, { parentKeyResultId: bKr.id }, 'parentKeyResultId');

    const links = await engine().db.select().from(alignments);
    expect(links.map((l) => [l.childObjectiveId, l.parentObjectiveId, l.parentKeyResultId]).sort()).toEqual(
      [
        [a.objective.id, b.id, null],
        [b.id, c.id, null],
      ].sort(),
    );
    // B: (0 roll-up + 0.3 from A) / 2 = 0.15; C follows B.
    const progress = await storedProgress();
    expect([progress.get('A'), progress.get('B'), progress.get('C')]).toEqual([0.3, 0.15, 0.15]);
    expect((await t.w.api.objective(c.id)).parents).toEqual([]);

    // Other refusals: neither or both targets, unknown parent, a duplicate link, another cycle.
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${c.id}/alignments`, {}),
      422,
      '/problems/validation-failed',
      'parentObjectiveId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${c.id}/alignments`, {
        parentObjectiveId: a.objective.id,
        parentKeyResultId: a.kr.id,
      }),
      422,
      '/problems/validation-failed',
      'parentObjectiveId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${a.objective.id}/alignments`, { parentObjectiveId: MISSING_ID }),
      404,
      '/problems/not-found',
      'parentObjectiveId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${a.objective.id}/alignments`, { parentKeyResultId: MISSING_ID }),
      404,
      '/problems/not-found',
      'parentKeyResultId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${a.objective.id}/alignments`, { parentObjectiveId: b.id }),
      409,
      '/problems/conflict',
      'parentObjectiveId',
    );
    const q2 = await t.w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    const nextQuarter = await t.w.api.createObjective({ cycleId: q2.id, title: 'Next quarter' });
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${a.objective.id}/alignments`, { parentObjectiveId: nextQuarter.id }),
      422,
      '/problems/validation-failed',
      'parentObjectiveId',
    );
    expect(await engine().db.select().from(alignments)).toHaveLength(2);
    await consistent();
  });

  it("refuses to align to another organisation's objective or key result (404), and touches nothing", async () => {
    const { db } = engine();
    const other = await db.transaction(async (tx) => {
      const [org] = await tx.insert(organizations).values({ name: 'Other Org' }).returning();
      const person = await createAccount(tx, {
        orgId: org!.id,
        name: 'Ivan Intruder',
        email: uniqueEmail('intruder'),
        password: PASSWORD,
        role: 'owner',
      });
      return { orgId: org!.id, actorId: person.id };
    });
    const theirCaller = serviceCaller(db, other, '2025-02-15');
    const theirCycle = await createCycle(theirCaller.deps, theirCaller.actor, {
      name: 'Their Q1',
      startDate: t.w.cycle.startDate,
      endDate: t.w.cycle.endDate,
      status: 'active',
    });
    const theirs = await createObjective(theirCaller.deps, theirCaller.actor, { cycleId: theirCycle.id, title: 'Theirs' });
    const theirKr = await createKeyResult(theirCaller.deps, theirCaller.actor, theirs.id, { title: 'Their KR', kind: 'rollup' });
    const mine = await objective('Mine');

    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${mine.id}/alignments`, { parentObjectiveId: theirs.id }),
      404,
      '/problems/not-found',
      'parentObjectiveId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${mine.id}/alignments`, { parentKeyResultId: theirKr.id }),
      404,
      '/problems/not-found',
      'parentKeyResultId',
    );
    // Nor can their objective be aligned (or even seen) from here.
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${theirs.id}/alignments`, { parentObjectiveId: mine.id }),
      404,
      '/problems/not-found',
    );
    expectProblem(await t.w.owner.client.get(`${API}/objectives/${theirs.id}`), 404, '/problems/not-found');
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${theirCycle.id}/tree`), 404, '/problems/not-found');
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives`, { cycleId: theirCycle.id, title: 'Sneaky' }),
      404,
      '/problems/not-found',
      'cycleId',
    );
    expect(await db.select().from(alignments)).toEqual([]);
    expect((await db.select().from(objectives).where(eq(objectives.orgId, other.orgId))).map((o) => o.title)).toEqual(['Theirs']);
  });

  it('removing an alignment recomputes the parent (objective and roll-up key result)', async () => {
    const grand = await objective('Grandparent', { progressDriver: 'aligned' });
    const parent = await objective('Parent', { progressDriver: 'aligned' });
    const company = await objective('Company');
    const rollup = await t.w.api.createKeyResult(company.id, { title: 'Roll-up', kind: 'rollup' });
    const x = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'X' }, 80);
    const y = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Y' }, 20);
    await t.w.api.align(parent.id, { parentObjectiveId: grand.id });
    const xLink = (await t.w.api.align(x.objective.id, { parentObjectiveId: parent.id })).parents[0]!;
    await t.w.api.align(y.objective.id, { parentObjectiveId: parent.id });
    const xRollupLink = (await t.w.api.align(x.objective.id, { parentKeyResultId: rollup.id })).parents.find(
      (p) => p.parentKeyResultId === rollup.id,
    )!;
    expectNear(await t.w.api.progressOf(grand.id), 0.5);
    expectNear(await t.w.api.progressOf(company.id), 0.8);

    const after = await t.w.api.unalign(x.objective.id, xLink.id);
    expect(after.parents.map((p) => p.id)).toEqual([xRollupLink.id]);
    expectNear(await t.w.api.progressOf(parent.id), 0.2);
    expectNear(await t.w.api.progressOf(grand.id), 0.2);
    await t.w.api.unalign(x.objective.id, xRollupLink.id);
    expect((await t.w.api.keyResult(rollup.id)).progress).toBe(0);
    expect(await t.w.api.progressOf(company.id)).toBe(0);
    expectProblem(
      await t.w.owner.client.delete(`${API}/objectives/${x.objective.id}/alignments/${xLink.id}`),
      404,
      '/problems/not-found',
      'alignmentId',
    );
    await consistent();
  });

  it('deleting a child objective recomputes its parents all the way up', async () => {
    const grand = await objective('Grandparent', { progressDriver: 'aligned' });
    const company = await objective('Company');
    const rollup = await t.w.api.createKeyResult(company.id, { title: 'Roll-up', kind: 'rollup' });
    const x = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'X', weight: 3 }, 100);
    const y = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Y' }, 20);
    await t.w.api.align(company.id, { parentObjectiveId: grand.id });
    await t.w.api.align(x.objective.id, { parentKeyResultId: rollup.id });
    await t.w.api.align(y.objective.id, { parentKeyResultId: rollup.id });
    expectNear(await t.w.api.progressOf(grand.id), (1 * 3 + 0.2) / 4);

    await t.w.api.deleteObjective(x.objective.id);
    expectNear((await t.w.api.keyResult(rollup.id)).progress, 0.2);
    expectNear(await t.w.api.progressOf(company.id), 0.2);
    expectNear(await t.w.api.progressOf(grand.id), 0.2);
    expect(await engine().db.select().from(alignments)).toHaveLength(2);
    await consistent();
  });
});
