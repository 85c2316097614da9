import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin, runsProgramme } from './roles.js';

/** Renaming the organisation and its time zone are instance settings: admin work. */
export const mayManageOrganization = (actor: Actor) => isAdmin(actor);
/** Running jobs now and reading the outbox (e-mails and webhook calls with their recipients). */
export const mayRunJobs = (actor: Actor) => isAdmin(actor);
/** Team webhook URLs are credentials: only admins read them. */
export const maySeeWebhookUrls = (actor: Actor) => isAdmin(actor);
export const mayManageCycles = (actor: Actor) => runsProgramme(actor);
/** The method's settings (guiding principles, status margins) belong to whoever runs the programme. */
export const mayManagePrinciples = (actor: Actor) => runsProgramme(actor);
export const mayManageRhythm = (actor: Actor) => runsProgramme(actor);

export function authorizeOrganizationChange(actor: Actor): void {
  if (!mayManageOrganization(actor)) throw forbidden('Only an owner or admin can change organisation settings.');
}

export function authorizePrinciplesChange(actor: Actor): void {
  if (!mayManagePrinciples(actor)) throw forbidden('Only an owner, admin or OKR champion can change the guiding principles.');
}

export function authorizeRhythmChange(actor: Actor): void {
  if (!mayManageRhythm(actor)) throw forbidden('Only an owner, admin or OKR champion can change the check-in rhythm.');
}

export function authorizeJobs(actor: Actor): void {
  if (!mayRunJobs(actor)) throw forbidden('Only an owner or admin can run jobs or read the outbox.');
}
