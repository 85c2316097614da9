import { mergeFacts, NO_FACTS, type GroupFacts } from '../../../domain/adoption/index.js';
import type { Executor } from '../../../db/database.js';
import {
  blockerRows,
  commentRows,
  keyResultRows,
  memberRows,
  minuteRows,
  objectiveRows,
  pilotRows,
  retrospectiveRows,
  teamRows,
  type Range,
} from './load-rows.js';

/** Facts per team ('' holds company objectives, which have no team), the teams' tree, leads and the pilot. */
export interface OrganisationFacts {
  teams: { id: string; name: string; kind: string; parentId: string | null }[];
  byTeam: Map<string, GroupFacts>;
  leads: Map<string, { name: string; teamIds: string[] }>;
  pilotTeamIds: Set<string>;
}

type Mutable = { -readonly [K in Exclude<keyof GroupFacts, 'minutesByWeek'>]: Array<GroupFacts[K][number]> } & {
  minutesByWeek: Map<string, number>;
};
const emptyFacts = (): Mutable => ({
  members: [],
  objectives: [],
  keyResults: [],
  blockers: [],
  commentDates: [],
  reviews: [],
  retrospectives: [],
  minutesByWeek: new Map(),
});
const ms = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(v));

export async function loadOrganisationFacts(db: Executor, orgId: string, range: Range): Promise<OrganisationFacts> {
  // Independent reads: on a pool they run side by side; a single connection (PGlite, a transaction) queues them.
  const [teams, members, objectives, keyResults, blockers, comments, retros, minutes, pilot] = await Promise.all([
    teamRows(db, orgId),
    memberRows(db, orgId),
    objectiveRows(db, orgId, range),
    keyResultRows(db, orgId, range),
    blockerRows(db, orgId, range),
    commentRows(db, orgId, range),
    retrospectiveRows(db, orgId, range),
    minuteRows(db, orgId, range),
    pilotRows(db, orgId),
  ]);
  const byTeam = new Map<string, Mutable>();
  const of = (teamId: string | null) => {
    const key = teamId ?? '';
    const facts = byTeam.get(key) ?? emptyFacts();
    byTeam.set(key, facts);
    return facts;
  };
  const leads = membersAndLeads(members, (teamId, userId, joinedOn) => of(teamId).members.push({ userId, joinedOn }));
  for (const o of objectives)
    of(o.team_id).objectives.push({
      id: o.id,
      involvedIds: o.involved,
      liveFrom: o.live_from,
      liveTo: o.live_to,
      qualityScore: o.quality,
    });
  for (const k of keyResults) {
    const facts = of(k.team_id);
    facts.keyResults.push({ start: k.start, end: k.end, cadenceDays: k.cadence, checkInDates: k.dates });
    facts.reviews.push({ cycleEnd: k.end, doneOn: k.confirmed_on });
  }
  for (const b of blockers)
    of(b.team_id).blockers.push({ raisedAt: ms(b.raised_at), answeredAt: b.answered_at === null ? null : ms(b.answered_at) });
  for (const c of comments) of(c.team_id).commentDates.push(c.day);
  for (const r of retros) of(r.team_id).retrospectives.push({ cycleEnd: r.cycle_end, doneOn: r.held_on });
  for (const m of minutes) of(m.team_id).minutesByWeek.set(m.week_start, m.minutes);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, parentId: t.parent_id })),
    byTeam: byTeam as Map<string, GroupFacts>,
    leads,
    pilotTeamIds: new Set(pilot.map((p) => p.team_id)),
  };
}

/** Puts each membership in its team's list (`membersOf`) and answers the leads with the teams they lead. */
export function membersAndLeads(
  members: readonly { team_id: string; user_id: string; name: string | null; role: string; joined_on: string }[],
  addMember: (teamId: string, userId: string, joinedOn: string) => void,
): OrganisationFacts['leads'] {
  const leads: OrganisationFacts['leads'] = new Map();
  for (const m of members) {
    addMember(m.team_id, m.user_id, m.joined_on);
    if (m.role !== 'lead') continue;
    const lead = leads.get(m.user_id) ?? { name: m.name ?? '', teamIds: [] };
    lead.teamIds.push(m.team_id);
    leads.set(m.user_id, lead);
  }
  return leads;
}

/** A team with every team under it, for many roots: the tree is indexed once (a report asks per department and leader). */
export function subtreeOf(teams: OrganisationFacts['teams']): (rootId: string) => string[] {
  const children = new Map<string, string[]>();
  for (const t of teams) {
    if (!t.parentId) continue;
    const siblings = children.get(t.parentId);
    if (siblings) siblings.push(t.id);
    else children.set(t.parentId, [t.id]);
  }
  return (rootId) => {
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const c of children.get(id) ?? []) walk(c);
    };
    walk(rootId);
    return [...seen];
  };
}

/** The facts of several teams as one group: the definition `groupWeekFigures` is tested against. */
export const factsOf = (org: OrganisationFacts, teamIds: readonly string[]): GroupFacts =>
  mergeFacts(teamIds.map((id) => org.byTeam.get(id) ?? NO_FACTS));
