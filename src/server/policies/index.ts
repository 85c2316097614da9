import type { Actor } from '../auth/actor.js';
import { authorizeInvitations } from './invitations.js';
import {
  authorizeOrganizationChange,
  mayManageCycles,
  mayManageOrganization,
  mayManagePrinciples,
  mayManageRhythm,
  mayRunJobs,
} from './organization.js';
import { mayManageSurveys, mayReadAdoption, mayRunRollout } from './rollout.js';
import { authorizeTeamChange, authorizeMembersChange, mayManageTeams } from './teams.js';
import { mayInvite } from './invitations.js';
import { mayManagePeople } from './users.js';
import { forbidden } from '../errors.js';
import { mayImportData } from './imports.js';
import { mayReadAudit } from './audit.js';
import { mayManageServiceTokens } from './tokens.js';

/**
 * Every rule of who may do what lives in this folder, one file per resource, as plain predicates over
 * facts the services load. Services call them inside the write; routes never decide permissions.
 */
export { isAdmin, isChampion, isOwner, runsProgramme } from './roles.js';

/** What the caller may do at the organisation level, sent to the browser with `GET /me`. */
export const organizationAbilities = (actor: Actor) => ({
  manageOrganization: mayManageOrganization(actor),
  managePeople: mayManagePeople(actor),
  invite: mayInvite(actor),
  manageTeams: mayManageTeams(actor),
  manageCycles: mayManageCycles(actor),
  managePrinciples: mayManagePrinciples(actor),
  manageRhythm: mayManageRhythm(actor),
  runJobs: mayRunJobs(actor),
  manageSurveys: mayManageSurveys(actor),
  manageRollout: mayRunRollout(actor),
  readAdoption: mayReadAdoption(actor),
  importData: mayImportData(actor),
  readAudit: mayReadAudit(actor),
  manageServiceTokens: mayManageServiceTokens(actor),
});

/** The older action-name entry point, kept for routes outside people/teams that still call it. */
export type Action = 'organization.update' | 'user.manage' | 'invitation.manage' | 'team.manage' | 'team.members.manage';

export function authorize(actor: Actor, action: Action, context: { leadsTeam?: boolean } = {}): void {
  switch (action) {
    case 'organization.update':
      return authorizeOrganizationChange(actor);
    case 'user.manage':
      if (!mayManagePeople(actor)) throw forbidden('Only an owner or admin can manage people.');
      return;
    case 'invitation.manage':
      return authorizeInvitations(actor);
    case 'team.manage':
      return authorizeTeamChange(actor);
    case 'team.members.manage':
      return authorizeMembersChange(actor, { leadsTeam: context.leadsTeam === true });
  }
}
