import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam } from '../support/fixtures.js';
import { percent, useOkrWorld } from './support.js';

// Issue 12: a page shows who owns what and where it aligns from the objective itself, without loading
// every person, team and objective of the organisation to turn ids into names.
describeEachEngine('objectives present the names they mention', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('owner, team, key result owners and parents are named on the objective, in lists and in the tree', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const ria = await addPerson(t.w.owner.client, { name: 'Ria Lead', teamId: team.id });
    const company = await t.w.api.createObjective({
      cycleId: t.w.cycle.id,
      title: 'Win the market',
      status: 'active',
      publishOverrideReason: 'test',
    });
    const rollup = await t.w.api.createKeyResult(company.id, { title: 'Teams deliver', kind: 'rollup' });
    const child = await t.w.api.createObjective({
      cycleId: t.w.cycle.id,
      title: 'Ship the platform',
      teamId: team.id,
      ownerId: ria.user.id,
      status: 'active',
      publishOverrideReason: 'test',
    });
    await t.w.api.createKeyResult(child.id, { ...percent('Uptime'), ownerId: ria.user.id });
    await t.w.api.align(child.id, { parentKeyResultId: rollup.id });
    await t.w.api.align(child.id, { parentObjectiveId: company.id });

    const view = await t.w.api.objective(child.id);
    expect(view).toMatchObject({ ownerName: 'Ria Lead', teamName: 'Platform' });
    expect(view.keyResults.map((kr) => kr.ownerName)).toEqual(['Ria Lead']);
    expect(view.parents.map(({ title, objectiveId }) => ({ title, objectiveId })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: 'Teams deliver', objectiveId: company.id },
      { title: 'Win the market', objectiveId: company.id },
    ]);

    const companyView = await t.w.api.objective(company.id);
    expect(companyView).toMatchObject({ ownerName: t.w.owner.user.name, teamName: null });

    const listed = await t.w.api.objectives({ parent: company.id });
    expect(listed.map((o) => [o.title, o.ownerName, o.teamName])).toEqual([['Ship the platform', 'Ria Lead', 'Platform']]);

    const tree = await t.w.api.tree(t.w.cycle.id);
    const root = tree.roots.find((r) => r.id === company.id)!;
    expect(root.children.map((c) => [c.ownerName, c.teamName])).toEqual([['Ria Lead', 'Platform']]);
  });
});
