import { expectedProgress, isStale, paceWindow, type CheckInCadence } from '../../../domain/index.js';

type DateArg = string | null | undefined;

/**
 * The domain's date arithmetic validates and parses its dates on every call. A replay asks it the same few
 * questions for thousands of key results (the same cycle, two dates, a handful of effective starts), so each
 * distinct question is answered once per history. Pure functions: the answers are the ones the domain gives.
 */
function once<A extends DateArg[], R>(compute: (...args: A) => R): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args: A) => {
    const key = args.map((a) => a ?? '-').join('|');
    if (answers.has(key)) return answers.get(key)!;
    const answer = compute(...args);
    answers.set(key, answer);
    return answer;
  };
}

export interface HistoryDates {
  /** expectedProgress in the cycle at `date` for an objective starting on `start`. */
  expected: (date: string, start: DateArg) => number;
  /** The start of the pace window of a key result created on `created` (see staleAt). */
  paceStart: (created: string, objectiveStart: DateArg, keyResultStart: DateArg) => string;
  /** isStale with these facts. */
  stale: (lastCheckInDate: DateArg, since: string, asOf: string, cadence: DateArg) => boolean;
}

export function historyDates(cycle: { startDate: string; endDate: string }): HistoryDates {
  return {
    expected: once((date: string, start: DateArg) => expectedProgress(cycle, date, start)),
    paceStart: once(
      (created: string, objectiveStart: DateArg, keyResultStart: DateArg) =>
        paceWindow(cycle, created, objectiveStart, keyResultStart).startDate,
    ),
    stale: once((lastCheckInDate: DateArg, since: string, asOf: string, cadence: DateArg) =>
      isStale({ lastCheckInDate: lastCheckInDate ?? null, since, asOf, cadence: (cadence ?? undefined) as CheckInCadence | undefined }),
    ),
  };
}
