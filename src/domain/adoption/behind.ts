/**
 * Leaders whose teams fall behind on involvement are flagged to the champion: their teams' latest involvement is
 * under FLAG_BELOW outright, or FLAG_GAP or more under the organisation's.
 */
export const FLAG_BELOW = 0.5;
export const FLAG_GAP = 0.2;

export function fallsBehind(involvement: number | null, organisation: number | null): boolean {
  if (involvement === null) return false;
  if (involvement < FLAG_BELOW) return true;
  return organisation !== null && organisation - involvement >= FLAG_GAP - 1e-9;
}
