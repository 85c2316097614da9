import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

/**
 * Importing creates cycles, teams, invitations and published OKRs for everyone, and exporting reads
 * the whole organisation: admin work (and the champions', once that role exists).
 */
export const mayImportData = (actor: Actor) => isAdmin(actor);
export const mayExportData = (actor: Actor) => isAdmin(actor);

export function authorizeImport(actor: Actor): void {
  if (!mayImportData(actor)) throw forbidden('Only an owner or admin can import OKRs.');
}

export function authorizeExport(actor: Actor): void {
  if (!mayExportData(actor)) throw forbidden('Only an owner or admin can export the organisation.');
}
