import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem } from '../support/fixtures.js';
import { API, expectNear, MISSING_ID, percent, type TreeNode, useOkrWorld } from './support.js';

/** A tree as nested titles, children sorted (the API does not promise an order among siblings). */
type Shape = [string, Shape[]];
const shape = (node: TreeNode): Shape => [node.title, node.children.map(shape).sort((a, b) => a[0].localeCompare(b[0]))];

describeEachEngine('OKR cycle tree', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('title search is served by trigram indexes on this engine (migration 0043, pg_trgm loaded in PGlite too)', async () => {
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      engine().handle.db,
      sql`select indexname, indexdef from pg_indexes where indexname in ('objectives_title_trgm_idx', 'key_results_title_trgm_idx') order by 1`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(['key_results_title_trgm_idx', 'objectives_title_trgm_idx']);
    for (const index of indexes) expect(index.indexdef).toContain('gin_trgm_ops');
  });

  /** Company ← Engineering (department) ← Platform, Mobile (via a key result) and Shared (also under Company). */
  async function organisationTree() {
    const dept = await createTeam(t.w.owner.client, { name: 'Engineering', kind: 'department' });
    const team = await createTeam(t.w.owner.client, { name: 'Platform team', parentId: dept.id });
    const make = (title: string, extra: { teamId?: string; progressDriver?: 'aligned' | 'both' } = {}) =>
      t.w.api.createObjective({ cycleId: t.w.cycle.id, title, ...extra });
    const company = await make('Company', { progressDriver: 'aligned' });
    const engineering = await make('Engineering', { teamId: dept.id, progressDriver: 'both' });
    const engineeringKr = await t.w.api.createKeyResult(engineering.id, percent('Ship faster'));
    const platform = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Platform', teamId: team.id }, 40);
    const mobile = await make('Mobile', { teamId: team.id });
    const shared = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Shared' }, 100);
    const loner = await make('Loner');
    await t.w.api.align(engineering.id, { parentObjectiveId: company.id });
    await t.w.api.align(platform.objective.id, { parentObjectiveId: engineering.id });
    await t.w.api.align(mobile.id, { parentKeyResultId: engineeringKr.id });
    await t.w.api.align(shared.objective.id, { parentObjectiveId: company.id });
    await t.w.api.align(shared.objective.id, { parentObjectiveId: engineering.id });
    // Another cycle's objectives never show up.
    const q2 = await t.w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    await t.w.api.createObjective({ cycleId: q2.id, title: 'Next quarter' });
    return { company, engineering, platform, mobile, shared, loner };
  }

  it('nests company → department → team, with a two-parent objective under both parents', async () => {
    const o = await organisationTree();
    const tree = await t.w.api.tree(t.w.cycle.id);
    expect(tree.cycleId).toBe(t.w.cycle.id);
    expect(
      tree.roots.map((r) => r.title),
      'roots are objectives aligned to nothing, oldest first',
    ).toEqual(['Company', 'Loner']);
    expect(tree.roots.map(shape)).toEqual([
      [
        'Company',
        [
          [
            'Engineering',
            [
              ['Mobile', []],
              ['Platform', []],
              ['Shared', []],
            ],
          ],
          ['Shared', []],
        ],
      ],
      ['Loner', []],
    ]);
    // Nodes are full objective views, with key results and the maintained progress.
    const engineering = tree.roots[0]!.children.find((c) => c.id === o.engineering.id)!;
    expect(engineering.keyResults.map((kr) => kr.title)).toEqual(['Ship faster']);
    // Engineering (both): (0 own + 0.4 Platform + 0 Mobile + 1 Shared) / 4.
    expectNear(engineering.progress, 1.4 / 4);
    expectNear(tree.roots[0]!.progress, (1.4 / 4 + 1) / 2);
    expect(engineering.parents.map((p) => p.parentObjectiveId)).toEqual([o.company.id]);
  });

  it("counts every node's children also where the levels stop, so a client can fetch that branch", async () => {
    const o = await organisationTree();
    const counts = (node: TreeNode): [string, number][] => [[node.title, node.childCount], ...node.children.flatMap(counts)];
    const whole = await t.w.api.tree(t.w.cycle.id);
    // Engineering counts Mobile (through its key result), Platform and Shared; Shared counts once under each parent.
    expect(whole.roots.flatMap(counts)).toEqual(
      expect.arrayContaining([
        ['Company', 2],
        ['Engineering', 3],
        ['Shared', 0],
        ['Loner', 0],
      ]),
    );

    const top = await t.w.api.tree(t.w.cycle.id, { depth: '1' });
    const engineering = top.roots[0]!.children.find((c) => c.id === o.engineering.id)!;
    expect(engineering.children, 'below depth 1 nothing is loaded').toEqual([]);
    expect(engineering.childCount, 'but the branch is counted').toBe(3);
    expect(top.roots.find((r) => r.id === o.loner.id)!.childCount).toBe(0);
    const flat = await t.w.api.tree(t.w.cycle.id, { depth: '0' });
    expect(flat.roots.map((r) => [r.title, r.childCount])).toEqual([
      ['Company', 2],
      ['Loner', 0],
    ]);

    const branch = await t.w.api.tree(t.w.cycle.id, { rootId: o.engineering.id, depth: '1' });
    expect(branch.roots[0]!.children.map((c) => c.title).sort()).toEqual(['Mobile', 'Platform', 'Shared']);
    expect(branch.roots[0]!.childCount).toBe(3);
  });

  it('searches at any depth: only the matches and the paths to them, each node saying whether it matched', async () => {
    const o = await organisationTree();
    const search = async (query: Record<string, string>) => (await t.w.api.tree(t.w.cycle.id, query)).roots;
    const marks = (node: TreeNode): [string, boolean | undefined][] => [[node.title, node.matched], ...node.children.flatMap(marks)];

    // A title three levels down, any case: its path from the root comes with it, nothing else.
    const platform = await search({ q: 'PLATFORM', depth: '0' });
    expect(platform.map(shape)).toEqual([['Company', [['Engineering', [['Platform', []]]]]]]);
    expect(platform.flatMap(marks)).toEqual([
      ['Company', false],
      ['Engineering', false],
      ['Platform', true],
    ]);
    expect(platform[0]!.children[0]!.childCount, 'the real number of children, not the pruned one').toBe(3);

    // A key result's title finds its objective; the objective's own children do not come along.
    expect((await search({ q: 'ship faster' })).map(shape)).toEqual([['Company', [['Engineering', []]]]]);
    // A team, with an objective aligned through a key result; a two-parent match appears under both.
    expect((await search({ teamId: o.platform.objective.teamId! })).map(shape)).toEqual([
      [
        'Company',
        [
          [
            'Engineering',
            [
              ['Mobile', []],
              ['Platform', []],
            ],
          ],
        ],
      ],
    ]);
    expect((await search({ q: 'shared' })).map(shape)).toEqual([
      [
        'Company',
        [
          ['Engineering', [['Shared', []]]],
          ['Shared', []],
        ],
      ],
    ]);
    // Status as the views show it; drafts have none, so no status filter finds them.
    const offTrack = async () =>
      (await search({ progressStatus: 'off_track' }))
        .flatMap(marks)
        .filter(([, m]) => m)
        .map(([title]) => title)
        .sort();
    expect(await offTrack(), 'Loner and Mobile are drafts').toEqual([]);
    // Published as from the cycle start, 0 % in mid-February is off track; filters combine.
    for (const id of [o.loner.id, o.mobile.id])
      await t.w.api.patchObjective(id, { status: 'active', effectiveStartDate: null, publishOverrideReason: 'Set-up' });
    expect(await offTrack()).toEqual(['Loner', 'Mobile']);
    expect((await search({ progressStatus: 'off_track', q: 'mobile' })).map(shape)).toEqual([
      ['Company', [['Engineering', [['Mobile', []]]]]],
    ]);
    expect(await search({ type: 'aspirational' })).toEqual([]);
    expect(await search({ q: '%' }), 'LIKE wildcards are searched for literally').toEqual([]);
    expectProblem(
      await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/tree?progressStatus=late`),
      400,
      '/problems/validation-failed',
      'progressStatus',
    );
  });

  it('starts at rootId and stops after depth levels; an unknown rootId is 404', async () => {
    const o = await organisationTree();
    const fromEngineering = await t.w.api.tree(t.w.cycle.id, { rootId: o.engineering.id });
    expect(fromEngineering.roots.map(shape)).toEqual([
      [
        'Engineering',
        [
          ['Mobile', []],
          ['Platform', []],
          ['Shared', []],
        ],
      ],
    ]);

    const shallow = await t.w.api.tree(t.w.cycle.id, { depth: '1' });
    expect(shallow.roots.map(shape)).toEqual([
      [
        'Company',
        [
          ['Engineering', []],
          ['Shared', []],
        ],
      ],
      ['Loner', []],
    ]);
    const flat = await t.w.api.tree(t.w.cycle.id, { depth: '0' });
    expect(flat.roots.map(shape)).toEqual([
      ['Company', []],
      ['Loner', []],
    ]);
    const leaf = await t.w.api.tree(t.w.cycle.id, { rootId: o.platform.objective.id });
    expect(leaf.roots.map(shape)).toEqual([['Platform', []]]);

    expectProblem(
      await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/tree?rootId=${MISSING_ID}`),
      404,
      '/problems/not-found',
      'rootId',
    );
    expectProblem(
      await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/tree?rootId=nope`),
      400,
      '/problems/validation-failed',
      'rootId',
    );
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/tree?depth=21`), 400, '/problems/validation-failed', 'depth');
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${MISSING_ID}/tree`), 404, '/problems/not-found');
  });

  it('a branch opened one level down (one statement) answers what a deeper read answers, cut at that level', async () => {
    const o = await organisationTree();
    // An archived child leaves the branch and its count; the branch's own children are counted, not loaded.
    const archived = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Archived child' });
    await t.w.api.align(archived.id, { parentObjectiveId: o.engineering.id });
    await t.w.api.patchObjective(archived.id, { status: 'archived' });
    const cut = (node: TreeNode): TreeNode => ({ ...node, children: node.children.map((c) => ({ ...c, children: [] })) });
    // Children come in the order they were created, however deep the read (not in the links' order).
    for (const root of [o.company, o.engineering, o.platform.objective]) {
      const [one] = (await t.w.api.tree(t.w.cycle.id, { rootId: root.id, depth: '1' })).roots;
      const [deeper] = (await t.w.api.tree(t.w.cycle.id, { rootId: root.id, depth: '2' })).roots;
      expect(one).toEqual(cut(deeper!));
    }
    const [engineering] = (await t.w.api.tree(t.w.cycle.id, { rootId: o.engineering.id, depth: '1' })).roots;
    expect(engineering!.children.map((c) => c.title)).toEqual(['Platform', 'Mobile', 'Shared']);
    const [company] = (await t.w.api.tree(t.w.cycle.id, { rootId: o.company.id, depth: '1' })).roots;
    expect(company!.children.map((c) => [c.title, c.childCount])).toEqual([
      ['Engineering', 3],
      ['Shared', 0],
    ]);
    const [archivedRoot] = (await t.w.api.tree(t.w.cycle.id, { rootId: archived.id, depth: '1' })).roots;
    expect(archivedRoot, 'an archived objective opens no branch').toBeUndefined();
  });

  it('an empty cycle has no roots', async () => {
    expect(await t.w.api.tree(t.w.cycle.id)).toEqual({ cycleId: t.w.cycle.id, roots: [] });
  });
});
