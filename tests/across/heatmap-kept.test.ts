import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';
import { cycles } from '../../src/db/schema/index.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { cycleHeatmap } from '../../src/server/services/across/heatmap.js';
import { forgetKeptHeatmapFacts } from '../../src/server/services/across/heatmap-team-facts.js';
import { forgetTeamFigures } from '../../src/server/services/across/heatmap-team-figures.js';
import { anyoneIn, type Reader } from '../../src/server/services/visibility/objective-visible.js';

/**
 * The heatmap keeps each team's objective facts under a token PostgreSQL replaces on every write that changes them
 * (migration 0052_heat_heatmap_team_changes) and remembers each team's figures under what else they depend on. After
 * every kind of write, a read through what is kept must equal a read from scratch, for every kind of reader; and the
 * write must have shown (the answer before it differs), so that a token left in place would fail here.
 */
describeEachEngine('Heatmap: what is kept per team follows every write', (engine) => {
  const t = useOkrWorld(engine, '2025-01-31');

  it('equals a read from scratch after each kind of write, for an admin, a member and anyone', { timeout: 180_000 }, async () => {
    const w = t.w;
    const db = (engine() as { handle: DatabaseHandle }).handle.db;
    const eng = await createTeam(w.owner.client, { name: 'Engineering', kind: 'department' });
    const platform = await createTeam(w.owner.client, { name: 'Platform', parentId: eng.id });
    const sales = await createTeam(w.owner.client, { name: 'Sales', kind: 'department' });
    const member = await addPerson(w.owner.client, { name: 'Pat Platform', teamId: platform.id });
    const readers: Record<string, Reader> = {
      admin: { orgId: w.orgId, userId: 'owner', role: 'owner' },
      member: { orgId: w.orgId, userId: member.user.id, role: 'member' },
      anyone: anyoneIn(w.orgId),
    };
    const win = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Win the mid-market', teamId: sales.id }, 10, '2025-01-20');
    const faster = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Faster deploys', teamId: platform.id }, 20, '2025-01-05');
    const lights = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Keep the lights on', teamId: platform.id }, 5, '2025-01-29');

    const heatmaps = async () => {
      const [cycle] = await db
        .select()
        .from(cycles)
        .where(and(eq(cycles.orgId, w.orgId), eq(cycles.id, w.cycle.id)));
      const now = new Date('2025-01-31T12:00:00Z');
      return Object.fromEntries(
        await Promise.all(Object.entries(readers).map(async ([name, r]) => [name, await cycleHeatmap(db, r, cycle!, { now })] as const)),
      );
    };
    let before = await heatmaps();
    /** After a write: the kept read equals one from scratch, and differs from the read before the write. */
    const follows = async (what: string, changes: readonly string[] = ['admin', 'member', 'anyone']) => {
      const kept = await heatmaps();
      forgetKeptHeatmapFacts();
      forgetTeamFigures();
      const fresh = await heatmaps();
      expect([what, kept]).toEqual([what, fresh]);
      for (const name of changes) expect([what, name, kept[name]]).not.toEqual([what, name, before[name]]);
      before = fresh;
    };

    await w.api.checkIn(faster.kr.id, { value: 40, asOf: '2025-01-30', note: 'Pipeline cached' });
    await follows('a check-in (progress, digest, latest note)');
    await w.api.patchObjective(lights.objective.id, { standaloneReason: 'Run-the-business work' });
    await follows('a standalone reason');
    await w.api.align(faster.objective.id, { parentObjectiveId: win.objective.id });
    await follows('an alignment');
    await w.api.patchObjective(lights.objective.id, { type: 'aspirational' });
    await follows('the type (stretch policy, behind pace)');
    const second = await w.api.createKeyResult(win.objective.id, { ...percent('Second measure'), effectiveStartDate: null });
    await follows('a key result added');
    await w.api.patchKeyResult(second.id, { effectiveStartDate: '2025-01-20' });
    await follows('a key result re-dated');
    await w.api.patchObjective(win.objective.id, { whyImportant: 'Half our pipeline', whyUrgent: 'Budgets close in March' });
    await follows('what it says (the kept quality penalty)');
    await w.api.patchObjective(faster.objective.id, { visibility: 'team' });
    await follows('visibility narrowed to the team', ['anyone']);
    expectStatus(await w.owner.client.patch(`${API}/teams/${sales.id}`, { checkInCadence: 'biweekly' }), 200);
    await follows('the team’s cadence');
    expectStatus(await w.owner.client.put(`${API}/organization/principles`, { maxObjectivesPerOwner: 1 }), 200);
    await follows('the principles (every kept penalty forgotten, owners overloaded)');
    await db.execute(sql`delete from key_results where id = ${second.id}`);
    // No roll-up or rescoring runs after a plain statement: the answer may stand, but must equal one from scratch.
    await follows('a key result deleted by a plain statement', []);
    await w.api.deleteObjective(lights.objective.id);
    await follows('an objective deleted');
    // A new day: every remembered figure is made again.
    const [cycle] = await db
      .select()
      .from(cycles)
      .where(and(eq(cycles.orgId, w.orgId), eq(cycles.id, w.cycle.id)));
    const later = await cycleHeatmap(db, readers.admin!, cycle!, { now: new Date('2025-02-03T12:00:00Z') });
    forgetKeptHeatmapFacts();
    forgetTeamFigures();
    expect(later).toEqual(await cycleHeatmap(db, readers.admin!, cycle!, { now: new Date('2025-02-03T12:00:00Z') }));
    expect(later).not.toEqual(before.admin);
  });
});
