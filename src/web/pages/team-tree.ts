import type { Team } from '../api/types.js';

export interface TeamNode {
  team: Team;
  depth: number;
}

/** Flattens the team tree depth-first, departments' children under them, siblings by name. */
export function flattenTeamTree(teams: Team[]): TeamNode[] {
  const children = new Map<string | null, Team[]>();
  for (const team of teams) {
    const siblings = children.get(team.parentId) ?? [];
    siblings.push(team);
    children.set(team.parentId, siblings);
  }
  const out: TeamNode[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const team of (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ team, depth });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
