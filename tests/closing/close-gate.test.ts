import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, cycles } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld, type CycleView } from '../okrs/support.js';
import { ReviewApi } from './support.js';

interface Gap {
  kind: string;
  teamName: string | null;
  objectiveTitle: string | null;
  keyResultTitle: string | null;
}

describeEachEngine('Closing a cycle needs the review done', (engine) => {
  const t = useOkrWorld(engine, '2025-03-25');
  const review = () => new ReviewApi(t.w.owner.client);
  const close = (body: Record<string, unknown> = {}) =>
    t.w.owner.client.patch<CycleView>(`${API}/cycles/${t.w.cycle.id}`, { status: 'closed', ...body });

  async function scenario() {
    const team = await createTeam(t.w.owner.client, { name: 'Growth' });
    const a = await t.w.api.objectiveAt(
      { cycleId: t.w.cycle.id, title: 'Grow sign-ups', type: 'aspirational', teamId: team.id },
      75,
      '2025-03-20',
    );
    const b = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Ship billing', type: 'committed' }, 40, '2025-03-20');
    await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'A draft nobody reviews' });
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'review' });
    return { a, b };
  }

  it('refuses to close (409 review-incomplete) listing the teams and objectives missing scores or notes; nothing changes', async () => {
    const { a } = await scenario();
    await review().confirm(a.kr.id);
    const refused = await close();
    const problem = expectProblem(refused, 409, '/problems/review-incomplete', 'status');
    const gaps = (refused.body as unknown as { gaps: Gap[] }).gaps;
    expect(gaps.map((g) => [g.kind, g.teamName, g.objectiveTitle, g.keyResultTitle])).toEqual([
      ['missing_retrospective', 'Growth', null, null],
      ['missing_closing_note', 'Growth', 'Grow sign-ups', null],
      ['unconfirmed_score', null, 'Ship billing', 'Ship billing KR'],
      ['missing_closing_note', null, 'Ship billing', null],
    ]);
    expect(problem.errors?.map((e) => e.message)).toEqual([
      'Growth: no retrospective held yet.',
      'Growth · Grow sign-ups: no closing note yet.',
      'Company · Ship billing: the score of "Ship billing KR" is not confirmed.',
      'Company · Ship billing: no closing note yet.',
    ]);
    const [stored] = await engine().db.select().from(cycles);
    expect(stored).toMatchObject({ status: 'review', closedAt: null });
    expect((await t.w.api.objective(a.objective.id)).score).toBeNull();
  });

  it('closes once every score is confirmed, every note written and every team retrospective held; records the close in each objective history', async () => {
    const { a, b } = await scenario();
    for (const kr of [a.kr, b.kr]) await review().confirm(kr.id);
    expectStatus(await t.w.owner.client.post(`${API}/cycles/${t.w.cycle.id}/retrospectives`, { teamId: a.objective.teamId }), 201);
    await review().note(a.objective.id, { outcome: 'achieved', next: 'done' });
    await review().note(b.objective.id, { outcome: 'missed', next: 'carry_over' });
    t.clock.setDay('2025-04-01');
    const closed = await close();
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({ status: 'closed', closedEarly: false });

    const closedRows = await engine().db.select().from(activities).where(eq(activities.action, 'objective.closed'));
    expect(closedRows.map((r) => [r.entityId, r.after])).toEqual(
      expect.arrayContaining([
        [a.objective.id, { status: 'closed', score: 0.75, verdict: 'met', outcome: 'achieved', cycleId: t.w.cycle.id }],
        [b.objective.id, { status: 'closed', score: 0.4, verdict: 'missed', outcome: 'missed', cycleId: t.w.cycle.id }],
      ]),
    );
    const history = await t.w.owner.client.get<{ action: string }[]>(`${API}/objectives/${a.objective.id}/activity`);
    expectStatus(history, 200);
    expect(history.body.map((h) => h.action)).toContain('objective.closed');
    const celebrated = await engine().db.select().from(activities).where(eq(activities.action, 'objective.achieved'));
    expect(celebrated.map((r) => r.entityId)).toEqual([a.objective.id]);
    // The feed celebrates it, naming the cycle.
    type Item = { kind: string; objective: { id: string } | null; cycle: { name: string } | null };
    const feed = await t.w.owner.client.get<{ items: Item[] }>(`${API}/feed`);
    expectStatus(feed, 200);
    const achieved = feed.body.items.filter((i) => i.kind === 'objective_achieved');
    expect(achieved.map((i) => [i.objective?.id, i.cycle?.name])).toEqual([[a.objective.id, t.w.cycle.name]]);
    const tree = await t.w.api.tree(t.w.cycle.id);
    const published = tree.roots.filter((o) => o.title !== 'A draft nobody reviews');
    expect(published.map((o) => [o.title, o.score, o.verdict]).sort()).toEqual([
      ['Grow sign-ups', 0.75, 'met'],
      ['Ship billing', 0.4, 'missed'],
    ]);
  });

  it('an admin closes past the gaps with a reason: recorded with the phase change; early closing says so', async () => {
    await scenario();
    expectProblem(await close({ closeOverrideReason: '   ' }), 400, '/problems/validation-failed', 'closeOverrideReason');
    const closed = await close({ closeOverrideReason: 'Reorganisation: the quarter ends early' });
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({ status: 'closed', closedEarly: true });
    const [phase] = await engine()
      .db.select()
      .from(activities)
      .where(
        and(
          eq(activities.action, 'cycle.phase_changed'),
          eq(activities.after, {
            from: 'review',
            to: 'closed',
            overrideReason: 'Reorganisation: the quarter ends early',
            gapsOverridden: 5,
          }),
        ),
      );
    expect(phase).toBeDefined();

    const member = await addPerson(t.w.owner.client, { role: 'member' });
    expectProblem(await member.client.patch(`${API}/cycles/${t.w.cycle.id}`, { status: 'review' }), 403, '/problems/forbidden');
  });
});
