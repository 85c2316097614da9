import type { Me } from '../../api/types.js';

/**
 * Where "New objective" may put one, from the server's `can.placeObjectives`: the default is the
 * company level only for those who may create there, else the person's first team (a lead's first).
 */
export function newObjectivePlaces(me: Me) {
  const places = me.can.placeObjectives ?? { companyLevel: false, anyTeam: false, teamIds: [], leadTeamIds: [] };
  const defaultTeamId: string | null = places.companyLevel ? null : (places.leadTeamIds[0] ?? places.teamIds[0] ?? null);
  return {
    companyLevel: places.companyLevel,
    defaultTeamId,
    allows: (teamId: string) => places.anyTeam || places.teamIds.includes(teamId),
  };
}
