/**
 * The heatmap's per-objective facts, kept in memory per team and cycle under the token PostgreSQL replaces on every
 * write that changes them (`heatmap_team_changes`, migration 0050): a read asks for the cycle's tokens (one row per
 * team) and reads again only the teams whose token changed, instead of 12,500 objectives with their key results. The
 * facts hold nothing that depends on the date or the reader (heatmap-facts.ts); the heatmap computes those on each read.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { heatmapTeamChanges } from '../../../db/schema/index.js';
import { isAdmin } from '../../policies/roles.js';
import type { Reader } from '../visibility/objective-visible.js';
import { readKeptFacts, restrictedVisibleTo, type KeptObjectiveFacts } from './heatmap-facts.js';

interface KeptTeam {
  token: string;
  facts: KeptObjectiveFacts[];
}

/** A few organisations' recent cycles (a scale-1 cycle is a few megabytes). */
const KEPT_CYCLES = 8;
const kept = new Map<string, { teams: Map<string, KeptTeam>; untracked: Set<string> }>();

/**
 * Every published team objective of the cycle with its kept facts, whoever may see it. Teams without a token (none
 * written since the migration made them) are read every time rather than kept.
 */
export async function keptHeatmapTeams(db: Executor, orgId: string, cycleId: string): Promise<Map<string, readonly KeptObjectiveFacts[]>> {
  const key = `${orgId}:${cycleId}`;
  const cached = kept.get(key);
  const tokens = await db
    .select({ teamId: heatmapTeamChanges.teamId, token: heatmapTeamChanges.token })
    .from(heatmapTeamChanges)
    .where(and(eq(heatmapTeamChanges.orgId, orgId), eq(heatmapTeamChanges.cycleId, cycleId)));
  const tokenOf = new Map(tokens.map((t) => [t.teamId, t.token]));
  const fresh = new Map<string, KeptTeam>();
  let stale: string[] | null = null; // null: every team
  if (cached) {
    stale = [...cached.untracked];
    for (const [teamId, token] of tokenOf) {
      const team = cached.teams.get(teamId);
      if (team?.token === token) fresh.set(teamId, team);
      else stale.push(teamId);
    }
    for (const teamId of cached.teams.keys()) if (!tokenOf.has(teamId)) stale.push(teamId);
  }
  const read = stale === null || stale.length > 0 ? await readKeptFacts(db, orgId, cycleId, stale) : [];
  // Facts read after the tokens are as new as them or newer: kept under the older token, a later write still shows.
  const readByTeam = new Map<string, KeptObjectiveFacts[]>((stale ?? [...tokenOf.keys()]).map((id) => [id, []]));
  for (const f of read) {
    const list = readByTeam.get(f.teamId);
    if (list) list.push(f);
    else readByTeam.set(f.teamId, [f]);
  }
  const untracked = new Map<string, KeptObjectiveFacts[]>();
  for (const [teamId, facts] of readByTeam) {
    const token = tokenOf.get(teamId);
    if (token) fresh.set(teamId, { token, facts });
    else if (facts.length > 0) untracked.set(teamId, facts);
  }
  kept.delete(key);
  kept.set(key, { teams: fresh, untracked: new Set(untracked.keys()) });
  if (kept.size > KEPT_CYCLES) kept.delete(kept.keys().next().value!);
  const byTeam = new Map<string, readonly KeptObjectiveFacts[]>();
  for (const [teamId, team] of fresh) if (team.facts.length > 0) byTeam.set(teamId, team.facts);
  for (const [teamId, facts] of untracked) byTeam.set(teamId, facts);
  return byTeam;
}

/** One team's kept facts, and those of them the reader sees (the same array when that is all of them). */
export interface VisibleTeam {
  kept: readonly KeptObjectiveFacts[];
  visible: readonly KeptObjectiveFacts[];
}

/** The kept facts of the objectives the reader may see: organisation-wide ones, and the others PostgreSQL lets through. */
export async function visibleHeatmapTeams(db: Executor, reader: Reader, cycleId: string): Promise<Map<string, VisibleTeam>> {
  const kept = await keptHeatmapTeams(db, reader.orgId, cycleId);
  const all = (facts: readonly KeptObjectiveFacts[]) => ({ kept: facts, visible: facts });
  if (isAdmin(reader) || ![...kept.values()].some((facts) => facts.some((f) => f.restricted)))
    return new Map([...kept].map(([teamId, facts]) => [teamId, all(facts)]));
  const seen = await restrictedVisibleTo(db, reader, cycleId);
  return new Map(
    [...kept].map(([teamId, facts]) => [
      teamId,
      facts.some((f) => f.restricted) ? { kept: facts, visible: facts.filter((f) => !f.restricted || seen.has(f.id)) } : all(facts),
    ]),
  );
}

/** The kept facts of every objective the reader sees. */
export async function visibleHeatmapFacts(db: Executor, reader: Reader, cycleId: string): Promise<KeptObjectiveFacts[]> {
  return [...(await visibleHeatmapTeams(db, reader, cycleId)).values()].flatMap((t) => t.visible);
}

/** Drops every kept team (tests compare a kept read with one from scratch). */
export function forgetKeptHeatmapFacts(): void {
  kept.clear();
}
