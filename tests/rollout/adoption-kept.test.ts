import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { weekFigures, weeksBetween, type AdoptionClock } from '../../src/domain/adoption/index.js';
import { todayIn } from '../../src/server/clock.js';
import { adoptionFigures } from '../../src/server/services/adoption/report.js';
import { forgetAdoptionFigures } from '../../src/server/services/adoption/remembered-figures.js';
import { factsOf, loadOrganisationFacts } from '../../src/server/services/adoption/team-facts.js';
import { loadRhythm } from '../../src/server/services/rhythm/settings.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, useOrganization } from '../support/fixtures.js';
import { addDays, OkrApi, percent } from '../okrs/support.js';
import { teamOf } from './support.js';

// Check-ins and comments are stamped by the database clock, so the world is built around the real today.
const today = new Date().toISOString().slice(0, 10);
const from = addDays(today, -28);
const published = { status: 'active', effectiveStartDate: null, publishOverrideReason: 'Published by the test set-up' } as const;

/**
 * The report reads facts kept per team and cycle (adoption_team_facts). After every kind of write that can change
 * the figures, the report made from what is kept must equal the report counted afresh (every kept fact dropped), and
 * must differ from the report before the write (so facts left stale would have been caught).
 */
describeEachEngine('adoption facts kept per team and cycle', (engine) => {
  const t = useOrganization(engine);

  it('every kind of write leaves the report equal to a rebuild', { timeout: 300_000 }, async () => {
    const owner = t.owner.client;
    const okrs = new OkrApi(owner);
    const sales = await createTeam(owner, { name: 'Sales' });
    const ops = await createTeam(owner, { name: 'Ops' });
    const [lena, sam, sue] = await teamOf(owner, sales.id, 3, 'Sales');
    const [otto, oli] = await teamOf(owner, ops.id, 2, 'Ops');
    const cycle = await okrs.createCycle({ name: 'Now', startDate: addDays(today, -35), endDate: addDays(today, 60) });
    const objective = await okrs.createObjective({
      cycleId: cycle.id,
      title: 'Win the north',
      teamId: sales.id,
      ownerId: sam!.user.id,
      ...published,
    });
    const kr = await okrs.createKeyResult(objective.id, {
      ...percent('Signed customers'),
      ownerId: lena!.user.id,
      effectiveStartDate: null,
    });
    const lenaOkrs = new OkrApi(lena!.client);
    await lenaOkrs.checkIn(kr.id, { value: 10, asOf: addDays(today, -27) });
    const db = engine().handle.db;
    const [{ org_id: orgId }] = (await queryRows<{ org_id: string }>(db, sql`select org_id from teams where id = ${sales.id}`)) as [
      { org_id: string },
    ];
    const now = new Date();
    const figures = () => adoptionFigures({ db, clock: () => now }, orgId, { from, to: today });
    // The definition: each group's facts read row by row, merged, and counted by domain/adoption/figures.ts.
    const defined = async (teamIds: string[]) => {
      const { timeZone, rhythm } = await loadRhythm(db, orgId);
      const clock: AdoptionClock = {
        today: todayIn(timeZone, now),
        now: now.getTime(),
        graceDays: Math.floor(rhythm.updateWithinHours / 24),
        answerWithinHours: rhythm.answerWithinHours,
      };
      const weeks = weeksBetween(from, today);
      const org = await loadOrganisationFacts(db, orgId, { since: addDays(weeks[0]!.start, -28), to: weeks.at(-1)!.end });
      return weeks.map((week) => weekFigures(factsOf(org, teamIds), week, clock));
    };
    const keptRows = async () =>
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from adoption_team_facts where facts is not null`))[0]!.n;
    let opsObjective = '';
    let opsKr = '';
    let blocker = '';
    const writes: [string, () => Promise<unknown>][] = [
      [
        'an objective published',
        async () => {
          opsObjective = (
            await okrs.createObjective({
              cycleId: cycle.id,
              title: 'Ship the handbook',
              teamId: ops.id,
              ownerId: oli!.user.id,
              ...published,
            })
          ).id;
        },
      ],
      [
        'a key result',
        async () => {
          opsKr = (await okrs.createKeyResult(opsObjective, { ...percent('Chapters'), ownerId: otto!.user.id, effectiveStartDate: null }))
            .id;
        },
      ],
      ['a check-in', () => lenaOkrs.checkIn(kr.id, { value: 20, asOf: addDays(today, -20) })],
      [
        'a check-in with a blocker',
        async () => {
          blocker = (await new OkrApi(otto!.client).checkIn(opsKr, { value: 5, asOf: addDays(today, -3), blockers: 'Waiting on legal' }))
            .id;
        },
      ],
      ['the blocker answered', () => oli!.client.post('/api/v1/comments', { targetType: 'check_in', targetId: blocker, body: 'On it.' })],
      ['a comment', () => sue!.client.post('/api/v1/comments', { targetType: 'objective', targetId: objective.id, body: 'Count me in.' })],
      [
        'a check-in deleted',
        () => db.execute(sql`update check_ins set deleted = true where key_result_id = ${kr.id} and as_of = ${addDays(today, -20)}::date`),
      ],
      [
        'a contributor',
        () =>
          db.execute(
            sql`insert into objective_contributors (org_id, objective_id, user_id) values (${orgId}, ${objective.id}, ${sue!.user.id})`,
          ),
      ],
      [
        'a quality score',
        () =>
          db.execute(sql`insert into objective_quality_scores (org_id, objective_id, score) values (${orgId}, ${opsObjective}, 13)
          on conflict (org_id, objective_id) do update set score = 13`),
      ],
      ['an objective moved to another team', () => db.execute(sql`update objectives set team_id = ${ops.id} where id = ${objective.id}`)],
      ['the team cadence', () => db.execute(sql`update teams set check_in_cadence = 'biweekly' where id = ${ops.id}`)],
      ['the rhythm settings', () => owner.put('/api/v1/organization/rhythm', { updateWithinHours: 216 })],
      ['the cycle dates', () => db.execute(sql`update cycles set end_date = ${addDays(today, -8)}::date where id = ${cycle.id}`)],
      [
        'a score confirmation',
        () =>
          db.execute(sql`insert into score_confirmations (org_id, cycle_id, key_result_id, proposed_score, score, confirmed_at)
          values (${orgId}, ${cycle.id}, ${kr.id}, 0.5, 0.5, now() - interval '2 days')`),
      ],
      [
        'a retrospective',
        () =>
          db.execute(
            sql`insert into retrospectives (org_id, cycle_id, team_id, created_at) values (${orgId}, ${cycle.id}, ${ops.id}, now() - interval '1 day')`,
          ),
      ],
      ['an objective archived', () => db.execute(sql`update objectives set status = 'archived' where id = ${opsObjective}`)],
      ['a key result deleted', () => db.execute(sql`delete from key_results where id = ${kr.id}`)],
    ];
    for (const [what, write] of writes) {
      const before = await figures();
      expect(await keptRows(), what).toBeGreaterThan(0);
      const response = await write();
      if (response && typeof response === 'object' && 'status' in response)
        expect((response as { status: number }).status, what).toBeLessThan(300);
      const kept = await figures();
      await db.execute(sql`update adoption_team_facts set facts = null`);
      // Counted afresh: nothing remembered from the report before (remembered-figures.ts).
      forgetAdoptionFigures();
      const rebuilt = await figures();
      expect(kept, what).toEqual(rebuilt);
      expect(kept.organisation.weeks, what).toEqual(await defined(['', sales.id, ops.id]));
      for (const team of kept.teams) expect(team.weeks, `${what}: ${team.name}`).toEqual(await defined([team.id]));
      expect(rebuilt, what).not.toEqual(before);
    }
  });

  it('a write replaces the token and drops the facts; the next report keeps them under the new token', async () => {
    const owner = t.owner.client;
    const okrs = new OkrApi(owner);
    const team = await createTeam(owner, { name: 'Solo' });
    const cycle = await okrs.createCycle({ name: 'Now', startDate: addDays(today, -14), endDate: addDays(today, 30) });
    await okrs.createObjective({ cycleId: cycle.id, title: 'Alone', teamId: team.id, ownerId: t.owner.user.id, ...published });
    const db = engine().handle.db;
    const [row] = await queryRows<{ token: string; org_id: string }>(
      db,
      sql`select token, org_id from adoption_team_facts where team_key = ${team.id}`,
    );
    await adoptionFigures({ db, clock: () => new Date() }, row!.org_id, { from, to: today });
    await db.execute(sql`update teams set check_in_cadence = 'monthly' where id = ${team.id}`);
    const [after] = await queryRows<{ token: string; facts: unknown }>(
      db,
      sql`select token, facts from adoption_team_facts where team_key = ${team.id}`,
    );
    expect(after!.token).not.toBe(row!.token);
    expect(after!.facts).toBeNull();
    await adoptionFigures({ db, clock: () => new Date() }, row!.org_id, { from, to: today });
    const [kept] = await queryRows<{ token: string; kept: boolean }>(
      db,
      sql`select token, facts is not null as kept from adoption_team_facts where team_key = ${team.id}`,
    );
    expect(kept).toEqual({ token: after!.token, kept: true });
  });
});
