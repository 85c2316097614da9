/** What deciding the cycle a page opens on needs of a cycle. */
export interface CycleDates {
  status: string;
  startDate: string;
  endDate: string;
}

/**
 * The cycle a page shows when none is asked for: the active one containing today, else the latest not closed, else
 * the latest. `cycles` oldest first (as the API lists them); `today` an ISO date. The browser decides it for its pages
 * and the server for the answers it preloads with them, so both must pick the same.
 */
export function defaultCycle<C extends CycleDates>(cycles: readonly C[], today: string): C | undefined {
  return (
    cycles.find((c) => c.status === 'active' && c.startDate <= today && today <= c.endDate) ??
    [...cycles].reverse().find((c) => c.status !== 'closed') ??
    cycles[cycles.length - 1]
  );
}
