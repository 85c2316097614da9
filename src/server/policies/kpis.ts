import type { TeamMemberRole } from '../../domain/vocabulary.js';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

/** How the actor relates to a KPI: its owner, and their role in the KPI's team (null outside it or for a company KPI). */
export interface KpiRelation {
  owns: boolean;
  teamRole: TeamMemberRole | null;
}

/**
 * Placing a KPI (creating it, or moving its team or owner): admins anywhere; a team's leads in their team;
 * a team member in their team for a KPI they own. Company KPIs (no team) are for admins.
 */
export function canPlaceKpi(actor: Actor, placement: { teamId: string | null; ownerId: string | null }, roleThere: TeamMemberRole | null) {
  if (isAdmin(actor)) return true;
  if (!placement.teamId || roleThere === null) return false;
  return roleThere === 'lead' || placement.ownerId === actor.userId;
}

/** Bands, name and deletion: admins, the owner and the team's leads. */
export const canEditKpi = (actor: Actor, relation: KpiRelation) => isAdmin(actor) || relation.owns || relation.teamRole === 'lead';

/** Reporting, correcting and deleting values (and issuing ingest tokens): the editors and the team's members. */
export const canReportKpi = (actor: Actor, relation: KpiRelation) => canEditKpi(actor, relation) || relation.teamRole !== null;

export const kpiAbilities = (actor: Actor, relation: KpiRelation) => ({
  edit: canEditKpi(actor, relation),
  delete: canEditKpi(actor, relation),
  report: canReportKpi(actor, relation),
});

export type KpiAbilities = ReturnType<typeof kpiAbilities>;

export function authorizeKpiPlacement(
  actor: Actor,
  placement: { teamId: string | null; ownerId: string | null },
  roleThere: TeamMemberRole | null,
) {
  if (!canPlaceKpi(actor, placement, roleThere))
    throw forbidden(
      placement.teamId
        ? "Only an admin, the team's leads, or a team member for a KPI they own can place a KPI in this team."
        : 'Only an owner or admin can create company KPIs.',
    );
}
export function authorizeKpiEdit(actor: Actor, relation: KpiRelation) {
  if (!canEditKpi(actor, relation)) throw forbidden("Only an admin, the KPI's owner or its team's leads can change it.");
}
export function authorizeKpiReport(actor: Actor, relation: KpiRelation) {
  if (!canReportKpi(actor, relation)) throw forbidden("Only the KPI's owner, its team or an admin can report its values.");
}
