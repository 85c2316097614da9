import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin, runsProgramme } from './roles.js';

/**
 * Importing creates cycles, teams, invitations and published OKRs for everyone, and exporting reads
 * the whole organisation. Importing is the champions' work as much as the admins' (the "admins and
 * champions"); reading everything out stays with admins.
 */
export const mayImportData = (actor: Actor) => runsProgramme(actor);
export const mayExportData = (actor: Actor) => isAdmin(actor);

export function authorizeImport(actor: Actor): void {
  if (!mayImportData(actor)) throw forbidden('Only an owner, admin or OKR champion can import OKRs.');
}

export function authorizeExport(actor: Actor): void {
  if (!mayExportData(actor)) throw forbidden('Only an owner or admin can export the organisation.');
}
