import { expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld, type OkrWorld } from '../okrs/support.js';
import type { Client } from '../support/client.js';
import type { leaderboardSchema } from '../../src/server/http/across/leaderboard-schema.js';

type Leaderboard = z.output<typeof leaderboardSchema>;

async function leaderboardOf(client: Client, w: OkrWorld): Promise<Leaderboard> {
  const response = await client.get<Leaderboard>(`${API}/cycles/${w.cycle.id}/leaderboard`);
  expectStatus(response, 200);
  return response.body;
}

const ranking = (board: Leaderboard) => board.entries.map((e) => [e.rank, e.name]);

/**
 * Today 31 January 2025 in Q1 (pace expects 1/3). Platform: "Faster deploys" at 40 % since 10 January and "Ship v2"
 * reaching 100 % on 28 January (a win of the week). Sales: "Win the mid-market", never checked in.
 * Q4 2024 at the same share (31 October): Platform was far ahead (90 %), Sales at 0 — so Sales improved more.
 */
describeEachEngine('Leaderboard: teams ranked by pace, discipline or improvement, never raw progress', (engine) => {
  const t = useOkrWorld(engine, '2025-01-31');

  async function world() {
    const w = t.w;
    const platform = await createTeam(w.owner.client, { name: 'Platform' });
    const sales = await createTeam(w.owner.client, { name: 'Sales' });
    const q4 = await w.api.createCycle({ name: 'Q4 2024', startDate: '2024-10-01', endDate: '2024-12-31', status: 'active' });
    await w.api.objectiveAt({ cycleId: q4.id, title: 'Old platform goal', teamId: platform.id }, 90, '2024-10-20');
    await w.api.objectiveAt({ cycleId: q4.id, title: 'Old sales goal', teamId: sales.id });
    await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Faster deploys', teamId: platform.id }, 40, '2025-01-10');
    const ship = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Ship v2', teamId: platform.id }, 50, '2025-01-20');
    await w.api.checkIn(ship.kr.id, { value: 100, asOf: '2025-01-28' });
    const secret = await w.api.objectiveAt({
      cycleId: w.cycle.id,
      title: 'Secret acquisition',
      teamId: platform.id,
      visibility: 'private',
    });
    await w.api.checkIn(secret.kr.id, { value: 100, asOf: '2025-01-29' });
    await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Win the mid-market', teamId: sales.id });
    const seller = await addPerson(w.owner.client, { teamId: sales.id, name: 'Sam Seller' });
    return { platform, sales, seller, ship };
  }

  it(
    'ranks by pace by default, celebrates the week’s wins the reader may see, and follows the chosen measure',
    { timeout: 120_000 },
    async () => {
      const w = t.w;
      const { platform, sales, seller, ship } = await world();

      const byPace = await leaderboardOf(seller.client, w);
      expect(byPace.settings).toEqual({ enabled: true, measure: 'pace', hideNames: false });
      expect(ranking(byPace)).toEqual([
        [1, 'Platform'],
        [2, 'Sales'],
      ]);
      expect(byPace.entries.find((e) => e.teamId === sales.id)).toMatchObject({ yours: true, value: -0.3333 });
      expect(byPace.can.manage).toBe(false);
      // Ship v2 reached its target on the 28th; the private objective's win is not the seller's to see.
      expect(byPace.wins).toEqual([
        expect.objectContaining({ objectiveId: ship.objective.id, keyResultId: ship.kr.id, teamId: platform.id, teamName: 'Platform' }),
      ]);
      expect(JSON.stringify(byPace)).not.toContain('Secret acquisition');
      const ownerView = await leaderboardOf(w.owner.client, w);
      expect(ownerView.wins.map((x) => x.objectiveTitle).sort()).toEqual(['Secret acquisition', 'Ship v2']);

      expectStatus(await w.owner.client.put(`${API}/leaderboard/settings`, { measure: 'improvement' }), 200);
      const byImprovement = await leaderboardOf(seller.client, w);
      expect(ranking(byImprovement)).toEqual([
        [1, 'Sales'],
        [2, 'Platform'],
      ]);
      const platformRow = byImprovement.entries.find((e) => e.name === 'Platform')!;
      expect(platformRow.value).toBeLessThan(0);

      expectStatus(await w.owner.client.put(`${API}/leaderboard/settings`, { measure: 'discipline', hideNames: true }), 200);
      const hidden = await leaderboardOf(seller.client, w);
      expect(hidden.settings).toEqual({ enabled: true, measure: 'discipline', hideNames: true });
      expect(hidden.entries.map((e) => [e.name, e.teamId, e.yours])).toEqual([
        ['Another team', '', false],
        ['Sales', sales.id, true],
      ]);
      expect(JSON.stringify(hidden)).not.toContain(platform.id);
      expect(hidden.wins[0]?.teamName).toBeNull();
    },
  );

  it(
    'can be turned off (not found for members; admins still see it to turn it back on) and refuses bad settings',
    { timeout: 120_000 },
    async () => {
      const w = t.w;
      const { seller } = await world();
      expectProblem(await seller.client.put(`${API}/leaderboard/settings`, { enabled: false }), 403, '/problems/forbidden');
      expectProblem(
        await w.owner.client.put(`${API}/leaderboard/settings`, { measure: 'progress' }),
        400,
        '/problems/validation-failed',
        'measure',
      );
      expectStatus(await w.owner.client.put(`${API}/leaderboard/settings`, { enabled: false }), 200);
      expectProblem(await seller.client.get(`${API}/cycles/${w.cycle.id}/leaderboard`), 404, '/problems/not-found');
      const ownerView = await leaderboardOf(w.owner.client, w);
      expect(ownerView.settings.enabled).toBe(false);
      expect(ownerView.can.manage).toBe(true);
    },
  );
});
