/** Where a team sits in the organisation: its department is the nearest department at or above it. */
export interface TeamFacts {
  id: string;
  kind: 'department' | 'team';
  parentId: string | null;
}

/** Team id → the id of its department (the nearest `department` at or above it), or null when none is. */
export function departmentOfTeams(teams: readonly TeamFacts[]): Map<string, string | null> {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const result = new Map<string, string | null>();
  const resolve = (id: string, seen: Set<string>): string | null => {
    const known = result.get(id);
    if (known !== undefined) return known;
    const team = byId.get(id);
    // A missing parent or a loop (the database refuses loops, but a pure function must still end).
    if (!team || seen.has(id)) return null;
    seen.add(id);
    const department = team.kind === 'department' ? team.id : team.parentId ? resolve(team.parentId, seen) : null;
    result.set(id, department);
    return department;
  };
  for (const team of teams) resolve(team.id, new Set());
  return result;
}

/** The team and every team below it. */
export function teamAndDescendants(teams: readonly TeamFacts[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const t of teams) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const found = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return found;
}
