import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { runsProgramme } from './roles.js';

/** Pulse surveys are the programme's instrument: admins and OKR champions create, close and moderate them. */
export const mayManageSurveys = (actor: Actor) => runsProgramme(actor);
/** The rollout page (phases, rollout team, pilot scope, maturity) is the champions' and admins' workspace. */
export const mayRunRollout = (actor: Actor) => runsProgramme(actor);
/** Adoption figures judge teams and leaders: only the people running the programme read them. */
export const mayReadAdoption = (actor: Actor) => runsProgramme(actor);

export function authorizeSurveyManagement(actor: Actor): void {
  if (!mayManageSurveys(actor)) throw forbidden('Only an owner, admin or OKR champion can create or change surveys.');
}

export function authorizeRollout(actor: Actor): void {
  if (!mayRunRollout(actor)) throw forbidden('Only an owner, admin or OKR champion can run the rollout.');
}

export function authorizeAdoption(actor: Actor): void {
  if (!mayReadAdoption(actor)) throw forbidden('Only an owner, admin or OKR champion can read adoption figures.');
}
