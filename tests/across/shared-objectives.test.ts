import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectStatus } from '../support/fixtures.js';
import { API, OkrApi, percent, useOkrWorld, type TreeNode } from '../okrs/support.js';

const titles = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.title, ...titles(n.children)]);

/**
 * Support owns "Customers love onboarding" and names Sales as a contributing team; Support also has a private
 * objective shared with Sales that names no Sales member. Sales owns "Close the mid-market".
 */
describeEachEngine("Shared objectives on the contributing team's page and tree", (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  async function world() {
    const w = t.w;
    const support = await createTeam(w.owner.client, { name: 'Support' });
    const sales = await createTeam(w.owner.client, { name: 'Sales' });
    const seller = await addPerson(w.owner.client, { name: 'Sam Seller', teamId: sales.id });
    const shared = await w.api.createPublished({
      cycleId: w.cycle.id,
      title: 'Customers love onboarding',
      teamId: support.id,
      contributors: [{ teamId: sales.id }],
    });
    await w.api.createKeyResult(shared.id, percent('Activation to 60 %'));
    const secret = await w.api.createPublished({
      cycleId: w.cycle.id,
      title: 'Quiet renegotiation',
      teamId: support.id,
      visibility: 'private',
      contributors: [{ teamId: sales.id }],
    });
    const own = await w.api.createPublished({ cycleId: w.cycle.id, title: 'Close the mid-market', teamId: sales.id });
    return { support, sales, seller, shared, secret, own, api: new OkrApi(seller.client) };
  }

  it("lists the shared objective on the contributing team's page, marked with the owning team; the private one stays hidden", async () => {
    const { support, sales, shared, own, api } = await world();
    const page = await api.objectives({ cycleId: t.w.cycle.id, teamId: sales.id, shared: 'true' });
    expect(page.map((o) => [o.title, o.sharedFrom])).toEqual([
      ['Customers love onboarding', { teamId: support.id, teamName: 'Support' }],
      ['Close the mid-market', null],
    ]);
    expect(page.map((o) => o.id)).toEqual([shared.id, own.id]);
    // Without `shared`, a team's list is what it owns, as before (its figures count only those).
    expect((await api.objectives({ cycleId: t.w.cycle.id, teamId: sales.id })).map((o) => o.title)).toEqual(['Close the mid-market']);
    // On the owning team's page it is its own.
    const owning = await t.w.api.objectives({ cycleId: t.w.cycle.id, teamId: support.id, shared: 'true' });
    expect(owning.map((o) => [o.title, o.sharedFrom])).toEqual([
      ['Customers love onboarding', null],
      ['Quiet renegotiation', null],
    ]);
    // An admin sees the private one on Sales's page too (admins see everything); a Sales member does not.
    const asAdmin = await t.w.api.objectives({ cycleId: t.w.cycle.id, teamId: sales.id, shared: 'true' });
    expect(asAdmin.map((o) => o.title).sort()).toEqual(['Close the mid-market', 'Customers love onboarding', 'Quiet renegotiation']);
  });

  it('holds the shared objective in the tree filtered by the contributing team, not the private one', async () => {
    const { sales, shared, api } = await world();
    const tree = await api.tree(t.w.cycle.id, { teamId: sales.id });
    expect(titles(tree.roots).sort()).toEqual(['Close the mid-market', 'Customers love onboarding']);
    const node = tree.roots.find((n) => n.id === shared.id)!;
    expect(node.contributors).toEqual([{ userId: null, teamId: sales.id }]);
  });

  it("leaves the owning team's figures and the contributing team's heatmap row unchanged", async () => {
    const { support, sales } = await world();
    const response = await t.w.owner.client.get<{
      departments: { teams: { teamId: string; objectives: number }[] }[];
    }>(`${API}/cycles/${t.w.cycle.id}/heatmap`);
    expectStatus(response, 200);
    const rows = new Map(response.body.departments.flatMap((d) => d.teams).map((row) => [row.teamId, row.objectives]));
    expect(rows.get(support.id)).toBe(2);
    expect(rows.get(sales.id), 'the shared objective counts for its owner only').toBe(1);
  });
});
