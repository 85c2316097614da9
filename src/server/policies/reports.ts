import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin, runsProgramme } from './roles.js';

/** Sharing a report outside Cairn is the programme's call: admins and champions. */
export const mayShareReports = (actor: Actor) => runsProgramme(actor);
/** Every open share link of the organisation is listed (and revocable) for admins. */
export const mayManageReportShares = (actor: Actor) => isAdmin(actor);

export function authorizeReportShare(actor: Actor): void {
  if (!mayShareReports(actor)) throw forbidden('Only admins and OKR champions can share a report outside Cairn.');
}

export function authorizeReportShareAdmin(actor: Actor): void {
  if (!mayManageReportShares(actor)) throw forbidden('Only admins can list and revoke report links.');
}

export const reportAbilities = (actor: Actor) => ({ share: mayShareReports(actor), manageShares: mayManageReportShares(actor) });
