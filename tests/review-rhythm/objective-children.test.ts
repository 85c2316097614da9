import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { expectChildrenEqualRebuilt } from '../support/objective-children.js';

/**
 * objective_children (migration 0053_rhythm_objective_children) is kept by triggers: after every kind of write to
 * alignments and key results it must equal a rebuild from the alignments. A team's changes walk it.
 */
describeEachEngine('Objective children: kept on every write equal to a rebuild', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  it('follows alignments made, changed and removed, key results moved or deleted, objectives deleted', async () => {
    const w = t.w;
    const db = (engine() as { handle: DatabaseHandle }).handle.db;
    const team = await createTeam(w.owner.client, { name: 'Platform', kind: 'department' });
    const at = (title: string) => w.api.objectiveAt({ cycleId: w.cycle.id, title, teamId: team.id });
    const top = await at('Top');
    const other = await at('Other');
    const mid = await at('Middle');
    const leaf = await at('Leaf');
    const edgeOf = async (child: string) => (await expectChildrenEqualRebuilt(db)).filter((e) => e.child === child);

    // To an objective, and to a key result: the edge names the key result's objective.
    await w.api.align(mid.objective.id, { parentObjectiveId: top.objective.id });
    const leafUp = await w.api.align(leaf.objective.id, { parentKeyResultId: mid.kr.id });
    expect((await edgeOf(mid.objective.id)).map((e) => e.parent)).toEqual([top.objective.id]);
    expect((await edgeOf(leaf.objective.id)).map((e) => e.parent)).toEqual([mid.objective.id]);

    // A key result moved to another objective, by a plain update: its children follow it.
    const second = await w.api.createKeyResult(mid.objective.id, percent('Second measure'));
    await w.api.align(other.objective.id, { parentKeyResultId: second.id });
    await db.execute(sql`update key_results set objective_id = ${top.objective.id} where id = ${second.id}`);
    expect((await edgeOf(other.objective.id)).map((e) => e.parent)).toEqual([top.objective.id]);

    // An alignment changed in place (no service does it; a plain update must still be followed).
    const alignmentId = leafUp.parents.find((p) => p.parentKeyResultId === mid.kr.id)?.id;
    expect(alignmentId).toBeDefined();
    await db.execute(
      sql`update alignments set parent_key_result_id = null, parent_objective_id = ${other.objective.id} where id = ${alignmentId!}`,
    );
    expect((await edgeOf(leaf.objective.id)).map((e) => e.parent)).toEqual([other.objective.id]);

    // Removed: by the API, with the key result it aligns to, with the objective above or below.
    await w.api.unalign(leaf.objective.id, alignmentId!);
    expect(await edgeOf(leaf.objective.id)).toEqual([]);
    expectStatus(await w.owner.client.delete(`${API}/key-results/${second.id}`), 204);
    expect(await edgeOf(other.objective.id)).toEqual([]);
    await w.api.align(leaf.objective.id, { parentObjectiveId: mid.objective.id });
    expect(await edgeOf(leaf.objective.id)).toHaveLength(1);
    await w.api.deleteObjective(mid.objective.id);
    expect(await expectChildrenEqualRebuilt(db)).toEqual([]);
  });
});
