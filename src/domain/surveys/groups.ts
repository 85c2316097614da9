/**
 * Which group each response is reported under. A team with fewer responses than the threshold is never shown:
 * its responses merge into its parent, and so on up to the whole organisation (id null), which is itself shown
 * only when it reaches the threshold.
 */
export interface TeamNode {
  id: string;
  parentId: string | null;
}

export interface ReportedGroups {
  /** Each team (and null, the organisation) → the group its responses are shown under, or undefined if hidden. */
  shownAs: Map<string | null, string | null | undefined>;
  /** Each shown group → how many responses it holds (its own and those merged into it). */
  counts: Map<string | null, number>;
}

function depthOf(id: string, parentOf: Map<string, string | null>): number {
  let depth = 0;
  for (let at = parentOf.get(id) ?? null; at !== null && depth < parentOf.size; at = parentOf.get(at) ?? null) depth++;
  return depth;
}

/** `responsesByTeam` counts responses per team (null: people in no team); `minimum` is the organisation's threshold. */
export function reportGroups(
  teams: readonly TeamNode[],
  responsesByTeam: ReadonlyMap<string | null, number>,
  minimum: number,
): ReportedGroups {
  const parentOf = new Map(teams.map((t) => [t.id, t.parentId] as const));
  const pooled = new Map<string | null, number>(responsesByTeam);
  const mergedInto = new Map<string | null, string | null>();
  // Deepest first, so a small team's responses reach its parent before the parent is judged.
  const ordered = [...teams].sort((a, b) => depthOf(b.id, parentOf) - depthOf(a.id, parentOf));
  for (const team of ordered) {
    const count = pooled.get(team.id) ?? 0;
    if (count >= minimum) continue;
    const parent = team.parentId !== null && parentOf.has(team.parentId) ? team.parentId : null;
    if (count > 0) pooled.set(parent, (pooled.get(parent) ?? 0) + count);
    pooled.delete(team.id);
    mergedInto.set(team.id, parent);
  }
  const organisationShown = (pooled.get(null) ?? 0) >= minimum;
  const resolve = (id: string | null): string | null | undefined => {
    let at = id;
    while (at !== null && mergedInto.has(at)) at = mergedInto.get(at)!;
    return at === null && !organisationShown ? undefined : at;
  };
  const shownAs = new Map<string | null, string | null | undefined>();
  for (const id of [null, ...teams.map((t) => t.id)]) shownAs.set(id, resolve(id));
  const counts = new Map([...pooled].filter(([id, count]) => count > 0 && (id !== null || organisationShown)));
  return { shownAs, counts };
}
