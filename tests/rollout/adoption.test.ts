import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { weekFigures, weeksBetween, type AdoptionClock } from '../../src/domain/adoption/index.js';
import { adoptionFigures } from '../../src/server/services/adoption/report.js';
import { factsOf, loadOrganisationFacts } from '../../src/server/services/adoption/team-facts.js';
import { loadRhythm } from '../../src/server/services/rhythm/settings.js';
import { todayIn } from '../../src/server/clock.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, useOrganization, type Person } from '../support/fixtures.js';
import { addDays, OkrApi, percent } from '../okrs/support.js';
import { addChampion, teamOf } from './support.js';

interface Share {
  count: number;
  of: number;
}
interface Week {
  weekStart: string;
  members: number;
  involvement: number | null;
  commentsPerObjective: number | null;
  blockersAnsweredInTime: number | null;
  averageQuality: number | null;
  minutesInvested: number;
  counts: Record<'checkIns' | 'blockers' | 'comments', Share>;
}
interface Group {
  id: string;
  name: string;
  inPilot: boolean;
  flagged: boolean;
  weeks: Week[];
}
interface Report {
  weeks: string[];
  organisation: Group;
  teams: Group[];
  leaders: Group[];
  pilot: { pilot: Group; nonPilot: Group } | null;
  flaggedLeaders: { id: string; name: string }[];
}

// Check-ins and comments are stamped by the database clock, so the world is built around the real today.
const today = new Date().toISOString().slice(0, 10);
const from = addDays(today, -14);
const lastWeek = (g: Group) => g.weeks.at(-1)!;
const sum = (g: Group, figure: 'checkIns' | 'blockers' | 'comments') =>
  g.weeks.reduce((s, w) => ({ count: s.count + w.counts[figure].count, of: s.of + w.counts[figure].of }), { count: 0, of: 0 });

describeEachEngine('adoption figures', (engine) => {
  const t = useOrganization(engine);

  /** Sales (lead Lena; Sam owns the objective, Lena its key result; Sue comments) and Ops (lead Otto, nothing published). */
  async function world() {
    const owner = t.owner.client;
    const okrs = new OkrApi(owner);
    const sales = await createTeam(owner, { name: 'Sales' });
    const ops = await createTeam(owner, { name: 'Ops' });
    const [lena, sam, sue] = await teamOf(owner, sales.id, 3, 'Sales');
    const [otto, oli] = await teamOf(owner, ops.id, 2, 'Ops');
    for (const [team, lead] of [
      [sales, lena],
      [ops, otto],
    ] as const)
      expectStatus(await owner.patch(`/api/v1/teams/${team.id}/members/${lead!.user.id}`, { role: 'lead' }), 200);
    const cycle = await okrs.createCycle({ name: 'Now', startDate: addDays(today, -21), endDate: addDays(today, 60) });
    const objective = await okrs.createObjective({
      cycleId: cycle.id,
      title: 'Win the northern region',
      teamId: sales.id,
      ownerId: sam!.user.id,
      status: 'active',
      effectiveStartDate: null,
      publishOverrideReason: 'Published by the test set-up',
    });
    const kr = await okrs.createKeyResult(objective.id, {
      ...percent('Signed customers'),
      ownerId: lena!.user.id,
      effectiveStartDate: null,
    });
    const checkIn = await new OkrApi(lena!.client).checkIn(kr.id, { value: 20, asOf: addDays(today, -1), blockers: 'Need the CRM export' });
    expectStatus(
      await sam!.client.post('/api/v1/comments', { targetType: 'check_in', targetId: checkIn.id, body: 'I will get it today.' }),
      201,
    );
    expectStatus(
      await sue!.client.post('/api/v1/comments', { targetType: 'objective', targetId: objective.id, body: 'Count me in.' }),
      201,
    );
    return { sales, ops, lena: lena!, sam: sam!, sue: sue!, otto: otto!, oli: oli! };
  }
  const report = async (client: Person['client'], query = `from=${from}&to=${today}`) => {
    const response = await client.get(`/api/v1/adoption?${query}`);
    expectStatus(response, 200);
    return response.body as Report;
  };

  it('counts each figure per team, week by week, and flags the leader whose team falls behind', { timeout: 120_000 }, async () => {
    const w = await world();
    const champion = await addChampion(t.owner.client);
    const r = await report(champion.client);
    expect(r.weeks.length).toBeGreaterThanOrEqual(3);
    const sales = r.teams.find((g) => g.id === w.sales.id)!;
    const ops = r.teams.find((g) => g.id === w.ops.id)!;
    // Sam owns the objective, Lena its key result; Sue only comments: 2 of 3.
    expect(lastWeek(sales)).toMatchObject({ members: 3, involvement: 0.667, commentsPerObjective: 2, blockersAnsweredInTime: 1 });
    expect(lastWeek(sales).averageQuality).toEqual(expect.any(Number));
    // Due 14, 7 and 0 days ago (weekly from the cycle start three weeks ago); only the last was met.
    expect(sum(sales, 'checkIns')).toEqual({ count: 1, of: 3 });
    expect(sum(sales, 'blockers')).toEqual({ count: 1, of: 1 });
    expect(lastWeek(ops)).toMatchObject({ members: 2, involvement: 0, commentsPerObjective: null });
    // The organisation: everyone in a team (5), 2 involved.
    expect(lastWeek(r.organisation)).toMatchObject({ members: 5, involvement: 0.4 });
    expect(r.leaders.map((l) => [l.name, l.flagged])).toEqual([
      ['Ops 1', true],
      ['Sales 1', false],
    ]);
    expect(r.flaggedLeaders).toEqual([{ id: w.otto.user.id, name: 'Ops 1', involvement: 0 }]);
    expect(r.pilot).toBeNull();
  });

  it('compares the pilot with the rest and narrows to a team', { timeout: 120_000 }, async () => {
    const w = await world();
    expectStatus(await t.owner.client.put('/api/v1/rollout/pilot', { teamIds: [w.sales.id] }), 200);
    const r = await report(t.owner.client);
    expect(lastWeek(r.pilot!.pilot).involvement).toBe(0.667);
    expect(lastWeek(r.pilot!.nonPilot).involvement).toBe(0);
    expect(r.teams.find((g) => g.id === w.sales.id)!.inPilot).toBe(true);
    const narrowed = await report(t.owner.client, `from=${from}&to=${today}&teamId=${w.ops.id}`);
    expect(narrowed.teams.map((g) => g.name)).toEqual(['Ops']);
    expect(narrowed.leaders.map((g) => g.name)).toEqual(['Ops 1']);
  });

  it('sums minutes of active use per team and week, with nobody’s minutes stored', { timeout: 120_000 }, async () => {
    const w = await world();
    for (const [person, screen, minutes] of [
      [w.sam, 'planning', 5],
      [w.sue, 'check_in', 5],
      [w.oli, 'check_in', 3],
    ] as const)
      expect((await person.client.post('/api/v1/adoption/time', { screen, minutes })).body).toEqual({ counted: true });
    const loner = await addPerson(t.owner.client, { name: 'No Team' });
    expect((await loner.client.post('/api/v1/adoption/time', { screen: 'planning', minutes: 2 })).body).toEqual({ counted: false });
    const r = await report(t.owner.client);
    expect(lastWeek(r.teams.find((g) => g.id === w.sales.id)!).minutesInvested).toBe(10);
    expect(lastWeek(r.teams.find((g) => g.id === w.ops.id)!).minutesInvested).toBe(3);
    expect(lastWeek(r.organisation).minutesInvested).toBe(13);
    const columns = await queryRows<{ column_name: string }>(
      engine().handle.db,
      sql`select column_name from information_schema.columns where table_name = 'adoption_minutes' order by ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['org_id', 'team_id', 'week_start', 'screen', 'minutes']);
    const rows = await queryRows<Record<string, unknown>>(engine().handle.db, sql`select * from adoption_minutes`);
    expect(JSON.stringify(rows)).not.toContain(w.sam.user.id);
    expectProblem(
      await w.sam.client.post('/api/v1/adoption/time', { screen: 'planning', minutes: 600 }),
      400,
      '/problems/validation-failed',
      'minutes',
    );
  });

  it('counts in the database exactly what the definition counts on the merged facts of every group', { timeout: 120_000 }, async () => {
    const w = await world();
    // Ops: a key result checked in within every weekly period (the digest answers it) and one that missed its second.
    const okrs = new OkrApi(t.owner.client);
    const [cycle] = await queryRows<{ id: string }>(engine().handle.db, sql`select id from cycles where name = 'Now'`);
    const objective = await okrs.createObjective({
      cycleId: cycle!.id,
      title: 'Ship the ops handbook',
      teamId: w.ops.id,
      ownerId: w.oli.user.id,
      status: 'active',
      effectiveStartDate: null,
      publishOverrideReason: 'Published by the test set-up',
    });
    const punctual = await okrs.createKeyResult(objective.id, {
      ...percent('Chapters'),
      ownerId: w.otto.user.id,
      effectiveStartDate: null,
    });
    const missed = await okrs.createKeyResult(objective.id, { ...percent('Reviews'), ownerId: w.oli.user.id, effectiveStartDate: null });
    for (const [kr, daysAgo] of [
      [punctual, 20],
      [punctual, 10],
      [punctual, 3],
      [missed, 20],
      // A day after the second due date: on time only within the grace day, and it fills the third period.
      [missed, 6],
    ] as const)
      await okrs.checkIn(kr.id, { value: 30, asOf: addDays(today, -daysAgo), blockers: daysAgo === 10 ? 'Waiting on legal' : undefined });
    const db = engine().handle.db;
    const [{ org_id: orgId }] = (await queryRows<{ org_id: string }>(db, sql`select org_id from teams where id = ${w.ops.id}`)) as [
      { org_id: string },
    ];
    const now = new Date();
    const r = await adoptionFigures({ db, clock: () => now }, orgId, { from, to: today });
    // Reference: each group's facts merged and counted week by week by the definition (domain/adoption/figures.ts).
    const { timeZone, rhythm } = await loadRhythm(db, orgId);
    const clock: AdoptionClock = {
      today: todayIn(timeZone, now),
      now: now.getTime(),
      graceDays: Math.floor(rhythm.updateWithinHours / 24),
      answerWithinHours: rhythm.answerWithinHours,
    };
    const weeks = weeksBetween(from, today);
    const org = await loadOrganisationFacts(db, orgId, { since: addDays(weeks[0]!.start, -28), to: weeks.at(-1)!.end });
    const expected = (teamIds: string[]) => weeks.map((week) => weekFigures(factsOf(org, teamIds), week, clock));
    expect(r.organisation.weeks).toEqual(expected(['', w.sales.id, w.ops.id]));
    for (const team of r.teams) expect(team.weeks).toEqual(expected([team.id]));
    expect(sum(r.teams.find((g) => g.id === w.ops.id)! as unknown as Group, 'checkIns').of).toBeGreaterThan(0);
    // Counted from the facts kept per team and cycle, which the report has just kept.
    const kept = await queryRows<{ team_key: string }>(
      db,
      sql`select team_key from adoption_team_facts where org_id = ${orgId} and facts is not null`,
    );
    expect(kept.map((k) => k.team_key)).toEqual(expect.arrayContaining([w.sales.id, w.ops.id]));
  });

  it('refuses members and bad ranges, naming the field', async () => {
    const member = await addPerson(t.owner.client, { name: 'Mo Member' });
    expectProblem(await member.client.get(`/api/v1/adoption?from=${from}&to=${today}`), 403, '/problems/forbidden');
    expectProblem(await t.owner.client.get(`/api/v1/adoption?from=${today}&to=${from}`), 422, '/problems/validation-failed', 'to');
    expectProblem(await t.owner.client.get(`/api/v1/adoption?from=2020-01-01&to=${today}`), 422, '/problems/validation-failed', 'to');
    expectProblem(await t.owner.client.get(`/api/v1/adoption?from=nope&to=${today}`), 400, '/problems/validation-failed', 'from');
    expectProblem(
      await t.owner.client.get(`/api/v1/adoption?from=${from}&to=${today}&teamId=00000000-0000-4000-8000-000000000000`),
      404,
      '/problems/not-found',
      'teamId',
    );
  });
});
