import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';

/**
 * The one place that says who may do what. Handlers call `authorize` before any service;
 * services trust their caller. Team leads manage their own team's membership.
 */
export type Action = 'organization.update' | 'user.manage' | 'user.set-owner' | 'invitation.manage' | 'team.manage' | 'team.members.manage';

export interface PolicyContext {
  /** For team.members.manage: the teams the actor leads. */
  leadsTeam?: boolean;
}

export const isAdmin = (actor: Actor) => actor.role === 'owner' || actor.role === 'admin';

export function can(actor: Actor, action: Action, context: PolicyContext = {}): boolean {
  switch (action) {
    case 'user.set-owner':
      return actor.role === 'owner';
    case 'team.members.manage':
      return isAdmin(actor) || context.leadsTeam === true;
    case 'organization.update':
    case 'user.manage':
    case 'invitation.manage':
    case 'team.manage':
      return isAdmin(actor);
  }
}

export function authorize(actor: Actor, action: Action, context: PolicyContext = {}): void {
  if (!can(actor, action, context)) throw forbidden(messages[action]);
}

const messages: Record<Action, string> = {
  'organization.update': 'Only an owner or admin can change organisation settings.',
  'user.manage': 'Only an owner or admin can manage people.',
  'user.set-owner': 'Only an owner can grant or remove the owner role.',
  'invitation.manage': 'Only an owner or admin can invite people.',
  'team.manage': 'Only an owner or admin can create, move or delete teams.',
  'team.members.manage': "Only an admin or one of the team's leads can change its members.",
};
