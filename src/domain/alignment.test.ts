import { describe, it, expect } from 'vitest';
import { ancestorsOf, descendantsOf, wouldCreateCycle, type AlignmentEdge } from './alignment.js';

const edge = (childId: string, parentId: string): AlignmentEdge => ({ childId, parentId });

// A multi-parent graph (child → parent):
//
//        company
//        /     \
//     sales   product
//       |   \   /   \
//       |  growth   platform
//       |     |
//      emea  seo
const edges = [
  edge('sales', 'company'),
  edge('product', 'company'),
  edge('growth', 'sales'),
  edge('growth', 'product'), // second parent
  edge('platform', 'product'),
  edge('emea', 'sales'),
  edge('seo', 'growth'),
];

describe('wouldCreateCycle', () => {
  it.each<[string, string, string, boolean]>([
    ['self-link', 'sales', 'sales', true],
    ['self-link on an unknown objective', 'x', 'x', true],
    ['direct reversal', 'company', 'sales', true],
    ['grandparent under grandchild', 'company', 'growth', true],
    ['via the second parent', 'product', 'seo', true],
    ['via the first parent', 'sales', 'seo', true],
    ['root under a deep leaf', 'company', 'seo', true],
    ['link that already exists', 'growth', 'sales', false],
    ['sibling to sibling', 'platform', 'growth', false],
    ['third parent for a multi-parent child', 'growth', 'platform', false],
    ['across branches', 'emea', 'platform', false],
    ['new objective under a leaf', 'new', 'seo', false],
    ['leaf under a new objective', 'seo', 'new', false],
    ['leaf to the root (redundant but acyclic)', 'seo', 'company', false],
  ])('%s: %s → %s is a cycle: %s', (_name, child, parent, expected) => {
    expect(wouldCreateCycle(edges, child, parent)).toBe(expected);
  });

  it('works on an empty graph', () => {
    expect(wouldCreateCycle([], 'a', 'b')).toBe(false);
  });

  it('terminates on a graph that already has a cycle', () => {
    const broken = [edge('a', 'b'), edge('b', 'a')];
    expect(wouldCreateCycle(broken, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(broken, 'a', 'b')).toBe(true);
  });

  it('handles a deep chain without recursion limits', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => edge(`o${i}`, `o${i + 1}`));
    expect(wouldCreateCycle(chain, 'o20000', 'o0')).toBe(true);
    expect(wouldCreateCycle(chain, 'o0', 'o20000')).toBe(false);
  });
});

describe('ancestorsOf and descendantsOf', () => {
  it.each<[string, string[], string[]]>([
    ['company', [], ['sales', 'product', 'growth', 'platform', 'emea', 'seo']],
    ['growth', ['sales', 'product', 'company'], ['seo']],
    ['seo', ['growth', 'sales', 'product', 'company'], []],
    ['platform', ['product', 'company'], []],
  ])('%s', (id, ancestors, descendants) => {
    expect([...ancestorsOf(edges, id)].sort()).toEqual([...ancestors].sort());
    expect([...descendantsOf(edges, id)].sort()).toEqual([...descendants].sort());
  });
});
