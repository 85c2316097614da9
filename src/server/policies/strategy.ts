import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin, runsProgramme } from './roles.js';

/** The strategic narrative (mission, vision, pillars, annual objectives) is the programme's: admins and champions. */
export const mayManageStrategy = (actor: Actor) => runsProgramme(actor);

/** Whether the leaderboard is shown and with which names is an organisation setting: admins only. */
export const mayManageLeaderboard = (actor: Actor) => isAdmin(actor);

export function authorizeStrategyEdit(actor: Actor): void {
  if (!mayManageStrategy(actor)) throw forbidden('Only an owner, admin or OKR champion can change the strategy.');
}

export function authorizeLeaderboardSettings(actor: Actor): void {
  if (!mayManageLeaderboard(actor)) throw forbidden('Only an owner or admin can change the leaderboard settings.');
}

export const strategyAbilities = (actor: Actor) => ({ edit: mayManageStrategy(actor), leaderboard: mayManageLeaderboard(actor) });
