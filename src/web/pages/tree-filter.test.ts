import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../api/okr-types.js';
import { attachBranches, visibleRows, type TreeFilters } from './tree-filter.js';

const NONE: TreeFilters = { teamId: null, ownerId: null, status: null, type: null, search: '' };

/** Only the fields the tree logic reads; the rest of an objective view does not matter here. */
const node = (id: string, children: TreeNode[] = [], childCount = children.length): TreeNode =>
  ({
    id,
    title: id,
    teamId: null,
    contributors: [],
    ownerId: null,
    progressStatus: 'on_track',
    type: 'committed',
    keyResults: [],
    childCount,
    children,
  }) as unknown as TreeNode;

describe('a tree fetched level by level', () => {
  // The top two levels: "team" sits at the fetched depth with two children not loaded yet.
  const top = [node('company', [node('dept', [node('team', [], 2)])])];
  const branch = node('team', [node('alice', [], 1), node('bob')]);
  const deeper = node('alice', [node('alice-sub')]);

  it('shows an expander on a branch that is counted but not loaded', () => {
    const rows = visibleRows(top, new Set(['/company', '/company/dept']), NONE);
    expect(rows.map((r) => [r.node.id, r.hasChildren])).toEqual([
      ['company', true],
      ['dept', true],
      ['team', true],
    ]);
  });

  it.each([
    { name: 'nothing fetched yet', branches: new Map<string, TreeNode>(), expected: ['company', 'dept', 'team'] },
    { name: 'the opened branch', branches: new Map([['team', branch]]), expected: ['company', 'dept', 'team', 'alice', 'bob'] },
    {
      name: 'a branch inside a branch',
      branches: new Map([
        ['team', branch],
        ['alice', deeper],
      ]),
      expected: ['company', 'dept', 'team', 'alice', 'alice-sub', 'bob'],
    },
  ])('puts fetched branches in place: $name', ({ branches, expected }) => {
    const rows = visibleRows(
      attachBranches(top, branches),
      new Set(['/company', '/company/dept', '/company/dept/team', '/company/dept/team/alice']),
      NONE,
    );
    expect(rows.map((r) => r.node.id)).toEqual(expected);
  });

  it('leaves loaded children alone and returns the same roots when there is nothing to attach', () => {
    expect(attachBranches(top, new Map())).toBe(top);
    const replaced = attachBranches(top, new Map([['dept', node('dept', [node('other')])]]));
    expect(replaced[0]!.children[0]!.children.map((c) => c.id)).toEqual(['team']);
  });

  it('while filtering, an objective without loaded matching children has no expander', () => {
    const rows = visibleRows(top, new Set(), { ...NONE, search: 'team' });
    expect(rows.map((r) => [r.node.id, r.hasChildren])).toEqual([
      ['company', true],
      ['dept', true],
      ['team', false],
    ]);
  });
});

describe("a team's filter", () => {
  const owned = { ...node('owned'), teamId: 'sales' } as TreeNode;
  const shared = { ...node('shared'), teamId: 'support', contributors: [{ userId: null, teamId: 'sales' }] } as TreeNode;
  const other = { ...node('other'), teamId: 'support' } as TreeNode;

  it('keeps what the team owns and what it contributes to', () => {
    const rows = visibleRows([owned, shared, other], new Set(), { ...NONE, teamId: 'sales' });
    expect(rows.map((r) => r.node.id)).toEqual(['owned', 'shared']);
  });
});
