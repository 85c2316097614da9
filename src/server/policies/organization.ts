import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

/** Renaming the organisation, its time zone, its rhythm and its principles are admin work. */
export const mayManageOrganization = (actor: Actor) => isAdmin(actor);
/** Running jobs now and reading the outbox (e-mails and webhook calls with their recipients). */
export const mayRunJobs = (actor: Actor) => isAdmin(actor);
/** Team webhook URLs are credentials: only admins read them. */
export const maySeeWebhookUrls = (actor: Actor) => isAdmin(actor);
export const mayManageCycles = (actor: Actor) => isAdmin(actor);

export function authorizeOrganizationChange(actor: Actor): void {
  if (!mayManageOrganization(actor)) throw forbidden('Only an owner or admin can change organisation settings.');
}

export function authorizeJobs(actor: Actor): void {
  if (!mayRunJobs(actor)) throw forbidden('Only an owner or admin can run jobs or read the outbox.');
}
