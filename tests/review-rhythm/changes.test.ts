import { eq, sql } from 'drizzle-orm';
import { cycles } from '../../src/db/schema/index.js';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, MISSING_ID, useOkrWorld } from '../okrs/support.js';
import { requireCycle } from '../../src/server/services/okrs/cycles.js';
import { changesFromHistory } from '../../src/server/services/review-rhythm/changes.js';
import { loadCycleHistory } from '../../src/server/services/review-rhythm/cycle-history.js';
import type { CheckInSpan } from '../../src/server/services/review-rhythm/history-check-ins.js';

interface ChangeItem {
  kind: string;
  summary: string;
  objectiveId: string;
  objectiveTitle: string;
  keyResultTitle: string | null;
  before: string | number | null;
  after: string | number | null;
  link: string;
}
interface Changes {
  from: string;
  to: string;
  items: ChangeItem[];
}

describeEachEngine('What changed in a cycle between two dates', (engine) => {
  const t = useOkrWorld(engine, '2025-01-20');

  /** The activity rows and comments of the set-up are written now; the history says when they happened. */
  const backdate = (table: 'activities' | 'comments', id: string, column: string, at: string) =>
    engine().db.execute(sql.raw(`update ${table} set created_at = '${at}' where ${column} = '${id}'`));

  /**
   * Two weeks of check-ins in team Growth (weekly cadence), from 2025-01-06 to 2025-01-20:
   * Revenue climbs 20 → 60; Beta users falls 30 → 10 with confidence 7 → 4 and a new blocker nobody answers;
   * Hires stops checking in after 01-02 (stale by the 20th) with a blocker still open; CSAT barely moves, its new
   * blocker answered by a colleague, its old blocker cleared before the window; Ship mobile aligns to Grow revenue.
   */
  async function twoWeeks() {
    const { api, cycle } = t.w;
    const growth = await createTeam(t.w.owner.client, { name: 'Growth' });
    const at = (title: string, teamId: string | null = growth.id) => api.objectiveAt({ cycleId: cycle.id, title, teamId });
    const revenue = await at('Grow revenue');
    const mobile = await at('Ship mobile');
    const hiring = await at('Hire team');
    const support = await at('Improve support');
    const brand = await at('Company brand', null);
    await api.checkIn(revenue.kr.id, { value: 20, confidence: 8, asOf: '2025-01-03' });
    await api.checkIn(revenue.kr.id, { value: 60, confidence: 8, asOf: '2025-01-17' });
    await api.checkIn(mobile.kr.id, { value: 30, confidence: 7, asOf: '2025-01-03' });
    await api.checkIn(mobile.kr.id, { value: 10, confidence: 4, asOf: '2025-01-15', blockers: 'Waiting on legal' });
    await api.checkIn(hiring.kr.id, { value: 30, confidence: 6, asOf: '2025-01-02', blockers: 'Need budget' });
    await api.checkIn(support.kr.id, { value: 40, asOf: '2025-01-04', blockers: 'Tooling' });
    await api.checkIn(support.kr.id, { value: 40, asOf: '2025-01-06' });
    const vendor = await api.checkIn(support.kr.id, { value: 40.5, asOf: '2025-01-10', blockers: 'Vendor slow' });
    await api.checkIn(support.kr.id, { value: 40.5, asOf: '2025-01-18' });
    await api.checkIn(brand.kr.id, { value: 50, asOf: '2025-01-12' });
    const colleague = await addPerson(t.w.owner.client, { name: 'Cora Colleague' });
    const answer = await colleague.client.post<{ id: string }>(`${API}/comments`, {
      targetType: 'check_in',
      targetId: vendor.id,
      body: 'Call them',
    });
    expectStatus(answer, 201);
    await backdate('comments', answer.body.id, 'id', '2025-01-11T10:00:00Z');
    await api.align(mobile.objective.id, { parentObjectiveId: revenue.objective.id });
    await backdate('activities', mobile.objective.id, 'entity_id', '2025-01-12T09:00:00Z');
    // Linked and unlinked before the window opened: not a change of these two weeks.
    const linked = await api.align(hiring.objective.id, { parentObjectiveId: revenue.objective.id });
    await api.unalign(hiring.objective.id, linked.parents[0]!.id);
    await backdate('activities', hiring.objective.id, 'entity_id', '2025-01-05T09:00:00Z');
    return { growth, revenue, mobile, brand };
  }

  const changes = async (query: Record<string, string>, cycleId = t.w.cycle.id) =>
    t.w.owner.client.get<Changes>(`${API}/cycles/${cycleId}/changes?${new URLSearchParams(query).toString()}`);

  it("lists exactly the team's status changes, drops, blockers, stale key results, movers and alignment changes, ranked", async () => {
    const { growth, mobile } = await twoWeeks();
    const response = await changes({ from: '2025-01-06', to: '2025-01-20', teamId: growth.id });
    expectStatus(response, 200);
    expect(response.body.items.map((i) => [i.kind, i.keyResultTitle ?? i.objectiveTitle, i.before, i.after])).toEqual([
      ['status_change', 'Ship mobile', 'on_track', 'at_risk'],
      ['confidence_drop', 'Ship mobile KR', 7, 4],
      ['new_blocker', 'Ship mobile KR', null, null],
      ['unanswered_blocker', 'Hire team KR', null, null],
      ['went_stale', 'Hire team KR', null, null],
      ['new_blocker', 'Improve support KR', null, null],
      ['moved_down', 'Ship mobile KR', 0.3, 0.1],
      ['moved_up', 'Grow revenue KR', 0.2, 0.6],
      ['alignment_change', 'Ship mobile', null, null],
    ]);
    const [status, , legal, budget, , vendor] = response.body.items;
    expect(status!.link).toBe(`/objectives/${mobile.objective.id}`);
    expect([legal!.summary, budget!.summary, vendor!.summary]).toEqual([
      'Ship mobile KR: Waiting on legal (unanswered)',
      'Hire team KR: Need budget (unanswered)',
      'Improve support KR: Vendor slow',
    ]);
    expect(response.body.items.at(-1)!.summary).toBe('Ship mobile now aligns to Grow revenue');
  });

  it('reads from the window only the check-ins it needs and says what replaying the whole trail says', async () => {
    const { growth } = await twoWeeks();
    const db = engine().db;
    const [{ orgId }] = (await db.select({ orgId: cycles.orgId }).from(cycles).where(eq(cycles.id, t.w.cycle.id))) as [{ orgId: string }];
    const cycle = await requireCycle(db, orgId, t.w.cycle.id);
    const windows = [
      ['2025-01-06', '2025-01-20'],
      ['2025-01-01', '2025-01-14'],
      ['2025-01-10', '2025-01-10'],
      ['2025-01-03', '2025-01-17'],
    ];
    for (const [from, to] of windows as [string, string][])
      for (const teamId of [null, growth.id]) {
        const report = async (span: CheckInSpan) => {
          const history = await loadCycleHistory(db, orgId, cycle, to, null, teamId ? [teamId] : null, span);
          return changesFromHistory(db, orgId, history, (o) => !teamId || o.teamId === teamId, { from, to, teamId });
        };
        const replayed = await report({ kind: 'trail' });
        expect(replayed.length).toBeGreaterThan(0);
        expect(await report({ kind: 'window', from })).toEqual(replayed);
      }
  });

  it('covers the whole cycle without a team, and a narrower window sees less', async () => {
    await twoWeeks();
    const whole = await changes({ from: '2025-01-06', to: '2025-01-20' });
    expectStatus(whole, 200);
    expect(whole.body.items.filter((i) => i.objectiveTitle === 'Company brand').map((i) => [i.kind, i.before, i.after])).toEqual([
      ['moved_up', 0, 0.5],
    ]);
    expect(whole.body.items).toHaveLength(10);
    // Up to the 14th: Beta users has not fallen yet and, like Revenue, last checked in on the 3rd (stale too);
    // the alignment and the vendor's blocker already happened.
    const early = await changes({ from: '2025-01-06', to: '2025-01-14' });
    expect(early.body.items.map((i) => `${i.kind}:${i.keyResultTitle ?? i.objectiveTitle}`)).toEqual([
      'unanswered_blocker:Hire team KR',
      'went_stale:Grow revenue KR',
      'went_stale:Hire team KR',
      'went_stale:Ship mobile KR',
      'new_blocker:Improve support KR',
      'moved_up:Company brand KR',
      'alignment_change:Ship mobile',
    ]);
    // Nothing changes between a date and itself, except what is still open.
    const same = await changes({ from: '2025-01-20', to: '2025-01-20' });
    expect(same.body.items.map((i) => i.kind)).toEqual(['unanswered_blocker', 'unanswered_blocker']);
  });

  it('a team report says about its objectives what the whole cycle says, with what aligns in from other teams', async () => {
    const { growth, revenue, brand } = await twoWeeks();
    const { api, cycle, owner } = t.w;
    // Sales' objective rolls up into Grow revenue; Grow revenue now aligns to the company's brand objective.
    const sales = await createTeam(owner.client, { name: 'Sales' });
    const deals = await api.objectiveAt({ cycleId: cycle.id, title: 'Close deals', teamId: sales.id });
    await api.checkIn(deals.kr.id, { value: 90, confidence: 9, asOf: '2025-01-16' });
    await api.align(deals.objective.id, { parentObjectiveId: revenue.objective.id });
    await api.align(revenue.objective.id, { parentObjectiveId: brand.objective.id });
    await backdate('activities', revenue.objective.id, 'entity_id', '2025-01-13T09:00:00Z');
    // Two levels more from Sales, through a roll-up key result of Grow revenue: milestones done before and in the
    // window, and a metric below them (a team's report reads only the values these roll up from). Demo day moves
    // before the window: the whole cycle's five biggest movers up then still include Teams deliver.
    const delivers = await api.createKeyResult(revenue.objective.id, { title: 'Teams deliver', kind: 'rollup' });
    const launch = await api.objectiveAt({ cycleId: cycle.id, title: 'Launch app', teamId: sales.id });
    const flow = await api.createKeyResult(launch.objective.id, {
      title: 'Ship the flow',
      kind: 'milestone',
      milestones: [{ title: 'Design' }, { title: 'Build', weight: 2 }, { title: 'Launch' }],
    });
    await api.checkIn(flow.id, { milestonesDone: [true, false, false], asOf: '2025-01-04' });
    await api.checkIn(flow.id, { milestonesDone: [true, true, false], asOf: '2025-01-15' });
    await api.checkIn(launch.kr.id, { value: 35, asOf: '2025-01-05' });
    const demo = await api.objectiveAt({ cycleId: cycle.id, title: 'Demo day', teamId: sales.id });
    await api.checkIn(demo.kr.id, { value: 10, asOf: '2025-01-02' });
    await api.checkIn(demo.kr.id, { value: 80, asOf: '2025-01-05' });
    await api.align(launch.objective.id, { parentKeyResultId: delivers.id });
    await api.align(demo.objective.id, { parentObjectiveId: launch.objective.id });

    const team = await changes({ from: '2025-01-06', to: '2025-01-20', teamId: growth.id });
    const whole = await changes({ from: '2025-01-06', to: '2025-01-20' });
    const growthTitles = new Set(['Grow revenue', 'Ship mobile', 'Hire team', 'Improve support']);
    expect(team.body.items).toEqual(whole.body.items.filter((i) => growthTitles.has(i.objectiveTitle)));
    expect(team.body.items.map((i) => i.summary)).toContain('Grow revenue now aligns to Company brand');
    expect(whole.body.items.map((i) => i.objectiveTitle)).toContain('Close deals');
    expect(team.body.items.map((i) => i.keyResultTitle)).toContain('Teams deliver');
  });

  it("lists a KPI whose health changed on the key result that improves it, linking that key result's objective", async () => {
    const { growth, revenue } = await twoWeeks();
    const { owner } = t.w;
    const kpi = await owner.client.post<{ id: string }>(`${API}/kpis`, {
      name: 'Uptime',
      unit: '%',
      direction: 'higher_is_better',
      healthy: 99.5,
      watch: 99,
      teamId: growth.id,
    });
    expectStatus(kpi, 201);
    expectStatus(await owner.client.put(`${API}/key-results/${revenue.kr.id}/kpi`, { kpiId: kpi.body.id }), 200);
    expectStatus(await owner.client.post(`${API}/kpis/${kpi.body.id}/values`, { value: 99.7, asOf: '2025-01-03' }), 201);
    expectStatus(await owner.client.post(`${API}/kpis/${kpi.body.id}/values`, { value: 98.5, asOf: '2025-01-14' }), 201);

    const response = await changes({ from: '2025-01-06', to: '2025-01-20', teamId: growth.id });
    const kpiItems = response.body.items.filter((i) => i.kind === 'kpi_health_change');
    expect(kpiItems.map((i) => [i.summary, i.keyResultTitle, i.before, i.after, i.link])).toEqual([
      [
        'KPI Uptime: healthy → unhealthy (98.5 % on 2025-01-14)',
        'Grow revenue KR',
        'healthy',
        'unhealthy',
        `/objectives/${revenue.objective.id}`,
      ],
    ]);
    expect(response.body.items[0], 'a KPI turning unhealthy is among the first things to discuss').toEqual(kpiItems[0]);
    const before = await changes({ from: '2025-01-15', to: '2025-01-20', teamId: growth.id });
    expect(
      before.body.items.filter((i) => i.kind === 'kpi_health_change'),
      'no new value in the window',
    ).toEqual([]);
  });

  it('refuses a window outside the cycle or backwards, naming the field, and an unknown cycle or team', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ from: '2025-01-20', to: '2025-01-06' }, 422, 'from'],
      [{ from: '2024-12-20', to: '2025-01-06' }, 422, 'from'],
      [{ from: '2025-01-06', to: '2025-04-02' }, 422, 'to'],
      [{ from: '06/01/2025', to: '2025-01-20' }, 400, 'from'],
      [{ from: '2025-01-06' }, 400, 'to'],
      [{ from: '2025-01-06', to: '2025-01-20', teamId: MISSING_ID }, 404, 'teamId'],
    ];
    for (const [query, status, field] of cases) {
      const type = status === 404 ? '/problems/not-found' : '/problems/validation-failed';
      expectProblem(await changes(query), status, type, field);
    }
    expectProblem(await changes({ from: '2025-01-06', to: '2025-01-20' }, MISSING_ID), 404, '/problems/not-found');
  });
});
