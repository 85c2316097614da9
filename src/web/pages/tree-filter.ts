import type { TreeNode } from '../api/okr-types.js';

export interface TreeFilters {
  teamId: string | null;
  ownerId: string | null;
  status: string | null;
  type: string | null;
  search: string;
}

export interface VisibleRow {
  node: TreeNode;
  depth: number;
  hasChildren: boolean;
  /** A unique key: an objective with two parents appears twice. */
  key: string;
}

const matches = (node: TreeNode, f: TreeFilters) =>
  // A team's filter keeps what it owns and what it contributes to (shared objectives, marked in the row).
  (!f.teamId || node.teamId === f.teamId || node.contributors.some((c) => c.teamId === f.teamId)) &&
  (!f.ownerId || node.ownerId === f.ownerId || node.keyResults.some((k) => k.ownerId === f.ownerId)) &&
  (!f.status || node.progressStatus === f.status) &&
  (!f.type || node.type === f.type) &&
  (!f.search || `${node.title} ${node.keyResults.map((k) => k.title).join(' ')}`.toLowerCase().includes(f.search.toLowerCase()));

export const isFiltering = (f: TreeFilters) => Boolean(f.teamId || f.ownerId || f.status || f.type || f.search);

/**
 * The rows to draw: depth-first, children only under expanded parents. While filtering, an
 * objective shows when it or a descendant matches, and the path to matches opens by itself.
 */
export function visibleRows(roots: TreeNode[], expanded: Set<string>, filters: TreeFilters): VisibleRow[] {
  const filtering = isFiltering(filters);
  const keep = new Map<TreeNode, boolean>();
  const check = (node: TreeNode): boolean => {
    const known = keep.get(node);
    if (known !== undefined) return known;
    const result = node.children.map(check).some(Boolean) || matches(node, filters);
    keep.set(node, result);
    return result;
  };
  const rows: VisibleRow[] = [];
  const walk = (nodes: TreeNode[], depth: number, path: string) => {
    for (const node of nodes) {
      if (filtering && !check(node)) continue;
      const key = `${path}/${node.id}`;
      const children = filtering ? node.children.filter(check) : node.children;
      // Unfiltered, a branch not fetched yet still shows its expander (childCount).
      rows.push({ node, depth, hasChildren: children.length > 0 || (!filtering && node.childCount > 0), key });
      if (children.length > 0 && (filtering || expanded.has(key))) walk(children, depth + 1, key);
    }
  };
  walk(roots, 0, '');
  return rows;
}

/** Keys of every row down to `levels` deep: the tree opens on its top levels. */
export function keysToDepth(roots: TreeNode[], levels: number): Set<string> {
  const keys = new Set<string>();
  const walk = (nodes: TreeNode[], depth: number, path: string) => {
    if (depth >= levels) return;
    for (const node of nodes) {
      const key = `${path}/${node.id}`;
      keys.add(key);
      walk(node.children, depth + 1, key);
    }
  };
  walk(roots, 0, '');
  return keys;
}

/**
 * The tree with the branches fetched so far put in place: a node whose children were not loaded
 * (it sat at the fetched depth) takes them from its branch, and so on down.
 */
export function attachBranches(roots: TreeNode[], branches: ReadonlyMap<string, TreeNode>): TreeNode[] {
  if (branches.size === 0) return roots;
  const attach = (node: TreeNode): TreeNode => {
    const children = node.children.length === 0 && node.childCount > 0 ? (branches.get(node.id)?.children ?? []) : node.children;
    return { ...node, children: children.map(attach) };
  };
  return roots.map(attach);
}
